package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.api.RetentionApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patron's life in the central register, over HTTP on loopback with a real database and a real
 * SMTP server: children and guardians, Norwegian activation at a new library with the loan rules
 * accepted, standing reported by library systems, unsubscribing, merging, and the retention job.
 */
class CentralLifecycleIT {

    boolean postgres() {
        return false;
    }

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private CentralFixture central;
    private final ObjectMapper json = Json.mapper();
    private int keys;
    /** Every patron here chose their own PIN at the desk, which sent its hash. */
    static final String PIN = "4826";
    static final String PIN_HASH = new app.carddesk.security.Argon2PinHasher(1024, 1).hash(PIN);

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, mail.getSmtp().getPort(), postgres());
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private Api.Patron person(UUID id, String card, String kind, String number, String surname, LocalDate birth,
                              String email, String pickup, String category, Long fees, LocalDate shortStayUntil,
                              List<Api.Guardian> guardians) {
        return new Api.Patron(id, card, new Api.Identity(kind, number), surname, "Kari", birth, email, null,
                new Api.Address("Gate 1", "0150", "Oslo", "Norge"), pickup, category, shortStayUntil,
                shortStayUntil == null, fees, 0L, null, guardians, PIN_HASH);
    }

    private Api.Patron norwegian(String card, String surname, LocalDate birth, String email) {
        return person(UUID.randomUUID(), card, "NONE", null, surname, birth, email, "OSL-HOV", "ADULT", 0L, null,
                List.of());
    }

    private HttpResponse<String> register(String token, Api.Patron p) throws Exception {
        return central.send("POST", "/api/v1/patrons", token, json.writeValueAsString(p), "Idempotency-Key",
                "k-" + (++keys));
    }

    private UUID registered(String token, Api.Patron p) throws Exception {
        HttpResponse<String> r = register(token, p);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return p.id();
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> r = central.send(method, path, token, body == null ? null
                : body instanceof String s ? s : json.writeValueAsString(body), "Idempotency-Key", "k-" + (++keys));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    /** A request that breaks openapi.yaml on purpose, to see it refused. */
    private void refused(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = central.sendMalformed(method, path, token, body, "Idempotency-Key", "k-" + (++keys));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
    }

    private void standing(String token, UUID id, int loans, int reminders, int claims) throws Exception {
        call("PUT", "/api/v1/patrons/" + id + "/standing", token, new Api.Standing(loans, reminders, claims, null),
                200);
    }

    private <T> T sql(String query, Class<T> type, Object... args) {
        return central.sql(query, type, args);
    }

    private void exec(String statement, Object... args) {
        central.server.database().jdbi().useHandle(h -> h.execute(statement, args));
    }

    @Test
    void aChildIsRegisteredOnlyWithAGuardianUnderTheProfilesAge() throws Exception {
        LocalDate today = LocalDate.now();
        UUID guardian = registered(CentralFixture.TOKEN_NO, norwegian("N000000101", "Hansen",
                LocalDate.of(1985, 3, 1), "kari@example.org"));
        Api.Patron child = person(UUID.randomUUID(), "N000000102", "NONE", null, "Hansen", today.minusYears(9),
                null, "OSL-HOV", "CHILD", 0L, null, List.of());
        HttpResponse<String> refused = register(CentralFixture.TOKEN_NO, child);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("error").asText()).isEqualTo("guardian_required");
        Instant consent = Instant.parse("2026-11-01T10:00:00Z");
        Api.Patron withGuardian = person(child.id(), "N000000102", "NONE", null, "Hansen", today.minusYears(9), null,
                "OSL-HOV", "CHILD", 0L, null, List.of(new Api.Guardian(guardian, consent)));
        registered(CentralFixture.TOKEN_NO, withGuardian);
        JsonNode stored = call("GET", "/api/v1/patrons/" + child.id(), CentralFixture.TOKEN_NO, null, 200);
        assertThat(stored.get("guardians").get(0).get("guardianId").asText()).isEqualTo(guardian.toString());
        assertThat(Instant.parse(stored.get("guardians").get(0).get("consentAt").asText())).isEqualTo(consent);
        // Norway's limit is 15: a 16-year-old needs nobody; Denmark's is 18.
        registered(CentralFixture.TOKEN_NO, norwegian("N000000103", "Lie", today.minusYears(16), null));
        Api.Patron danish16 = new Api.Patron(UUID.randomUUID(), "409900201", new Api.Identity("NONE", null), "Holm",
                "Ida", today.minusYears(16), null, null, null, "KB-SK", "STUDENT", null, true, 0L, 0L, null, null);
        HttpResponse<String> dk = register(CentralFixture.TOKEN, danish16);
        assertThat(json.readTree(dk.body()).get("error").asText()).isEqualTo("guardian_required");
    }

    private int put(String token, Api.Patron p, int version, int expected, String error) throws Exception {
        HttpResponse<String> r = central.send("PUT", "/api/v1/patrons/" + p.id(), token, json.writeValueAsString(p),
                "If-Match", Integer.toString(version), "Idempotency-Key", "k-" + (++keys));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        if (error != null) {
            assertThat(json.readTree(r.body()).get("error").asText()).isEqualTo(error);
        }
        return expected == 200 ? json.readTree(r.body()).get("version").asInt() : version;
    }

    @Test
    void aNationalIdOnlyMovesOnNoneToCprAndDNumberToFodselsnummer() throws Exception {
        UUID id = UUID.randomUUID();
        registered(CentralFixture.TOKEN_NO, person(id, "N000000601", "D_NUMBER", "41019012393", "Nowak",
                LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 0L, null, List.of()));
        Api.Patron fnr = person(id, "N000000601", "FNR", "14839512318", "Nowak", LocalDate.of(1995, 3, 14), null,
                "OSL-HOV", "ADULT", 0L, null, List.of());
        int v = put(CentralFixture.TOKEN_NO, fnr, 1, 200, null);
        assertThat(sql("SELECT identity_kind FROM patron WHERE id = ?", String.class, id)).isEqualTo("FNR");
        assertThat(sql("SELECT card_number FROM patron WHERE id = ?", String.class, id)).as("keeps the card")
                .isEqualTo("N000000601");
        put(CentralFixture.TOKEN_NO, person(id, "N000000601", "D_NUMBER", "41019012393", "Nowak",
                LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 0L, null, List.of()), v, 422,
                "identity_change_not_allowed");

        UUID dk = UUID.randomUUID();
        registered(CentralFixture.TOKEN, new Api.Patron(dk, "409900601", new Api.Identity("NONE", null), "Lindqvist",
                "Maja", LocalDate.of(1990, 3, 15), null, null, null, "KB-SK", "STUDENT", null, true, 0L, 0L, null,
                null));
        Api.Patron cpr = new Api.Patron(dk, null, new Api.Identity("CPR", "1503901001"), "Lindqvist", "Maja",
                LocalDate.of(1990, 3, 15), null, null, null, "KB-SK", "STUDENT", null, false, 0L, 0L, null, null);
        int w = put(CentralFixture.TOKEN, cpr, 1, 200, null);
        assertThat(sql("SELECT registration_kind FROM patron WHERE id = ?", String.class, dk)).isEqualTo("NATIONAL_ID");
        assertThat(sql("SELECT status FROM card WHERE number = '409900601'", String.class))
                .as("the temporary card is retired at conversion").isEqualTo("RETIRED");
        put(CentralFixture.TOKEN, new Api.Patron(dk, null, new Api.Identity("NONE", null), "Lindqvist", "Maja",
                LocalDate.of(1990, 3, 15), null, null, null, "KB-SK", "STUDENT", null, true, 0L, 0L, null, null), w,
                422, "identity_change_not_allowed");
    }

    @Test
    void aPatronFromAnotherLibraryIsActivatedAfterAcceptingTheLoanRules() throws Exception {
        UUID id = registered(CentralFixture.TOKEN_BGO, norwegian("N010000001", "Dahl", LocalDate.of(1970, 1, 5),
                null));
        assertThat(central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN_NO, null).statusCode())
                .as("not a patron of Oslo yet").isEqualTo(404);
        JsonNode found = call("POST", "/api/v1/national/search", CentralFixture.TOKEN_NO,
                new Api.NationalSearch("n010000001", null), 200);
        assertThat(found.get("homeLibraryName").asText()).isEqualTo("Demo bibliotek Bergen");
        assertThat(found.get("activeHere").asBoolean()).isFalse();
        assertThat(found.has("email")).as("only what activation needs").isFalse();
        assertThat(sql("SELECT COUNT(*) FROM audit_event WHERE action = 'NATIONAL_SEARCH' AND patron_id = ? "
                + "AND library_code = 'DEMO-NO'", Integer.class, id)).as("who looked up whom").isEqualTo(1);
        assertThat(central.send("POST", "/api/v1/national/search", CentralFixture.TOKEN,
                "{\"cardNumber\":\"N010000001\"}").statusCode()).as("a Danish library does not see the Norwegian register").isEqualTo(404);
        // Found by national ID, the card is named by its end only: its number is no business of Oslo's yet.
        UUID withId = registered(CentralFixture.TOKEN_BGO, person(UUID.randomUUID(), "N010000002", "FNR",
                "14839512318", "Nowak", LocalDate.of(1995, 3, 14), null, "OSL-HOV", "ADULT", 0L, null, List.of()));
        JsonNode byId = call("POST", "/api/v1/national/search", CentralFixture.TOKEN_NO,
                new Api.NationalSearch(null, "14839512318"), 200);
        assertThat(byId.get("id").asText()).isEqualTo(withId.toString());
        assertThat(byId.get("cardNumber").asText()).isEqualTo("\u2022".repeat(6) + "0002");
        assertThat(byId.get("surname").asText()).isEqualTo("Nowak");
        assertThat(byId.has("identity")).isFalse();
        assertThat(call("POST", "/api/v1/national/search", CentralFixture.TOKEN_BGO,
                new Api.NationalSearch(null, "14839512318"), 200).get("cardNumber").asText())
                .as("its home library sees it whole").isEqualTo("N010000002");

        JsonNode rules = call("GET", "/api/v1/loan-rules?lang=nb", CentralFixture.TOKEN_NO, null, 200);
        assertThat(rules.get("version").asInt()).isEqualTo(2);
        assertThat(rules.get("text").asText()).contains("Lånereglement");
        JsonNode outdated = call("POST", "/api/v1/patrons/" + id + "/activation", CentralFixture.TOKEN_NO,
                new Api.Activation(1, false, PIN), 422);
        assertThat(outdated.get("error").asText()).isEqualTo("loan_rules_outdated");
        JsonNode sofar = call("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN_NO, null, 200);
        assertThat(sofar.get("more").asBoolean()).isFalse();
        long before = sofar.get("last").asLong();

        JsonNode activated = call("POST", "/api/v1/patrons/" + id + "/activation", CentralFixture.TOKEN_NO,
                new Api.Activation(2, false, PIN), 200);
        assertThat(activated.get("cardNumber").asText()).isEqualTo("N010000001");
        call("POST", "/api/v1/patrons/" + id + "/activation", CentralFixture.TOKEN_NO,
                new Api.Activation(2, false, PIN),
                200);
        assertThat(sql("SELECT rules_version FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, id)).isEqualTo(2);
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(call("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN_NO, null, 200).get("surname").asText())
                .isEqualTo("Dahl");
        JsonNode feed = call("GET", "/api/v1/changes?after=" + before, CentralFixture.TOKEN_NO, null, 200);
        assertThat(feed.get("changes").get(0).get("patronId").asText()).isEqualTo(id.toString());
        assertThat(sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_ACTIVATED' AND patron_id = ?",
                Integer.class, id)).isEqualTo(1);
        // The home library stays Bergen until staff make Oslo the home library.
        JsonNode memberships = call("GET", "/api/v1/patrons/" + id + "/memberships", CentralFixture.TOKEN_NO, null,
                200);
        assertThat(memberships.get(0).get("library").asText()).isEqualTo("DEMO-NO-BGO");
        assertThat(memberships.get(0).get("home").asBoolean()).isTrue();
    }

    @Test
    void unsubscribingKeepsThePatronWhereAClaimRemainsAndListsIt() throws Exception {
        UUID id = registered(CentralFixture.TOKEN_NO, norwegian("N000000301", "Berg", LocalDate.of(1980, 2, 2),
                null));
        call("POST", "/api/v1/patrons/" + id + "/activation", CentralFixture.TOKEN_BGO,
                new Api.Activation(1, false, PIN),
                200);
        standing(CentralFixture.TOKEN_BGO, id, 0, 0, 1);
        refused("PUT", "/api/v1/patrons/" + id + "/standing", CentralFixture.TOKEN_BGO, "{\"loans\":-1,\"reminders\":0,"
                + "\"claims\":0}", 422);
        refused("PUT", "/api/v1/patrons/" + id + "/standing", CentralFixture.TOKEN_BGO, "{\"loans\":1,", 400);

        JsonNode out = call("POST", "/api/v1/patrons/" + id + "/unsubscribe", CentralFixture.TOKEN_NO, null, 200);
        assertThat(out.get("deleted").asBoolean()).isFalse();
        assertThat(out.get("remaining")).hasSize(1);
        assertThat(out.get("remaining").get(0).get("libraryName").asText()).isEqualTo("Demo bibliotek Bergen");
        assertThat(out.get("remaining").get(0).get("claims").asInt()).isEqualTo(1);
        assertThat(central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN_NO, null).statusCode())
                .as("gone from Oslo").isEqualTo(404);
        assertThat(call("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN_BGO, null, 200).get("surname").asText())
                .as("kept in Bergen, now the home library").isEqualTo("Berg");

        standing(CentralFixture.TOKEN_BGO, id, 0, 0, 0);
        JsonNode gone = call("POST", "/api/v1/patrons/" + id + "/unsubscribe", CentralFixture.TOKEN_BGO, null, 200);
        assertThat(gone.get("deleted").asBoolean()).isTrue();
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, id)).isZero();
        assertThat(sql("SELECT status FROM card WHERE number = 'N000000301'", String.class)).isEqualTo("RETIRED");
    }

    @Test
    void mergingTwoRecordsKeepsOneCardAndEverythingOfBoth() throws Exception {
        UUID temporary = registered(CentralFixture.TOKEN_NO, norwegian("N000000401", "Nilsen",
                LocalDate.of(1990, 9, 9), null));
        // The same person registered themselves again, with their fødselsnummer (a synthetic one).
        JsonNode person = call("POST", "/api/v1/population/lookup", CentralFixture.TOKEN_NO,
                "{\"number\":\"14839512318\"}", 200);
        UUID registered = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000402",
                person.get("identity").get("kind").asText(), person.get("identity").get("number").asText(), "Nilsen",
                LocalDate.parse(person.get("birthDate").asText()), "per@example.org", "OSL-HOV", "ADULT", 5000L, null,
                List.of()));
        exec("UPDATE patron SET fees_owed_minor = 2500, print_credit_minor = 1000 WHERE id = ?", temporary);
        standing(CentralFixture.TOKEN_NO, temporary, 2, 1, 0);
        standing(CentralFixture.TOKEN_NO, registered, 1, 0, 0);
        call("POST", "/api/v1/patrons/" + temporary + "/activation", CentralFixture.TOKEN_BGO,
                new Api.Activation(1, false, PIN), 200);
        standing(CentralFixture.TOKEN_BGO, temporary, 3, 0, 0);
        UUID child = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000403", "NONE", null,
                "Nilsen", LocalDate.now().minusYears(5), null, "OSL-HOV", "CHILD", 0L, null,
                List.of(new Api.Guardian(temporary, Instant.now()))));

        // The patron keeps the card they carry (the temporary one); the self-registered number is retired.
        String mergeBody = json.writeValueAsString(new Api.MergeRequest(temporary, "N000000401"));
        // Bergen's system holds loans against the record that would go: Bergen settles them first.
        HttpResponse<String> refused = central.send("POST", "/api/v1/patrons/" + registered + "/merge",
                CentralFixture.TOKEN_NO, mergeBody, "Idempotency-Key", "merge-0");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode open = json.readTree(refused.body());
        assertThat(open.get("error").asText()).isEqualTo("open_standing");
        assertThat(open.get("openStanding")).hasSize(1);
        assertThat(open.get("openStanding").get(0).get("library").asText()).isEqualTo("DEMO-NO-BGO");
        assertThat(open.get("openStanding").get(0).get("loans").asInt()).isEqualTo(3);
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, temporary)).as("nothing merged")
                .isEqualTo(1);
        standing(CentralFixture.TOKEN_BGO, temporary, 0, 0, 0);
        HttpResponse<String> first = central.send("POST", "/api/v1/patrons/" + registered + "/merge",
                CentralFixture.TOKEN_NO, mergeBody, "Idempotency-Key", "merge-1");
        HttpResponse<String> retry = central.send("POST", "/api/v1/patrons/" + registered + "/merge",
                CentralFixture.TOKEN_NO, mergeBody, "Idempotency-Key", "merge-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(retry.statusCode()).as("a retry after a lost answer gets the same answer").isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        JsonNode merged = json.readTree(first.body());
        assertThat(merged.get("cardNumber").asText()).isEqualTo("N000000401");
        assertThat(merged.get("identity").get("number").asText()).isEqualTo("14839512318");
        assertThat(merged.get("feesOwedMinor").asLong()).isEqualTo(7500);
        assertThat(merged.get("printCreditMinor").asLong()).isEqualTo(1000);
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, temporary)).isZero();
        assertThat(sql("SELECT loans FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, registered)).isEqualTo(3);
        assertThat(sql("SELECT reminders FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, registered)).isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO-BGO'",
                Integer.class, registered)).as("Bergen's membership moved over").isEqualTo(1);
        assertThat(sql("SELECT guardian_id FROM guardian_link WHERE child_id = ?", UUID.class, child))
                .isEqualTo(registered);
        assertThat(central.server.database().jdbi().withExtension(CentralDaos.Audit.class, a -> a.history(registered, null))
                .stream().filter(e -> e.action().equals("PATRON_REGISTERED")).count())
                .as("both records' history").isEqualTo(2);
        assertThat(sql("SELECT retired_reason FROM card WHERE number = 'N000000402'", String.class))
                .isEqualTo("MERGED");
        assertThat(sql("SELECT patron_id FROM card WHERE number = 'N000000401'", UUID.class)).isEqualTo(registered);
        assertThat(call("GET", "/api/v1/patrons/" + registered, CentralFixture.TOKEN_BGO, null, 200)
                .get("cardNumber").asText()).isEqualTo("N000000401");

        JsonNode retired = call("POST", "/api/v1/patrons", CentralFixture.TOKEN_NO,
                norwegian("N000000402", "Someone", LocalDate.of(2000, 1, 1), null), 409);
        assertThat(retired.get("error").asText()).isEqualTo("card_number_retired");
        // A desk asking for the merged-away card learns it is retired, not merely unknown: it is no blank card.
        JsonNode lookup = call("GET", "/api/v1/patrons?cardNumber=N000000402", CentralFixture.TOKEN_NO, null, 410);
        assertThat(lookup.get("error").asText()).isEqualTo("card_number_retired");
    }

    @Test
    void storedAnswersAreKeptThirtyDaysForRetriesThenRemovedByTheDailyRun() throws Exception {
        registered(CentralFixture.TOKEN_NO, norwegian("N000000901", "Lund", LocalDate.of(1980, 1, 1), null));
        registered(CentralFixture.TOKEN_NO, norwegian("N000000902", "Lund", LocalDate.of(1981, 1, 1), null));
        exec("UPDATE idempotency SET created_at = ? WHERE idem_key = ?", Instant.now().minus(Duration.ofDays(31)),
                "k-" + (keys - 1));
        RetentionApi.RetentionReport dry = central.server.retention().run(true, 10);
        assertThat(dry.answersRemoved()).as("a dry run counts").isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM idempotency", Integer.class)).isEqualTo(2);
        assertThat(central.server.retention().run(false, 10).answersRemoved()).isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM idempotency", Integer.class)).as("the newer answer stays").isEqualTo(1);
    }

    /** A change of {@code patron}'s data, written as every change is. */
    private void changed(UUID patron) {
        central.server.database().jdbi().useExtension(CentralDaos.ChangeFeed.class, f -> f.toMembers(patron,
                app.carddesk.api.ChangeKind.UPDATED, Instant.now(), "DEMO-NO", null));
    }

    private List<String> feedAfter(long after) throws Exception {
        List<String> patrons = new java.util.ArrayList<>();
        call("GET", "/api/v1/changes?after=" + after, CentralFixture.TOKEN_NO, null, 200).get("changes")
                .forEach(c -> patrons.add(c.get("patronId").asText() + " " + c.get("kind").asText()));
        return patrons;
    }

    @Test
    void theDailyRunRemovesSupersededChangesAndEveryDeskStillGetsEachPatronsLatest() throws Exception {
        UUID a = registered(CentralFixture.TOKEN_NO, norwegian("N000000911", "Lund", LocalDate.of(1980, 1, 1), null));
        UUID b = registered(CentralFixture.TOKEN_NO, norwegian("N000000912", "Moe", LocalDate.of(1981, 1, 1), null));
        long behind = call("GET", "/api/v1/changes?after=0", CentralFixture.TOKEN_NO, null, 200).get("last").asLong();
        changed(a);
        changed(a);
        assertThat(feedAfter(behind)).containsExactly(a + " UPDATED", a + " UPDATED");
        changed(b); // not read yet: without its place it supersedes nothing
        int rows = sql("SELECT COUNT(*) FROM change_feed", Integer.class);

        RetentionApi.RetentionReport dry = central.server.retention().run(true, 10);
        assertThat(dry.changesRemoved()).as("a's registration and first change").isEqualTo(2);
        assertThat(sql("SELECT COUNT(*) FROM change_feed", Integer.class)).as("a dry run counts").isEqualTo(rows);
        assertThat(central.server.retention().run(false, 10).changesRemoved()).isEqualTo(2);
        assertThat(sql("SELECT COUNT(*) FROM change_feed", Integer.class)).isEqualTo(rows - 2);

        assertThat(feedAfter(0)).as("a desk starting now, in the order of the places").containsExactly(
                b + " CREATED", a + " UPDATED", b + " UPDATED");
        assertThat(feedAfter(behind)).as("a desk that had the registrations").containsExactly(a + " UPDATED",
                b + " UPDATED");
        assertThat(central.server.retention().run(false, 10).changesRemoved()).as("b's registration, now that its "
                + "change has a place").isEqualTo(1);
        assertThat(feedAfter(0)).containsExactly(a + " UPDATED", b + " UPDATED");
    }

    @Test
    void theRetentionJobRunsOnOneInstanceAtATime() throws Exception {
        RetentionJob job = central.server.retention();
        assertThat(job.runAlone(false, 10)).as("nobody else runs it").isPresent();
        if (!postgres()) {
            return; // An H2 register is opened by one process only.
        }
        // Another central instance on the same PostgreSQL holds the job's lock.
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(CentralFixture.POSTGRES_URL,
                System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"),
                System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", "carddesk"));
             java.sql.Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RetentionJob.LOCK_KEY + ")");
            assertThat(job.runAlone(false, 10)).as("the other instance runs it").isEmpty();
            assertThat(job.runAlone(true, 10)).as("a dry run writes nothing, so it runs").isPresent();
            s.execute("SELECT pg_advisory_unlock(" + RetentionJob.LOCK_KEY + ")");
        }
        assertThat(job.runAlone(false, 10)).isPresent();
    }

    @Test
    void eachLibraryReadsHowLongTheRegisterKeepsWhatForIt() throws Exception {
        JsonNode oslo = call("GET", "/api/v1/retention", CentralFixture.TOKEN_NO, null, 200);
        assertThat(oslo.get("inactiveYears").asInt()).isEqualTo(3);
        assertThat(oslo.get("noticeDays").asInt()).isEqualTo(30);
        assertThat(oslo.get("maxShortStayDays").asInt()).isEqualTo(365);
        assertThat(oslo.get("auditKeptMonths").asInt()).as("the default period").isEqualTo(60);
        assertThat(oslo.get("runsAt").isNull()).as("the fixture's job runs by command only").isTrue();
        JsonNode copenhagen = call("GET", "/api/v1/retention", CentralFixture.TOKEN, null, 200);
        assertThat(copenhagen.get("inactiveYears").isNull()).as("a Danish library sets none").isTrue();
        // An organisation that keeps its audit for good and runs the job at 02:30 says so.
        RetentionApi.RetentionPolicy set = new RetentionJob(central.server.database().jdbi(), null, Clock.systemUTC(),
                null).policy("DEMO-NO", java.time.LocalTime.of(2, 30));
        assertThat(set).isEqualTo(new RetentionApi.RetentionPolicy("02:30", null, 365, 3, 30));
        exec("UPDATE library SET inactive_years = 5, notice_days = 60 WHERE code = 'DEMO-NO'");
        JsonNode changed = call("GET", "/api/v1/retention", CentralFixture.TOKEN_NO, null, 200);
        assertThat(List.of(changed.get("inactiveYears").asInt(), changed.get("noticeDays").asInt()))
                .as("read as the library is configured now").containsExactly(5, 60);
    }

    @Test
    void retentionDryRunListsAndTheRealRunDeletesNoticesAndHoldsOnce() throws Exception {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate soon = today.plusDays(30);
        UUID expired = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000501", "NONE", null,
                "Expired", LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 0L, soon, List.of()));
        UUID owes = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000502", "NONE", null,
                "Owes", LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 4000L, soon, List.of()));
        UUID borrows = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000503", "NONE", null,
                "Borrows", LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 0L, soon, List.of()));
        UUID current = registered(CentralFixture.TOKEN_NO, person(UUID.randomUUID(), "N000000504", "NONE", null,
                "Current", LocalDate.of(1990, 1, 1), null, "OSL-HOV", "ADULT", 0L, soon, List.of()));
        UUID sleeper = registered(CentralFixture.TOKEN_NO, norwegian("N000000505", "Sleeper",
                LocalDate.of(1960, 1, 1), "sleeper@example.org"));
        UUID noticed = registered(CentralFixture.TOKEN_NO, norwegian("N000000506", "Noticed",
                LocalDate.of(1960, 1, 1), "noticed@example.org"));
        UUID returned = registered(CentralFixture.TOKEN_NO, norwegian("N000000507", "Returned",
                LocalDate.of(1960, 1, 1), "returned@example.org"));
        UUID danish = registered(CentralFixture.TOKEN, new Api.Patron(UUID.randomUUID(), "409900501",
                new Api.Identity("NONE", null), "Dane", "Ole", LocalDate.of(1960, 1, 1), "dane@example.org", null,
                null, "KB-SK", "STUDENT", null, true, 0L, 0L, null, null));
        standing(CentralFixture.TOKEN_NO, borrows, 1, 0, 0);
        exec("UPDATE patron SET expires_on = ? WHERE id IN (?, ?, ?)", today.minusDays(1), expired, owes, borrows);
        Instant longAgo = now.minus(Duration.ofDays(4 * 366));
        exec("UPDATE patron SET last_active_at = ? WHERE id IN (?, ?, ?, ?)", longAgo, sleeper, noticed, returned,
                danish);
        exec("UPDATE patron SET notice_sent_at = ? WHERE id IN (?, ?)", now.minus(Duration.ofDays(31)), noticed,
                returned);
        // The library system reports a loan ten days ago: active within the notice period.
        call("PUT", "/api/v1/patrons/" + returned + "/standing", CentralFixture.TOKEN_NO,
                new Api.Standing(0, 0, 0, now.minus(Duration.ofDays(10))), 200);

        RetentionJob job = new RetentionJob(central.server.database().jdbi(),
                new SmtpMailer("127.0.0.1", mail.getSmtp().getPort(), "library@carddesk.invalid"),
                Clock.systemUTC());
        RetentionApi.RetentionReport dry = job.run(true, 100);
        assertThat(dry.dryRun()).isTrue();
        assertThat(actions(dry)).containsExactlyInAnyOrder(
                expired + " DELETE EXPIRED_SHORT_STAY", owes + " HOLD EXPIRED_SHORT_STAY:BALANCE",
                borrows + " HOLD EXPIRED_SHORT_STAY:LOANS", noticed + " DELETE INACTIVE",
                returned + " NOTICE_WITHDRAWN ACTIVE_AGAIN", sleeper + " NOTICE_SENT INACTIVE_3_YEARS");
        assertThat(mail.getReceivedMessages()).as("a dry run sends nothing").isEmpty();
        assertThat(sql("SELECT COUNT(*) FROM patron", Integer.class)).as("a dry run deletes nothing").isEqualTo(8);
        assertThat(sql("SELECT COUNT(*) FROM retention_hold", Integer.class)).isZero();

        RetentionApi.RetentionReport real = job.run(false, 100);
        assertThat(actions(real)).isEqualTo(actions(dry));
        assertThat(List.of(real.shortStaysDeleted(), real.held(), real.noticesSent(), real.noticesWithdrawn(),
                real.inactiveDeleted())).containsExactly(1, 2, 1, 1, 1);
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id IN (?, ?)", Integer.class, expired, noticed)).isZero();
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id IN (?, ?, ?, ?, ?, ?)", Integer.class, owes, borrows,
                current, sleeper, returned, danish)).isEqualTo(6);
        assertThat(sql("SELECT status FROM card WHERE number = 'N000000501'", String.class)).isEqualTo("RETIRED");
        assertThat(sql("SELECT notice_sent_at FROM patron WHERE id = ?", Instant.class, returned)).isNull();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("sleeper@example.org");
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(received[0].getSubject()))
                .contains("Demo folkebibliotek Oslo");
        assertThat(GreenMailUtil.getBody(received[0])).contains("3");
        JsonNode held = call("GET", "/api/v1/retention/held", CentralFixture.TOKEN_NO, null, 200);
        assertThat(held).hasSize(2);
        assertThat(held.toString()).doesNotContain("Owes").doesNotContain("Borrows");

        RetentionApi.RetentionReport again = job.run(false, 100);
        assertThat(List.of(again.shortStaysDeleted(), again.noticesSent(), again.noticesWithdrawn(),
                again.inactiveDeleted())).as("a second run the same day does nothing more").containsExactly(0, 0, 0, 0);
        assertThat(mail.getReceivedMessages()).as("no second notice").hasSize(1);
        assertThat(sql("SELECT COUNT(*) FROM retention_hold", Integer.class)).isEqualTo(2);
        assertThat(sql("SELECT COUNT(*) FROM audit_event WHERE workstation = 'retention job'", Integer.class))
                .isEqualTo(2);
    }

    private static List<String> actions(RetentionApi.RetentionReport report) {
        return report.actions().stream().map(a -> a.patronId() + " " + a.action() + " " + a.reason()).toList();
    }
}
