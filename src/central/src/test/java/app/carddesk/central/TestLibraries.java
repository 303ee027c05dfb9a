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

    /**
     * Runs one of the operator's commands on the central's machine (as {@code carddesk-central …}
     * does) and gives what it printed; a command that fails fails the test with its message.
     */
    public static String operator(CentralServer central, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = new SetUp(central.database(), java.time.Clock.systemUTC(), new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(err, true,
                java.nio.charset.StandardCharsets.UTF_8)).run(args);
        if (exit != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + exit + ": "
                    + err.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
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
