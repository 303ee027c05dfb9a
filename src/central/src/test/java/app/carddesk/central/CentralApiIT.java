package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The central API over HTTP on loopback, with a real H2 file and a real SMTP server (GreenMail). */
class CentralApiIT {

    /** Whether this run uses PostgreSQL instead of H2 (see {@link CentralApiPostgresIT}). */
    boolean postgres() {
        return false;
    }

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private CentralFixture central;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, mail.getSmtp().getPort(), postgres());
    }

    @AfterEach
    void stop() {
        central.close();
    }

    static String patron(UUID id, String card, String identityKind, String number, String email) {
        return """
                {"id":"%s","cardNumber":%s,"identity":{"kind":"%s","number":%s},"surname":"Berg",
                 "givenName":"Anna","birthDate":"1990-05-17","email":%s,"phone":null,
                 "address":{"line":"Vej 1","postalCode":"1000","city":"København K","country":"Danmark"},
                 "pickupLibrary":"KB-SK","category":"STUDENT","expiresOn":null,"expectsNationalId":true}"""
                .formatted(id, card == null ? "null" : "\"" + card + "\"", identityKind,
                        number == null ? "null" : "\"" + number + "\"", email == null ? "null" : "\"" + email + "\"");
    }

    /** Activation at Bergen, with the patron present: the loan rules accepted and their PIN typed. */
    private static final String ACTIVATION = "{\"rulesVersion\":1,\"pin\":\"" + CentralLifecycleIT.PIN + "\"}";

    /** The registration with the hash of the PIN the patron chose at the desk. */
    private static String withOwnPin(String patron) {
        return patron.substring(0, patron.lastIndexOf('}')) + ",\"pinHash\":\"" + CentralLifecycleIT.PIN_HASH
                + "\"}";
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        return central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN, body, "Idempotency-Key", key);
    }

    private JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    /** The patrons of this library's changes after {@code after}, and the feed's position after them. */
    private record Pulled(java.util.List<String> patrons, long last) {
    }

    private Pulled pull(long after) throws Exception {
        JsonNode page = body(central.send("GET", "/api/v1/changes?after=" + after, CentralFixture.TOKEN, null));
        java.util.List<String> patrons = new java.util.ArrayList<>();
        page.get("changes").forEach(c -> patrons.add(c.get("patronId").asText()));
        return new Pulled(patrons, page.get("last").asLong());
    }

    @Test
    void aChangeThatCommitsAfterALaterOneStillReachesADeskThatPulledInBetween() throws Exception {
        UUID first = UUID.randomUUID();
        assertThat(post(patron(first, "409900021", "NONE", null, null), UUID.randomUUID().toString()).statusCode())
                .isEqualTo(201);
        long start = pull(0).last();
        // A change to the first patron, written as every change is, by a request that is slow to commit.
        try (org.jdbi.v3.core.Handle slow = central.server.database().jdbi().open()) {
            slow.begin();
            slow.attach(CentralDaos.ChangeFeed.class).toMembers(first, app.carddesk.api.ChangeKind.UPDATED,
                    java.time.Instant.now(), "DEMO-DK", null);
            // Meanwhile another desk registers a patron, and a desk pulls.
            UUID second = UUID.randomUUID();
            assertThat(post(patron(second, "409900022", "NONE", null, null), UUID.randomUUID().toString())
                    .statusCode()).isEqualTo(201);
            Pulled between = pull(start);
            assertThat(between.patrons()).containsExactly(second.toString());
            slow.commit();
            assertThat(pull(between.last()).patrons()).as("the change that committed last, pulled next")
                    .containsExactly(first.toString());
        }
    }

    @Test
    void answersHealthAndItsOwnApiDocument() throws Exception {
        assertThat(central.send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> doc = central.send("GET", "/api/v1/openapi.yaml", null, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("openapi: 3.0.3").contains("/api/v1/changes").contains("card_number_taken");
    }

    @Test
    void refusesABodyOverTheLimitOnEveryRouteWithACompleteAnswer() throws Exception {
        String huge = "{\"x\":\"" + "y".repeat(app.carddesk.api.Api.MAX_BODY_BYTES) + "\"}";
        for (String[] r : new String[][] {{"GET", "/api/v1/openapi.yaml"}, {"GET", "/health"},
            {"POST", "/api/v1/patrons"}, {"GET", "/api/v1/changes"}}) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = central.sendMalformed(r[0], r[1], CentralFixture.TOKEN, huge);
                assertThat(answer.statusCode()).as(r[0] + " " + r[1]).isEqualTo(413);
                assertThat(body(answer).get("error").asText()).isEqualTo("body_too_large");
            }
        }
    }

    @Test
    void refusesCallsWithoutAValidWorkstationToken() throws Exception {
        HttpResponse<String> none = central.send("GET", "/api/v1/changes", null, null);
        HttpResponse<String> wrong = central.send("GET", "/api/v1/changes", "nope", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(body(wrong).get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void registersOnceHoweverOftenTheSameRequestArrives() throws Exception {
        UUID id = UUID.randomUUID();
        String request = patron(id, "409900001", "NONE", null, null);
        HttpResponse<String> first = post(request, "k-1");
        HttpResponse<String> again = post(request, "k-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(body(first).get("id").asText()).isEqualTo(id.toString());
        int patrons = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM patron").mapTo(Integer.class).one());
        assertThat(patrons).isEqualTo(1);
        assertThat(post(patron(id, "409900002", "NONE", null, null), "k-1").statusCode())
                .as("a key reused for another request").isEqualTo(422);
        HttpResponse<String> byCard = central.send("GET", "/api/v1/patrons?cardNumber=409900001",
                CentralFixture.TOKEN, null);
        assertThat(body(byCard).get("surname").asText()).isEqualTo("Berg");
        assertThat(byCard.body()).doesNotContain("pinHash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"", "not json", "[1,2", "null", ""})
    void answersMalformedJsonWith400AndAClearMessage(String body) throws Exception {
        HttpResponse<String> r = central.sendMalformed("POST", "/api/v1/patrons", CentralFixture.TOKEN, body,
                "Idempotency-Key", "k-bad");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).isEqualTo("malformed_json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void appliesTheDeskRulesAndWarnsWhereRegistersBreakTheirOwn() throws Exception {
        HttpResponse<String> badDate = post(patron(UUID.randomUUID(), "409900003", "CPR", "3102901234", null), "k-3");
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(body(badDate).get("field").asText()).isEqualTo("identity.number");
        assertThat(body(badDate).get("message").asText()).contains("real date");

        HttpResponse<String> modulus = post(patron(UUID.randomUUID(), "409900004", "CPR", "0101654002", null), "k-4");
        assertThat(modulus.statusCode()).isEqualTo(201);
        assertThat(body(modulus).get("warnings").toString()).contains("identity.cpr.modulus11");

        HttpResponse<String> outside = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN_NO,
                patron(UUID.randomUUID(), "N123456789", "NONE", null, null), "Idempotency-Key", "k-5");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(body(outside).get("error").asText()).isEqualTo("card_number_not_reserved");
    }

    @Test
    void refusesATakenCardAndANationalIdRegisteredTwiceNamingTheExistingPatron() throws Exception {
        UUID first = UUID.randomUUID();
        post(patron(first, "409900005", "CPR", "1503901001", null), "k-6");
        HttpResponse<String> card = post(patron(UUID.randomUUID(), "409900005", "NONE", null, null), "k-7");
        assertThat(card.statusCode()).isEqualTo(409);
        assertThat(body(card).get("error").asText()).isEqualTo("card_number_taken");
        assertThat(body(card).get("existingId").asText()).isEqualTo(first.toString());
        HttpResponse<String> identity = post(patron(UUID.randomUUID(), "409900006", "CPR", "150390-1001", null),
                "k-8");
        assertThat(identity.statusCode()).isEqualTo(409);
        assertThat(body(identity).get("error").asText()).isEqualTo("identity_already_registered");
        assertThat(body(identity).get("existingId").asText()).isEqualTo(first.toString());
    }

    @Test
    void aCardTakenOutOfUseByAnEditKeepsTheReasonTheDeskGave() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900018", "NONE", null, null), "k-18a");
        String replaced = patron(id, "409900019", "NONE", null, null);
        HttpResponse<String> unknown = central.sendMalformed("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, replaced,
                "If-Match", "1", app.carddesk.api.Api.CARD_RETIRED_HEADER, "SHREDDED");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(body(unknown).get("field").asText()).isEqualTo(app.carddesk.api.Api.CARD_RETIRED_HEADER);
        HttpResponse<String> ok = central.send("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, replaced,
                "If-Match", "1", app.carddesk.api.Api.CARD_RETIRED_HEADER, "LOST");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(central.sql("SELECT status || ' ' || retired_reason FROM card WHERE number = '409900018'",
                String.class)).isEqualTo("RETIRED LOST");
        // Without a reason, as before.
        HttpResponse<String> again = central.send("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN,
                patron(id, "409900020", "NONE", null, null), "If-Match", "2");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(central.sql("SELECT status FROM card WHERE number = '409900019'", String.class)).isEqualTo("RETIRED");
    }

    @Test
    void refusesAStaleEditAndFeedsEveryChange() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900007", "NONE", null, null), "k-9");
        String edit = patron(id, "409900007", "NONE", null, "anna@example.org");
        HttpResponse<String> ok = central.send("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, edit,
                "If-Match", "1");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(body(ok).get("version").asInt()).isEqualTo(2);
        HttpResponse<String> stale = central.send("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, edit,
                "If-Match", "1");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(stale).get("error").asText()).isEqualTo("stale_version");
        assertThat(central.sendMalformed("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, edit).statusCode())
                .as("no If-Match").isEqualTo(428);

        JsonNode feed = body(central.send("GET", "/api/v1/changes?after=0&limit=10", CentralFixture.TOKEN, null));
        assertThat(feed.get("changes")).hasSize(2);
        assertThat(feed.get("changes").get(1).get("kind").asText()).isEqualTo("UPDATED");
        assertThat(feed.get("changes").get(1).get("patron").get("email").asText()).isEqualTo("anna@example.org");
        JsonNode otherLibrary = body(central.send("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN_NO, null));
        assertThat(otherLibrary.get("changes")).as("another library sees none of these patrons").isEmpty();
        assertThat(central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN_NO, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDesksOwnChangesComeBackWithoutTheirData() throws Exception {
        UUID id = UUID.randomUUID();
        central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN, patron(id, "409900030", "NONE", null, null),
                "Idempotency-Key", "own-1", "X-CardDesk-Desk", "desk-a");
        JsonNode own = body(central.send("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN, null,
                "X-CardDesk-Desk", "desk-a")).get("changes").get(0);
        assertThat(own.get("kind").asText()).isEqualTo("OWN");
        assertThat(own.get("patron").isNull()).isTrue();
        JsonNode other = body(central.send("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN, null,
                "X-CardDesk-Desk", "desk-b")).get("changes").get(0);
        assertThat(other.get("kind").asText()).isEqualTo("CREATED");
        assertThat(other.get("patron").get("id").asText()).isEqualTo(id.toString());
    }

    @Test
    void onlyTheOperatorReservesCardSeriesWithoutOverlapAndWithdrawsUnusedOnes() throws Exception {
        String operator = CentralConfig.DEMO_ADMIN_TOKEN;
        HttpResponse<String> byDesk = central.send("POST", "/api/v1/card-series", CentralFixture.TOKEN_NO,
                "{\"library\":\"DEMO-NO\",\"prefix\":\"77\",\"digits\":5,\"from\":0,\"to\":10}");
        assertThat(byDesk.statusCode()).as("a workstation reserves nothing").isEqualTo(403);
        assertThat(body(byDesk).get("error").asText()).isEqualTo("operator_only");
        assertThat(central.send("GET", "/api/v1/patrons?cardNumber=409900001", operator, null).statusCode())
                .as("the operator credential is no workstation").isEqualTo(401);

        HttpResponse<String> overlap = central.send("POST", "/api/v1/card-series", operator,
                "{\"library\":\"DEMO-NO\",\"prefix\":\"4099\",\"digits\":5,\"from\":90000,\"to\":99999}");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(body(overlap).get("error").asText()).isEqualTo("card_series_overlap");
        HttpResponse<String> wider = central.send("POST", "/api/v1/card-series", operator,
                "{\"library\":\"DEMO-NO\",\"prefix\":\"40\",\"digits\":7,\"from\":9900000,\"to\":9900009}");
        assertThat(wider.statusCode()).as("40 + 7 digits produces 4099 + 5 digits' numbers").isEqualTo(409);
        for (String malformed : new String[] {
            "{\"library\":\"DEMO-NO\",\"prefix\":\"\\u0007\",\"digits\":5,\"from\":0,\"to\":10}",
            "{\"prefix\":\"77\",\"digits\":3,\"from\":0,\"to\":1}"}) {
            assertThat(central.sendMalformed("POST", "/api/v1/card-series", operator, malformed).statusCode())
                    .as("a control character for a prefix, or no library: " + malformed).isEqualTo(422);
        }
        for (String poison : new String[] {
            "{\"library\":\"DEMO-NO\",\"prefix\":\"77\",\"digits\":3,\"from\":0,\"to\":1000}",
            "{\"library\":\"DEMO-NO\",\"prefix\":\"77\",\"digits\":3,\"from\":9,\"to\":1}",
            "{\"library\":\"NOWHERE\",\"prefix\":\"77\",\"digits\":3,\"from\":0,\"to\":1}"}) {
            HttpResponse<String> refused = central.send("POST", "/api/v1/card-series", operator, poison);
            assertThat(refused.statusCode()).as(poison).isEqualTo(422);
        }
        assertThat(central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN, patron(UUID.randomUUID(),
                "409900099", "NONE", null, null), "Idempotency-Key", "k-after-refusals").statusCode())
                .as("the library's registrations still work").isEqualTo(201);
        HttpResponse<String> own = central.send("POST", "/api/v1/card-series", operator,
                "{\"library\":\"DEMO-NO\",\"prefix\":\"n\",\"digits\":9,\"from\":100000000,\"to\":100099999}");
        assertThat(own.statusCode()).isEqualTo(201);
        long used = body(own).get("id").asLong();
        assertThat(central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN_NO,
                patron(UUID.randomUUID(), "N100000042", "NONE", null, null), "Idempotency-Key", "k-10").statusCode())
                .isEqualTo(201);

        HttpResponse<String> unused = central.send("POST", "/api/v1/card-series", operator,
                "{\"library\":\"DEMO-NO\",\"prefix\":\"N\",\"digits\":9,\"from\":200000000,\"to\":200000999}");
        long unusedId = body(unused).get("id").asLong();
        assertThat(central.send("DELETE", "/api/v1/card-series/" + unusedId, CentralFixture.TOKEN_NO, null)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> inUse = central.send("DELETE", "/api/v1/card-series/" + used, operator, null);
        assertThat(inUse.statusCode()).as(inUse.body()).isEqualTo(409);
        assertThat(body(inUse).get("error").asText()).isEqualTo("card_series_in_use");
        assertThat(central.send("DELETE", "/api/v1/card-series/" + unusedId, operator, null).statusCode())
                .isEqualTo(204);
        assertThat(central.send("DELETE", "/api/v1/card-series/" + unusedId, operator, null).statusCode())
                .isEqualTo(404);
        assertThat(body(central.send("GET", "/api/v1/card-series", CentralFixture.TOKEN_NO, null)).toString())
                .contains("100000000").doesNotContain("200000000");
    }

    @Test
    void answersEachRegistrationOfABatchAsIfSentAlone() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String items = "{\"items\":[" + String.join(",",
                "{\"idempotencyKey\":\"b-1\",\"patron\":" + patron(a, "409900020", "NONE", null, null) + "}",
                "{\"idempotencyKey\":\"b-2\",\"patron\":" + patron(b, "409900020", "NONE", null, null) + "}",
                "{\"idempotencyKey\":\"b-3\",\"patron\":" + patron(c, "409900021", "CPR", "3102901234", null)
                        + "}") + "]}";
        HttpResponse<String> first = central.send("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN, items);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode results = body(first).get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("body").get("error").asText()).isEqualTo("card_number_taken");
        assertThat(results.get(1).get("body").get("existingId").asText()).isEqualTo(a.toString());
        assertThat(results.get(2).get("status").asInt()).isEqualTo(422);
        HttpResponse<String> again = central.send("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN, items);
        assertThat(body(again).get("results").get(0)).isEqualTo(results.get(0));
        int patrons = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM patron").mapTo(Integer.class).one());
        assertThat(patrons).isEqualTo(1);
    }

    /** A registration with one field (a dotted path such as address.city) set to {@code value}. */
    private String patronWith(UUID id, String card, String path, com.fasterxml.jackson.databind.JsonNode value)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(patron(id, card, "NONE", null, "anna@example.org"));
        String[] parts = path.split("\\.");
        com.fasterxml.jackson.databind.node.ObjectNode at = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (com.fasterxml.jackson.databind.node.ObjectNode) at.get(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
        return json.writeValueAsString(doc);
    }

    private int count(String sql) {
        return central.server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = app.carddesk.api.FieldLimit.class,
            names = {"SERIES_PREFIX", "IDEMPOTENCY_KEY"}, mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void refusesAPatronsTextLongerThanItsColumnOrWithAControlCharacterNamingTheField(
            app.carddesk.api.FieldLimit limit) throws Exception {
        String tooLong = limit == app.carddesk.api.FieldLimit.EMAIL
                ? "a".repeat(limit.maxLength() + 1 - "@example.org".length()) + "@example.org"
                : "4".repeat(limit.maxLength() + 1);
        for (String value : new String[] {tooLong, "Line\nbreak", "nul\u0000"}) {
            HttpResponse<String> r = post(patronWith(UUID.randomUUID(), limit == app.carddesk.api.FieldLimit.CARD_NUMBER
                    ? null : "409900070", limit.field(), json.getNodeFactory().textNode(value)), "limit-" + value.length());
            assertThat(r.statusCode()).as(limit + " " + r.body()).isEqualTo(422);
            assertThat(body(r).get("error").asText()).isEqualTo("invalid_field");
            assertThat(body(r).get("field").asText()).isEqualTo(limit.field());
        }
        assertThat(count("SELECT COUNT(*) FROM patron")).isZero();
    }

    @Test
    void storesNamesAndAddressesThatGrowWhenFoldedForSearch() throws Exception {
        UUID korean = UUID.randomUUID();
        HttpResponse<String> r = post(patronWith(korean, "409900071", "surname",
                json.getNodeFactory().textNode("한".repeat(100))), "fold-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        UUID dotted = UUID.randomUUID();
        r = post(patronWith(dotted, "409900072", "email", json.getNodeFactory().textNode("İ".repeat(185)
                + "@example.org")), "fold-2");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode found = body(central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN,
                "{\"name\":\"" + "한".repeat(10) + "\"}"));
        assertThat(found.get("patrons").get(0).get("id").asText()).isEqualTo(korean.toString());
    }

    @Test
    void refusesDatesAndAmountsNoLibraryHasWithoutStoringThem() throws Exception {
        String[][] cases = {{"birthDate", "\"1850-01-01\""}, {"expiresOn", "\"+99999-01-01\""},
            {"feesOwedMinor", "9000000000000000000"}, {"printCreditMinor", "100000000001"}};
        for (String[] c : cases) {
            // A year past 9999 is outside the contract's date format too: sent as deliberately malformed.
            String body = patronWith(UUID.randomUUID(), "409900073", c[0], json.readTree(c[1]));
            HttpResponse<String> r = c[1].startsWith("\"+") ? central.sendMalformed("POST", "/api/v1/patrons",
                    CentralFixture.TOKEN, body, "Idempotency-Key", "date-" + c[0]) : post(body, "date-" + c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(422);
            assertThat(body(r).get("field").asText()).isEqualTo(c[0]);
        }
        UUID child = UUID.randomUUID();
        String early = "[{\"guardianId\":\"" + UUID.randomUUID() + "\",\"consentAt\":\"-999999-01-01T00:00:00Z\"}]";
        HttpResponse<String> r = central.sendMalformed("POST", "/api/v1/patrons", CentralFixture.TOKEN,
                patronWith(child, "409900074", "guardians", json.readTree(early)), "Idempotency-Key", "date-g");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM patron")).isZero();
    }

    @Test
    void aGuardianNamedTwiceIsLinkedOnce() throws Exception {
        UUID guardian = UUID.randomUUID();
        assertThat(post(patron(guardian, "409900076", "NONE", null, null), "g-adult").statusCode()).isEqualTo(201);
        String twice = "[{\"guardianId\":\"%s\",\"consentAt\":\"2026-01-01T10:00:00Z\"},{\"guardianId\":\"%s\",\"consentAt\":\"2026-01-02T10:00:00Z\"}]"
                .formatted(guardian, guardian);
        UUID child = UUID.randomUUID();
        HttpResponse<String> r = post(patronWith(child, "409900075", "guardians", json.readTree(twice)), "g-twice");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(body(central.send("GET", "/api/v1/patrons/" + child, CentralFixture.TOKEN, null)).get("guardians"))
                .hasSize(1);
    }

    @Test
    void fetchesMasterDataFromThePopulationRegister() throws Exception {
        HttpResponse<String> found = central.send("POST", "/api/v1/population/lookup", CentralFixture.TOKEN,
                "{\"number\":\"150390-1001\"}");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).get("surname").asText()).isEqualTo("Lindqvist");
        assertThat(central.send("POST", "/api/v1/population/lookup", CentralFixture.TOKEN,
                "{\"number\":\"0707611006\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void findsThisLibrarysPatronsByOneKeyInTheBodyAndAuditsTheKeyOnly() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900013", "CPR", "1503901001", "anna.berg@example.org"), "k-13");
        for (String query : new String[] {"{\"name\":\"anna BERG\"}", "{\"name\":\"ber\",\"birthDate\":\"1990-05-17\"}",
            "{\"cardNumber\":\"409900013\"}", "{\"identity\":\"150390-1001\"}",
            "{\"email\":\"Anna.Berg@example.org\"}"}) {
            HttpResponse<String> r = central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN, query);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            assertThat(body(r).get("patrons").get(0).get("id").asText()).as(query).isEqualTo(id.toString());
            assertThat(r.body()).as("no national ID in the answer").doesNotContain("1503901001");
        }
        assertThat(body(central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN,
                "{\"name\":\"berg\",\"birthDate\":\"1991-01-01\"}")).get("patrons")).isEmpty();
        for (String bad : new String[] {"{}", "{\"name\":\"berg\",\"email\":\"a@b.dk\"}",
            "{\"birthDate\":\"1990-05-17\"}"}) {
            assertThat(central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN, bad).statusCode())
                    .as(bad).isEqualTo(422);
        }
        assertThat(central.sendMalformed("POST", "/api/v1/patrons/search", CentralFixture.TOKEN,
                "{\"name\":\"" + "x".repeat(201) + "\"}").statusCode()).as("a name too long").isEqualTo(422);
        assertThat(central.sendMalformed("POST", "/api/v1/patrons/search", CentralFixture.TOKEN, "{nope").statusCode())
                .isEqualTo(400);
        HttpResponse<String> inUrl = central.sendMalformed("GET", "/api/v1/patrons?identity=1503901001",
                CentralFixture.TOKEN, null);
        assertThat(inUrl.statusCode()).as("a national ID in a URL is refused").isEqualTo(400);
        assertThat(body(inUrl).get("error").asText()).isEqualTo("identity_in_url");
        java.util.List<String> details = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_event WHERE action = 'PATRON_SEARCH'").mapTo(String.class).list());
        String audit = String.join(",", details);
        assertThat(audit).contains("by=name").contains("by=identity").doesNotContain("150390")
                .doesNotContain("1503901001").doesNotContain("berg");
    }

    @Test
    void mailsNoPinWhenTheAddressIsNotTheOneStaffConfirmed() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900012", "NONE", null, "maja@example.org"), "k-12");
        HttpResponse<String> refused = central.send("POST", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN, "{\"language\":\"da\",\"email\":\"someone.else@example.org\"}",
                "Idempotency-Key", "pin-12");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused).get("error").asText()).isEqualTo("email_changed");
        assertThat(mail.getReceivedMessages()).isEmpty();
        HttpResponse<String> sent = central.send("POST", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN, "{\"language\":\"da\",\"email\":\"Maja@example.org\"}",
                "Idempotency-Key", "pin-13");
        assertThat(sent.statusCode()).isEqualTo(202);
        central.awaitMailsSent();
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailsARandomPinOnceAndKeepsOnlyItsHash() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900011", "NONE", null, "maja@example.org"), "k-11");
        java.util.List<String> before = DatabaseSearch.texts(central.server.database().jdbi());
        HttpResponse<String> sent = central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                "{\"language\":\"da\"}", "Idempotency-Key", "pin-1");
        HttpResponse<String> retry = central.send("POST", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN, "{\"language\":\"da\"}", "Idempotency-Key", "pin-1");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        central.awaitMailsSent();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as("a retry sends no second mail").hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("maja@example.org");
        String text = GreenMailUtil.getBody(received[0]);
        Matcher m = Pattern.compile("PIN-kode til lånerkort 409900011 er: (\\d{4})").matcher(
                new String(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8).replace("=\r\n", ""));
        String decoded = jakarta.mail.internet.MimeUtility.decodeText(received[0].getSubject());
        assertThat(decoded).contains("Demo Research Library");
        String pin = m.find() ? m.group(1) : pinFrom(received[0]);
        String hash = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT pin_hash FROM patron WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$");
        assertThat(new app.carddesk.security.Argon2PinHasher().matches(pin, hash)).isTrue();
        assertThat(DatabaseSearch.gained(central.server.database().jdbi(), pin, before)).as("PIN stored in clear")
                .isFalse();
        central.server.database().jdbi().useHandle(h -> h.execute("INSERT INTO audit_event (at, library_code, "
                + "workstation, action, detail) VALUES (CURRENT_TIMESTAMP, 'DEMO-DK', 'x', 'PLANTED', ?)", "pin=" + pin));
        assertThat(DatabaseSearch.gained(central.server.database().jdbi(), pin, before))
                .as("the search finds a PIN planted in clear, so its 'false' above means something").isTrue();
    }

    /** Sends {@code n} requests at once (released together) and returns their answers in order. */
    private java.util.List<HttpResponse<String>> race(int n, java.util.function.IntFunction<String[]> request)
            throws Exception {
        return race(n, request, i -> CentralFixture.TOKEN);
    }

    /** The same, each request with the workstation token {@code token} gives it. */
    private java.util.List<HttpResponse<String>> race(int n, java.util.function.IntFunction<String[]> request,
                                                      java.util.function.IntFunction<String> token)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String[] r = request.apply(i);
                String t = token.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return central.send(r[0], r[1], t, r[2],
                            java.util.Arrays.copyOfRange(r, 3, r.length));
                }));
            }
            start.countDown();
            java.util.List<HttpResponse<String>> out = new java.util.ArrayList<>();
            for (var f : answers) {
                out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Map<Integer, Long> byStatus(java.util.List<HttpResponse<String>> answers) {
        return answers.stream().collect(java.util.stream.Collectors.groupingBy(HttpResponse::statusCode,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    @Test
    void racingRegistrationsOfOneCardGetOneCreatedAndCardConflictsNamingTheWinner() throws Exception {
        UUID[] ids = new UUID[50];
        java.util.List<HttpResponse<String>> answers = race(50, i -> {
            ids[i] = UUID.randomUUID();
            return new String[] {"POST", "/api/v1/patrons", patron(ids[i], "409900050", "NONE", null, null),
                "Idempotency-Key", "card-race-" + i};
        });
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() >= 500)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(
                java.util.Map.entry(201, 1L), java.util.Map.entry(409, 49L));
        String winner = body(answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow())
                .get("id").asText();
        for (HttpResponse<String> lost : answers.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(body(lost).get("error").asText()).as(lost.body()).isEqualTo("card_number_taken");
            assertThat(body(lost).get("existingId").asText()).isEqualTo(winner);
        }
    }

    @Test
    void racingRegistrationsOfOneNationalIdGetOneCreatedAndIdentityConflicts() throws Exception {
        java.util.List<HttpResponse<String>> answers = race(50, i -> new String[] {"POST", "/api/v1/patrons",
            patron(UUID.randomUUID(), "4099%05d".formatted(100 + i), "CPR", "1503901001", null),
            "Idempotency-Key", "id-race-" + i});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() >= 500)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(
                java.util.Map.entry(201, 1L), java.util.Map.entry(409, 49L));
        String winner = body(answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow())
                .get("id").asText();
        for (HttpResponse<String> lost : answers.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(body(lost).get("error").asText()).as(lost.body()).isEqualTo("identity_already_registered");
            assertThat(body(lost).get("existingId").asText()).isEqualTo(winner);
        }
    }

    @Test
    void onPostgresARegistrationWaitsForTheTurnOfItsNationalIdInsteadOfBreakingTheUniqueIndex() throws Exception {
        // A broken unique index puts the number, in clear, into PostgreSQL's server log.
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "H2 has no server log and one instance");
        try (org.jdbi.v3.core.Handle other = central.server.database().jdbi().open()) {
            other.begin();
            IdentityLock.hold(other, "1503901001");
            java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return post(patron(UUID.randomUUID(), "409900060", "CPR", "1503901001", null), "turn-1");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 "
                    + "AND classid = " + IdentityLock.NAMESPACE + " AND NOT granted") == 0) {
                assertThat(System.nanoTime()).as("the registration waits for the number's turn").isLessThan(until);
                Thread.sleep(20);
            }
            assertThat(waiting).isNotDone();
            other.rollback();
            assertThat(waiting.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void racingRegistrationsOfOneIdGetOneCreatedAndPatronExists() throws Exception {
        UUID id = UUID.randomUUID();
        java.util.List<HttpResponse<String>> answers = race(50, i -> new String[] {"POST", "/api/v1/patrons",
            patron(id, "4099%05d".formatted(200 + i), "NONE", null, null), "Idempotency-Key", "pk-race-" + i});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() >= 500)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(
                java.util.Map.entry(201, 1L), java.util.Map.entry(409, 49L));
        for (HttpResponse<String> lost : answers.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(body(lost).get("error").asText()).as(lost.body()).isEqualTo("patron_exists");
            assertThat(body(lost).get("existingId").asText()).isEqualTo(id.toString());
        }
    }

    @Test
    void racingEditsGivingOneNewCardToManyPatronsGiveItToOne() throws Exception {
        UUID[] ids = new UUID[20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
            assertThat(post(patron(ids[i], "4099%05d".formatted(300 + i), "NONE", null, null), "e-" + i).statusCode())
                    .isEqualTo(201);
        }
        java.util.List<HttpResponse<String>> answers = race(ids.length, i -> new String[] {"PUT",
            "/api/v1/patrons/" + ids[i], patron(ids[i], "409900399", "NONE", null, null), "If-Match", "1"});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() >= 500)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(
                java.util.Map.entry(200, 1L), java.util.Map.entry(409, 19L));
        String winner = body(answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow())
                .get("id").asText();
        for (HttpResponse<String> lost : answers.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(body(lost).get("error").asText()).as(lost.body()).isEqualTo("card_number_taken");
            assertThat(body(lost).get("existingId").asText()).isEqualTo(winner);
        }
    }

    @Test
    void racingBatchesRegisterEachCardOnceAndAnswerEveryItem() throws Exception {
        String[] bodies = new String[10];
        java.util.List<HttpResponse<String>> answers = race(10, b -> {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                items.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"batch-").append(b).append('-').append(i)
                        .append("\",\"patron\":").append(patron(UUID.randomUUID(), "4099%05d".formatted(400 + i),
                                "NONE", null, null)).append('}');
            }
            bodies[b] = "{\"items\":[" + items + "]}";
            return new String[] {"POST", "/api/v1/patrons/batch", bodies[b]};
        });
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 200)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(200, 10L));
        java.util.Map<Integer, Long> items = new java.util.TreeMap<>();
        for (HttpResponse<String> r : answers) {
            for (JsonNode result : body(r).get("results")) {
                items.merge(result.get("status").asInt(), 1L, Long::sum);
                if (result.get("status").asInt() == 409) {
                    assertThat(result.get("body").get("error").asText()).isEqualTo("card_number_taken");
                }
            }
        }
        assertThat(items).containsExactly(java.util.Map.entry(201, 5L), java.util.Map.entry(409, 45L));
        for (int b = 0; b < bodies.length; b++) {
            JsonNode again = body(central.send("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN, bodies[b]));
            JsonNode first = body(answers.get(b)).get("results");
            for (int i = 0; i < 5; i++) {
                int status = first.get(i).get("status").asInt();
                assertThat(again.get("results").get(i).get("status").asInt()).as("a retry of batch " + b + " item " + i)
                        .isEqualTo(status);
                if (status == 201) {
                    assertThat(again.get("results").get(i)).isEqualTo(first.get(i));
                }
            }
        }
    }

    @Test
    void racingRetriesOfOneRegistrationAllGetTheStoredAnswer() throws Exception {
        String request = patron(UUID.randomUUID(), "409900060", "NONE", null, null);
        java.util.List<HttpResponse<String>> answers = race(50, i -> new String[] {"POST", "/api/v1/patrons",
            request, "Idempotency-Key", "same-key"});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 201)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(201, 50L));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
    }


    @Test
    void racingRetriesOfOneEditAllGetTheStoredAnswer() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900061", "NONE", null, null), "e-61");
        String edit = patron(id, "409900061", "NONE", null, "anna@example.org");
        java.util.List<HttpResponse<String>> answers = race(50, i -> new String[] {"PUT", "/api/v1/patrons/" + id,
            edit, "If-Match", "1", "Idempotency-Key", "same-edit"});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 200)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(200, 50L));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(body(answers.get(0)).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void racingRetriesOfOneDeletionAllGetItsAnswer() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900062", "NONE", null, null), "e-62");
        java.util.List<HttpResponse<String>> answers = race(50, i -> new String[] {"DELETE", "/api/v1/patrons/" + id,
            null, "Idempotency-Key", "same-delete"});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 204)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(204, 50L));
    }

    @Test
    void aDeletionUnderAKeyAnotherRequestUsedIsRefusedAndDeletesNothing() throws Exception {
        UUID registered = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(post(patron(registered, "409900063", "NONE", null, null), "shared-key").statusCode()).isEqualTo(201);
        assertThat(post(patron(other, "409900064", "NONE", null, null), "e-64").statusCode()).isEqualTo(201);
        HttpResponse<String> reused = central.send("DELETE", "/api/v1/patrons/" + other, CentralFixture.TOKEN, null,
                "Idempotency-Key", "shared-key");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(body(reused).get("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(central.send("GET", "/api/v1/patrons/" + other, CentralFixture.TOKEN, null).statusCode())
                .as("the patron is still there").isEqualTo(200);
        assertThat(central.send("DELETE", "/api/v1/patrons/" + other, CentralFixture.TOKEN, null,
                "Idempotency-Key", "d-64").statusCode()).isEqualTo(204);
        assertThat(central.send("DELETE", "/api/v1/patrons/" + other, CentralFixture.TOKEN, null,
                "Idempotency-Key", "d-64").statusCode()).as("a retry").isEqualTo(204);
    }

    @Test
    void refusesAnOverLongIdempotencyKeyOnEveryRouteBeforeDoingAnything() throws Exception {
        UUID id = UUID.randomUUID();
        String key = "k".repeat(101);
        String request = patron(id, "409900065", "NONE", null, null);
        java.util.List<HttpResponse<String>> refused = java.util.List.of(
                central.sendMalformed("POST", "/api/v1/patrons", CentralFixture.TOKEN, request, "Idempotency-Key",
                        key),
                central.sendMalformed("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN, request, "If-Match", "1",
                        "Idempotency-Key", key),
                central.sendMalformed("DELETE", "/api/v1/patrons/" + id, CentralFixture.TOKEN, null,
                        "Idempotency-Key", key),
                central.sendMalformed("POST", "/api/v1/patrons/" + id + "/merge", CentralFixture.TOKEN,
                        "{\"otherId\":\"" + UUID.randomUUID() + "\"}", "Idempotency-Key", key));
        for (HttpResponse<String> r : refused) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.body()).isEqualTo(400);
            assertThat(body(r).get("error").asText()).isEqualTo("idempotency_key_too_long");
            assertThat(body(r).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        JsonNode batch = body(central.sendMalformed("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN,
                "{\"items\":[{\"idempotencyKey\":\"" + key + "\",\"patron\":" + request + "}]}"));
        assertThat(batch.get("results").get(0).get("status").asInt()).isEqualTo(400);
        assertThat(batch.get("results").get(0).get("body").get("field").asText()).isEqualTo("idempotencyKey");
        int patrons = central.server.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron")
                .mapTo(Integer.class).one());
        assertThat(patrons).isZero();
    }

    @Test
    void aNullItemInABatchIsRefusedAloneAndTheOthersAreRegistered() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = central.sendMalformed("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN,
                "{\"items\":[null,{\"idempotencyKey\":\"n-1\",\"patron\":" + patron(id, "409900066", "NONE", null,
                        null) + "},{\"idempotencyKey\":\"n-2\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = body(r).get("results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(0).get("body").get("field").asText()).isEqualTo("items[0]");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).get("body").get("field").asText()).isEqualTo("patron");
        assertThat(central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void activationsRacingADeletionAreAnsweredOrNotFoundAndLeaveNothingBehind() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = UUID.randomUUID();
            HttpResponse<String> registered = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN_NO,
                    withOwnPin(patron(id, "N%09d".formatted(500 + round), "NONE", null, null)), "Idempotency-Key",
                    "act-" + round);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            java.util.List<HttpResponse<String>> answers = race(20, i -> i == 10
                    ? new String[] {"DELETE", "/api/v1/patrons/" + id, null}
                    : new String[] {"POST", "/api/v1/patrons/" + id + "/activation", ACTIVATION},
                    i -> i == 10 ? CentralFixture.TOKEN_NO : CentralFixture.TOKEN_BGO);
            assertThat(answers.get(10).statusCode()).as(answers.get(10).body()).isEqualTo(204);
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as(r.body()).isIn(200, 204, 404);
            }
            assertThat(count("SELECT COUNT(*) FROM membership")).as("no membership of a deleted patron").isZero();
        }
        JsonNode feed = body(central.send("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN_BGO, null));
        java.util.Map<String, String> last = new java.util.HashMap<>();
        feed.get("changes").forEach(c -> last.put(c.get("patronId").asText(), c.get("kind").asText()));
        assertThat(last.values()).as("Bergen's desks hear of every deletion they heard an activation of")
                .allMatch("DELETED"::equals);
    }

    @Test
    void racingActivationsAtOneLibraryAllGetThePatron() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN_NO,
                withOwnPin(patron(id, "N000000600", "NONE", null, null)), "Idempotency-Key", "act-x").statusCode())
                .isEqualTo(201);
        java.util.List<HttpResponse<String>> answers = race(20, i -> new String[] {"POST",
            "/api/v1/patrons/" + id + "/activation", ACTIVATION}, i -> CentralFixture.TOKEN_BGO);
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 200)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(200, 20L));
        assertThat(count("SELECT COUNT(*) FROM membership WHERE library_code = 'DEMO-NO-BGO'")).isEqualTo(1);
    }

    @Test
    void racingRetriesOfOnePinMailSendOneMailAndGetOneAnswer() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900014", "NONE", null, "maja@example.org"), "k-14");
        java.util.List<HttpResponse<String>> answers = race(20, i -> new String[] {"POST",
            "/api/v1/patrons/" + id + "/pin-email", "{\"language\":\"da\"}", "Idempotency-Key", "pin-race"});
        assertThat(byStatus(answers)).as(answers.stream().filter(r -> r.statusCode() != 202)
                .map(HttpResponse::body).findFirst().orElse("")).containsExactly(java.util.Map.entry(202, 20L));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).containsExactly("{\"status\":\"queued\"}");
        central.awaitMailsSent();
        assertThat(mail.getReceivedMessages()).as("one mail, with the PIN that is stored").hasSize(1);
        String hash = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT pin_hash FROM patron WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(new app.carddesk.security.Argon2PinHasher().matches(pinFrom(mail.getReceivedMessages()[0]), hash))
                .isTrue();
    }

    @Test
    void anOverLongKeyForAPinMailIsRefusedAndNothingIsMailedOrStored() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900015", "NONE", null, "maja@example.org"), "k-15");
        HttpResponse<String> r = central.sendMalformed("POST", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN, "{\"language\":\"da\"}", "Idempotency-Key", "p".repeat(101));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("error").asText()).isEqualTo("idempotency_key_too_long");
        assertThat(central.server.mailOutbox().pending()).isZero();
        String hash = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT pin_hash FROM patron WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(hash).isNull();
        assertThat(mail.waitForIncomingEmail(500, 1)).isFalse();
    }

    @Test
    void aPinAskedForWhileTheMailServerIsDownIsQueuedAndMailedWhenItIsBack() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900016", "NONE", null, "maja@example.org"), "k-16");
        java.util.List<String> before = DatabaseSearch.texts(central.server.database().jdbi());
        int port = mail.getSmtp().getPort();
        mail.stop();
        HttpResponse<String> queued = central.send("POST", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN, "{\"language\":\"da\"}", "Idempotency-Key", "pin-16");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(body(queued).get("status").asText()).isEqualTo("queued");
        MailAttempts.awaitFirst(central.server.database().jdbi(), central.server.mailOutbox());
        assertThat(attempts()).as("the sender tried and the server refused").isEqualTo(1);
        JsonNode waiting = pinMail(id);
        assertThat(waiting.get("state").asText()).as(waiting.toString()).isEqualTo("WAITING");
        assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
        assertThat(java.time.Instant.parse(waiting.get("nextAttemptAt").asText()))
                .as("tried again after a pause").isAfter(java.time.Instant.parse(waiting.get("at").asText()));
        assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                "{\"language\":\"da\"}", "Idempotency-Key", "pin-16").body()).as("a retry").isEqualTo(queued.body());
        // Meanwhile the temporary card is replaced: the mail names the card the patron holds when it goes.
        HttpResponse<String> replaced = central.send("PUT", "/api/v1/patrons/" + id, CentralFixture.TOKEN,
                patron(id, "409900026", "NONE", null, "maja@example.org"), "If-Match", "1");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        // The mail server back on its port.
        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        back.start();
        try {
            // The pause before the next attempt is over.
            central.server.database().jdbi().useHandle(h -> h.execute(
                    "UPDATE mail_outbox SET next_attempt_at = next_attempt_at - INTERVAL '1' HOUR"));
            central.server.mailOutbox().sendDue();
            central.awaitMailsSent();
            assertThat(back.getReceivedMessages()).as(described(back.getReceivedMessages())).hasSize(1);
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(back.getReceivedMessages()[0]))
                    .contains("409900026").doesNotContain("409900016").doesNotContain("\u0001");
            JsonNode sent = pinMail(id);
            assertThat(sent.get("state").asText()).as(sent.toString()).isEqualTo("SENT");
            assertThat(sent.get("attempts").asInt()).isEqualTo(2);
            String hash = central.server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT pin_hash FROM patron WHERE id = :id").bind("id", id).mapTo(String.class).one());
            String pin = pinFrom(back.getReceivedMessages()[0]);
            assertThat(new app.carddesk.security.Argon2PinHasher().matches(pin, hash)).isTrue();
            assertThat(DatabaseSearch.gained(central.server.database().jdbi(), pin, before)).as("PIN stored in clear")
                    .isFalse();
        } finally {
            back.stop();
        }
    }

    @Test
    void aPinMailTheServerNeverTakesIsGivenUpAuditedAndForgotten() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900017", "NONE", null, "maja@example.org"), "k-17");
        mail.stop();
        assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                "{\"language\":\"da\"}", "Idempotency-Key", "pin-17").statusCode()).isEqualTo(202);
        MailAttempts.awaitFirst(central.server.database().jdbi(), central.server.mailOutbox());
        central.server.database().jdbi().useHandle(h -> h.execute("UPDATE mail_outbox SET attempts = ?, "
                + "next_attempt_at = next_attempt_at - INTERVAL '2' HOUR", MailOutbox.MAX_ATTEMPTS - 1));
        assertThat(central.server.mailOutbox().sendDue()).isZero();
        assertThat(central.server.mailOutbox().pending()).as("the mail and its PIN are gone").isZero();
        java.util.List<String> audit = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_event WHERE action = 'MAIL_GIVEN_UP'").mapTo(String.class).list());
        assertThat(audit).containsExactly("kind=PIN attempts=" + MailOutbox.MAX_ATTEMPTS);
        JsonNode givenUp = pinMail(id);
        assertThat(givenUp.get("state").asText()).as(givenUp.toString()).isEqualTo("GIVEN_UP");
        assertThat(givenUp.get("attempts").asInt()).isEqualTo(MailOutbox.MAX_ATTEMPTS);
    }

    @Test
    void aNewPinMailReplacesOneStillWaitingSoOnlyThePinThatWorksIsSent() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900030", "NONE", null, "maja@example.org"), "k-30");
        int port = mail.getSmtp().getPort();
        mail.stop();
        for (String key : new String[] {"pin-30a", "pin-30b"}) {
            assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                    "{\"language\":\"en\"}", "Idempotency-Key", key).statusCode()).isEqualTo(202);
            // Each request's attempt over before the next step: one still under way when the mail
            // server comes back would reach it (a mail on its way as it is replaced may still go).
            MailAttempts.awaitFirst(central.server.database().jdbi(), central.server.mailOutbox());
        }
        assertThat(central.server.mailOutbox().pending()).as("the first PIN no longer works").isEqualTo(1);
        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        back.start();
        try {
            central.server.database().jdbi().useHandle(h -> h.execute(
                    "UPDATE mail_outbox SET next_attempt_at = next_attempt_at - INTERVAL '1' HOUR"));
            central.server.mailOutbox().sendDue();
            central.awaitMailsSent();
            assertThat(back.getReceivedMessages()).hasSize(1);
            String pin = pinFrom(back.getReceivedMessages()[0]);
            String hash = central.server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT pin_hash FROM patron WHERE id = :id").bind("id", id).mapTo(String.class).one());
            assertThat(new app.carddesk.security.Argon2PinHasher().matches(pin, hash)).as("the PIN mailed works")
                    .isTrue();
            assertThat(back.getReceivedMessages()[0].getContent().toString()).contains("replaces any PIN");
        } finally {
            back.stop();
        }
        java.util.List<String> replaced = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_event WHERE action = 'MAIL_REPLACED'").mapTo(String.class).list());
        assertThat(replaced).containsExactly("kind=PIN mails=1");
    }

    @Test
    void aDeletedPatronGetsNoPinMailThatWasStillQueued() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900027", "NONE", null, "maja@example.org"), "k-27");
        int port = mail.getSmtp().getPort();
        mail.stop();
        assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                "{\"language\":\"da\"}", "Idempotency-Key", "pin-27").statusCode()).isEqualTo(202);
        MailAttempts.awaitFirst(central.server.database().jdbi(), central.server.mailOutbox());
        assertThat(central.server.mailOutbox().pending()).as("waiting for the mail server").isEqualTo(1);
        HttpResponse<String> deleted = central.send("DELETE", "/api/v1/patrons/" + id, CentralFixture.TOKEN, null,
                "Idempotency-Key", "del-27");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(central.server.mailOutbox().pending()).as("the mail and the PIN in it went with the patron")
                .isZero();
        // A mail queued for a patron who is gone by the time it is due (an older queue) is not sent either.
        central.server.database().jdbi().useHandle(h -> h.execute("INSERT INTO mail_outbox (library_code, "
                + "patron_id, kind, recipient, subject, body, attempts, next_attempt_at, created_at) VALUES "
                + "('DEMO-DK', ?, 'PIN', 'maja@example.org', 'PIN', 'PIN 1234', 0, CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP)", id));
        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        back.start();
        try {
            assertThat(central.server.mailOutbox().sendDue()).isZero();
            assertThat(central.server.mailOutbox().pending()).isZero();
            assertThat(back.getReceivedMessages()).isEmpty();
        } finally {
            back.stop();
        }
    }

    @Test
    void aMergeThatKeepsTheOtherCardKeepsOnlyThePinMailOfThePinThatStays() throws Exception {
        UUID survivor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        post(patron(survivor, "409900028", "NONE", null, "anna@example.org"), "k-28");
        post(patron(other, "409900029", "NONE", null, "anna.berg@example.org"), "k-29");
        mail.stop();
        for (UUID id : new UUID[] {survivor, other}) {
            assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                    "{\"language\":\"da\"}", "Idempotency-Key", "pin-" + id).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> merged = central.send("POST", "/api/v1/patrons/" + survivor + "/merge",
                CentralFixture.TOKEN, "{\"otherId\":\"" + other + "\",\"keepCardNumber\":\"409900029\"}",
                "Idempotency-Key", "merge-28");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        java.util.List<String> queued = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT CAST(patron_id AS VARCHAR(36)) || ' ' || recipient FROM mail_outbox").mapTo(String.class).list());
        assertThat(queued).as("the survivor's old PIN is gone with its card; the other's PIN is theirs now")
                .containsExactly(survivor + " anna.berg@example.org");
    }

    @Test
    void tellsTheHomeLibraryWhereAPinMailIsAndNoOtherLibrary() throws Exception {
        UUID id = UUID.randomUUID();
        post(patron(id, "409900018", "NONE", null, "maja@example.org"), "k-18");
        assertThat(pinMail(id).get("state").asText()).as("none asked for yet").isEqualTo("NONE");
        assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                "{\"language\":\"da\"}", "Idempotency-Key", "pin-18").statusCode()).isEqualTo(202);
        central.awaitMailsSent();
        JsonNode sent = pinMail(id);
        assertThat(sent.get("state").asText()).as(sent.toString()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("at").isNull()).isFalse();
        assertThat(sent.toString()).as("the PIN is never told").doesNotContainPattern("\\b\\d{4}\\b\"[,}]");
        HttpResponse<String> elsewhere = central.send("GET", "/api/v1/patrons/" + id + "/pin-email",
                CentralFixture.TOKEN_NO, null);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
        HttpResponse<String> unknown = central.send("GET", "/api/v1/patrons/" + UUID.randomUUID() + "/pin-email",
                CentralFixture.TOKEN, null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    @Test
    void anAddressTheMailServerRefusesForGoodIsNotTriedAgainAndSaysSo() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            central.close();
            central = new CentralFixture(dir.resolve("refusing"), refusing.port(), postgres());
            UUID id = UUID.randomUUID();
            post(patron(id, "409900019", "NONE", null, "no.such.mailbox@example.org"), "k-19");
            assertThat(central.send("POST", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                    "{\"language\":\"da\"}", "Idempotency-Key", "pin-19").statusCode()).isEqualTo(202);
            central.awaitMailsSent();
            assertThat(refusing.refused()).as("asked once").isEqualTo(1);
            JsonNode refused = pinMail(id);
            assertThat(refused.get("state").asText()).as(refused.toString()).isEqualTo("REFUSED");
            assertThat(refused.get("attempts").asInt()).isEqualTo(1);
            java.util.List<String> audit = central.server.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT action || ' ' || detail FROM audit_event WHERE patron_id = :id AND action LIKE 'MAIL%'")
                    .bind("id", id).mapTo(String.class).list());
            assertThat(audit).containsExactly("MAIL_REFUSED kind=PIN attempts=1");
            // Not tried again: nothing of it is left to send.
            assertThat(central.server.mailOutbox().pending()).isZero();
            assertThat(central.server.mailOutbox().sendDue()).isZero();
            assertThat(refusing.refused()).isEqualTo(1);
        }
    }

    private JsonNode pinMail(UUID id) throws Exception {
        HttpResponse<String> r = central.send("GET", "/api/v1/patrons/" + id + "/pin-email", CentralFixture.TOKEN,
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return body(r);
    }

    private int attempts() {
        return MailAttempts.most(central.server.database().jdbi());
    }

    /** Who each mail went to, what about and when: what a test that counts mails shows when the count is off. */
    private static String described(MimeMessage[] messages) throws Exception {
        StringBuilder text = new StringBuilder();
        for (MimeMessage m : messages) {
            text.append(java.util.Arrays.toString(m.getAllRecipients())).append(' ')
                    .append(jakarta.mail.internet.MimeUtility.decodeText(m.getSubject())).append(' ')
                    .append(m.getSentDate()).append(' ').append(m.getMessageID()).append('\n');
        }
        return text.toString();
    }

    private static String pinFrom(MimeMessage message) throws Exception {
        Object content = message.getContent();
        Matcher m = Pattern.compile(": (\\d{4})\\s").matcher(content.toString());
        assertThat(m.find()).as("the mail carries a 4-digit PIN").isTrue();
        return m.group(1);
    }
}
