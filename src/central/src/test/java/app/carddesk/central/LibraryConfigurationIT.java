package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.config.ConfigurationFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library's configuration in the central register (decision 0013): created from a file by the
 * operator, changed by the library's own administrator, read by its desks, refused as a whole
 * when anything is wrong, and versioned and audited when it changes.
 */
class LibraryConfigurationIT {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String OPERATOR = CentralConfig.DEMO_ADMIN_TOKEN;

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private CentralFixture central;

    boolean postgres() {
        return false;
    }

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, mail.getSmtp().getPort(), postgres());
    }

    @AfterEach
    void stop() {
        central.close();
    }

    @Test
    void theOperatorCreatesALibraryFromAFileAndEveryChangeIsANewVersionAudited() throws Exception {
        ObjectNode file = TestLibraries.aarhus();

        JsonNode created = put("KB-TEST", OPERATOR, null, file, 201);
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("name").asText()).isEqualTo("Test Library Aarhus");
        assertThat(created.get("loanRules").get(0).get("publishedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        ConfigurationFile.Read read = ConfigurationFile.read(JSON.writeValueAsBytes(created));
        assertThat(read.problems()).as("what the register answers is a configuration file").isEmpty();

        JsonNode again = put("KB-TEST", OPERATOR, null, file, 200);
        assertThat(again.get("version").asInt()).isEqualTo(2);
        JsonNode got = call("GET", "/api/v1/libraries/KB-TEST/configuration", OPERATOR, null, null, 200);
        assertThat(got).isEqualTo(again);

        assertThat(central.sql("SELECT COUNT(*) FROM library_config_history WHERE library_code = 'KB-TEST'",
                Integer.class)).isEqualTo(2);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE library_code = 'KB-TEST' AND action IN "
                + "('LIBRARY_CREATED', 'CONFIGURATION_CHANGED')", Integer.class)).isEqualTo(2);
        assertThat(central.sql("SELECT document FROM library_config_history WHERE library_code = 'KB-TEST' "
                + "AND version = 1", String.class)).contains("\"Test Library Aarhus\"");
    }

    @Test
    void aRefusedDocumentNamesTheFieldAndChangesNothing() throws Exception {
        ObjectNode overlapping = TestLibraries.aarhus();
        ((ObjectNode) overlapping.withArray("cardSeries").get(0)).put("prefix", "40").put("digits", 7)
                .put("from", 9_900_000).put("to", 9_900_099);
        JsonNode overlap = put("KB-TEST", OPERATOR, null, overlapping, 409);
        assertThat(overlap.get("error").asText()).isEqualTo("card_series_overlap");
        assertThat(overlap.get("field").asText()).isEqualTo("cardSeries[0]");
        assertThat(overlap.get("message").asText()).contains("DEMO-DK");

        ObjectNode wrong = TestLibraries.aarhus();
        ((ObjectNode) wrong.withArray("categories").get(0)).put("minAge", 30).put("maxAge", 20);
        JsonNode ages = put("KB-TEST", OPERATOR, null, wrong, 422);
        assertThat(ages.get("field").asText()).isEqualTo("categories[0].maxAge");
        assertThat(ages.get("message").asText()).isEqualTo("At least the lowest age, 30.");

        HttpResponse<String> unknown = central.sendMalformed("PUT", "/api/v1/libraries/KB-TEST/configuration",
                OPERATOR, JSON.writeValueAsString(TestLibraries.aarhus().put("colour", "blue")));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("colour");

        HttpResponse<String> notJson = central.sendMalformed("PUT", "/api/v1/libraries/KB-TEST/configuration",
                OPERATOR, "{\"format\": 1,");
        assertThat(notJson.statusCode()).isEqualTo(400);

        JsonNode otherCode = put("KB-OTHER", OPERATOR, null, TestLibraries.aarhus(), 422);
        assertThat(otherCode.get("field").asText()).isEqualTo("code");

        assertThat(central.sql("SELECT COUNT(*) FROM library WHERE code IN ('KB-TEST', 'KB-OTHER')", Integer.class))
                .isZero();
        assertThat(central.sql("SELECT COUNT(*) FROM card_series WHERE prefix = '40'", Integer.class)).isZero();
        call("GET", "/api/v1/libraries/KB-TEST/configuration", OPERATOR, null, null, 404);
    }

    @Test
    void theLibrarysAdministratorChangesItsConfigurationButNeitherItsSeriesNorAnotherLibrarys() throws Exception {
        String session = signIn(CentralFixture.TOKEN, "demo.dk");
        ObjectNode dk = (ObjectNode) call("GET", "/api/v1/libraries/DEMO-DK/configuration", CentralFixture.TOKEN,
                session, null, 200);
        int version = dk.get("version").asInt();
        ((ObjectNode) dk.withArray("categories").get(0).get("names")).put("en", "Degree student");
        dk.withArray("loanRules").addObject().put("version", 2).putObject("text")
                .put("da", "Låneregler, version 2.").put("en", "Loan rules, version 2.");

        JsonNode changed = put("DEMO-DK", CentralFixture.TOKEN, session, dk, 200);
        assertThat(changed.get("version").asInt()).isEqualTo(version + 1);

        // The library's desks read it without a person signed in, and are told when nothing changed.
        HttpResponse<String> own = central.send("GET", "/api/v1/library/configuration", CentralFixture.TOKEN, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("ETag")).contains("\"" + (version + 1) + "\"");
        JsonNode desk = JSON.readTree(own.body());
        assertThat(desk.get("categories").get(0).get("names").get("en").asText()).isEqualTo("Degree student");
        assertThat(desk.get("loanRules")).hasSize(2);
        assertThat(central.send("GET", "/api/v1/library/configuration", CentralFixture.TOKEN, null,
                "If-None-Match", "\"" + (version + 1) + "\"").statusCode()).isEqualTo(304);
        assertThat(central.sql("SELECT staff_user FROM audit_event WHERE action = 'CONFIGURATION_CHANGED' "
                + "AND library_code = 'DEMO-DK'", String.class)).isEqualTo("demo.dk");

        ObjectNode stale = dk.deepCopy();
        assertThat(put("DEMO-DK", CentralFixture.TOKEN, session, stale, 409).get("error").asText())
                .isEqualTo("stale_version");

        ObjectNode rewritten = (ObjectNode) desk.deepCopy();
        ((ObjectNode) rewritten.withArray("loanRules").get(0).get("text")).put("en", "Other rules.");
        JsonNode published = put("DEMO-DK", CentralFixture.TOKEN, session, rewritten, 409);
        assertThat(published.get("error").asText()).isEqualTo("loan_rules_published");
        assertThat(published.get("field").asText()).isEqualTo("loanRules[0].text");

        ObjectNode moreSeries = (ObjectNode) desk.deepCopy();
        moreSeries.withArray("cardSeries").addObject().put("prefix", "4098").put("digits", 1).put("from", 0)
                .put("to", 9).put("checkDigit", "NONE");
        assertThat(put("DEMO-DK", CentralFixture.TOKEN, session, moreSeries, 403).get("field").asText())
                .isEqualTo("cardSeries");

        // The country and being a test library are the organisation's to set, as the series are.
        ObjectNode real = (ObjectNode) desk.deepCopy();
        real.put("testProfile", !desk.get("testProfile").asBoolean());
        assertThat(put("DEMO-DK", CentralFixture.TOKEN, session, real, 403).get("field").asText())
                .isEqualTo("testProfile");
        ObjectNode moved = (ObjectNode) desk.deepCopy();
        moved.put("country", "NO");
        assertThat(put("DEMO-DK", CentralFixture.TOKEN, session, moved, 403).get("field").asText())
                .isEqualTo("country");

        JsonNode oslo = call("GET", "/api/v1/libraries/DEMO-NO/configuration", OPERATOR, null, null, 200);
        assertThat(put("DEMO-NO", CentralFixture.TOKEN, session, (ObjectNode) oslo, 403).get("error").asText())
                .isEqualTo("permission_denied");
        assertThat(put("DEMO-DK", CentralFixture.TOKEN, null, (ObjectNode) desk, 401).get("error").asText())
                .isEqualTo("session_invalid");
        assertThat(call("GET", "/api/v1/libraries/DEMO-DK/configuration", OPERATOR, null, null, 200)
                .get("version").asInt()).as("nothing refused changed anything").isEqualTo(version + 1);
    }

    @Test
    void theStockOfEachSeriesIsCountedAndWarnsFromNinetyPercentUsed() throws Exception {
        ObjectNode dk = (ObjectNode) call("GET", "/api/v1/libraries/DEMO-DK/configuration", OPERATOR, null, null, 200);
        dk.withArray("cardSeries").addObject().put("prefix", "4098").put("digits", 1).put("from", 0).put("to", 9)
                .put("checkDigit", "NONE");
        // With a check digit, one number in ten of the range is a card: 4097100–4097199 holds ten.
        dk.withArray("cardSeries").addObject().put("prefix", "4097").put("digits", 3).put("from", 100)
                .put("to", 199).put("checkDigit", "LUHN");
        put("DEMO-DK", OPERATOR, null, dk, 200);
        for (int i = 0; i < 9; i++) {
            HttpResponse<String> r = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN, patron("4098" + i, i),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }

        JsonNode stock = call("GET", "/api/v1/libraries/DEMO-DK/card-series/stock", OPERATOR, null, null, 200);

        assertThat(stock).hasSize(3);
        JsonNode main = stock.get(0);
        assertThat(main.get("prefix").asText()).isEqualTo("4099");
        assertThat(main.get("used").asLong()).isZero();
        assertThat(main.get("left").asLong()).isEqualTo(100_000);
        assertThat(main.get("warning").asBoolean()).isFalse();
        JsonNode small = stock.get(1);
        assertThat(small.get("used").asLong()).isEqualTo(9);
        assertThat(small.get("left").asLong()).isEqualTo(1);
        assertThat(small.get("warning").asBoolean()).isTrue();
        JsonNode checked = stock.get(2);
        assertThat(checked.get("prefix").asText()).isEqualTo("4097");
        assertThat(checked.get("left").asLong()).isEqualTo(10);

        // Withdrawing a series cards were issued from is refused.
        ObjectNode without = (ObjectNode) call("GET", "/api/v1/libraries/DEMO-DK/configuration", OPERATOR, null, null,
                200);
        ((ArrayNode) without.withArray("cardSeries")).remove(1);
        assertThat(put("DEMO-DK", OPERATOR, null, without, 409).get("error").asText())
                .isEqualTo("card_series_in_use");
    }

    private static String patron(String card, int n) {
        return """
                {"id":"%s","cardNumber":"%s","identity":{"kind":"NONE","number":null},"surname":"Stock%c",
                 "givenName":"Anna","birthDate":"1990-05-17","email":null,"phone":null,
                 "address":{"line":"Vej 1","postalCode":"1000","city":"København K","country":"Danmark"},
                 "pickupLibrary":"KB-SK","category":"STUDENT","expiresOn":null,"expectsNationalId":true}"""
                .formatted(UUID.randomUUID(), card, (char) ('a' + n));
    }


    private JsonNode put(String code, String token, String session, ObjectNode document, int status) throws Exception {
        return call("PUT", "/api/v1/libraries/" + code + "/configuration", token, session, document, status);
    }

    private String signIn(String token, String user) throws Exception {
        HttpResponse<String> r = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn(user, DemoStaff.PASSWORD)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    private JsonNode call(String method, String path, String token, String session, Object body, int status)
            throws Exception {
        String json = body == null ? null : JSON.writeValueAsString(body);
        HttpResponse<String> r = session == null ? central.send(method, path, token, json)
                : central.send(method, path, token, json, Api.SESSION_HEADER, session);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }
}
