package app.carddesk.central;

import app.carddesk.api.Json;
import app.carddesk.config.ConfigurationFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Configuration files of libraries the tests put into service. */
public final class TestLibraries {

    private TestLibraries() {
    }

    /** A real library's file: the Copenhagen demo's, as KB-TEST "Test Library Aarhus" with series 4100. */
    public static ObjectNode aarhus() {
        try (InputStream in = ConfigurationFile.class.getResourceAsStream("/app/carddesk/config/demo/DEMO-DK.json")) {
            ObjectNode file = (ObjectNode) Json.mapper().readTree(in);
            file.put("code", "KB-TEST").put("name", "Test Library Aarhus").put("testProfile", false);
            ((ObjectNode) file.withArray("cardSeries").get(0)).put("prefix", "4100");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
