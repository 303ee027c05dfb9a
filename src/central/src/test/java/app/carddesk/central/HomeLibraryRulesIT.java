package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * Two libraries of one country (Oslo and Bergen), and what one may do with the other's patron
 * (ADR 0008): each step of a takeover — read, activate without the patron, change, mail a PIN,
 * delete, merge, link as guardian — is refused with its status, and what is allowed still works.
 */
class HomeLibraryRulesIT {

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

    private static final String OSLO = CentralFixture.TOKEN_NO;
    private static final String BERGEN = CentralFixture.TOKEN_BGO;

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, mail.getSmtp().getPort(), postgres());
    }

    @AfterEach
    void stop() {
        central.close();
    }

    /** Kari Dahl, registered at Bergen with her fødselsnummer, e-mail, phone, address and own PIN. */
    private UUID bergensPatron(String card) throws Exception {
        UUID id = UUID.randomUUID();
        Api.Patron p = new Api.Patron(id, card, new Api.Identity("FNR", "14839512318"), "Dahl", "Kari",
                LocalDate.of(1995, 3, 14), "kari.dahl@example.org", "+47 912 34 567",
                new Api.Address("Strandkaien 4", "5013", "Bergen", "Norge"), "BGO-MAIN", "ADULT", null, false, 0L,
                0L, null, List.of(), CentralLifecycleIT.PIN_HASH);
        expect(send("POST", "/api/v1/patrons", BERGEN, p), 201);
        return id;
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        return central.send(method, path, token, body == null ? null
                : body instanceof String s ? s : json.writeValueAsString(body), "Idempotency-Key", "k-" + (++keys));
    }

    private JsonNode expect(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    private String error(HttpResponse<String> r, int status) throws Exception {
        return expect(r, status).get("error").asText();
    }

    private <T> T sql(String query, Class<T> type, Object... args) {
        return central.sql(query, type, args);
    }

    private Api.Activation activation(String pin) {
        return new Api.Activation(2, false, pin);
    }

    @Test
    void anotherLibraryActivatesOnlyWithThePatronsPinAndWrongPinsLockIt() throws Exception {
        UUID id = bergensPatron("N010000001");
        assertThat(error(send("GET", "/api/v1/patrons?cardNumber=N010000001", OSLO, null), 404))
                .as("the card number alone shows nothing").isEqualTo("patron_not_found");
        JsonNode found = expect(send("POST", "/api/v1/national/search", OSLO,
                new Api.NationalSearch("N010000001", null)), 200);
        assertThat(found.has("email") || found.has("identity")).as("only what activation needs").isFalse();

        String path = "/api/v1/patrons/" + id + "/activation";
        assertThat(error(send("POST", path, OSLO, activation(null)), 422)).isEqualTo("pin_required");
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = send("POST", path, OSLO, activation("000" + i));
            assertThat(error(wrong, 422)).isEqualTo("pin_wrong");
            assertThat(wrong.body()).contains((5 - i) + (5 - i == 1 ? " try is left" : " tries are left"));
        }
        assertThat(error(send("POST", path, OSLO, activation("0005")), 423)).isEqualTo("pin_locked");
        assertThat(error(send("POST", path, OSLO, activation(CentralLifecycleIT.PIN)), 423))
                .as("locked: even the right PIN waits").isEqualTo("pin_locked");
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ACTIVATION_REFUSED' AND patron_id = ? "
                + "AND library_code = 'DEMO-NO'", Integer.class, id)).as("every refusal audited").isEqualTo(7);

        // Fifteen minutes later.
        central.server.database().jdbi().useHandle(h -> h.execute("UPDATE patron SET pin_locked_until = ? "
                + "WHERE id = ?", Instant.now().minusSeconds(1), id));
        JsonNode active = expect(send("POST", path, OSLO, activation(CentralLifecycleIT.PIN)), 200);
        assertThat(sql("SELECT proof FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                String.class, id)).as("the proof is recorded").isEqualTo("PIN");
        assertThat(active.get("identity").get("kind").asText()).isEqualTo("FNR");
        assertThat(active.get("identity").get("number").isNull()).as("no national ID for a member library").isTrue();
    }

    /** A library's data protection officer, made by the operator and signed in at one of its desks; the session. */
    private String officer(String library, String token, String user) throws Exception {
        String once = new StaffAccounts(central.server.database().jdbi(), new app.carddesk.security.Argon2PinHasher(),
                java.time.Clock.systemUTC()).addDataProtectionOfficer(library, user, "Ingrid Lie", null);
        String session = json.readTree(central.send("POST", "/api/v1/sessions", token,
                json.writeValueAsString(new Api.SignIn(user, once))).body()).get("token").asText();
        expect(central.send("POST", "/api/v1/sessions/current/password", token, json.writeValueAsString(
                new Api.PasswordChange(once, "quiet reading lamp by the fjord")), Api.SESSION_HEADER, session), 204);
        return session;
    }

    private JsonNode audit(String token, String session, String query) throws Exception {
        return expect(central.send("GET", "/api/v1/audit?" + query, token, null, Api.SESSION_HEADER, session), 200)
                .get("entries");
    }

    @Test
    void theHomeLibrarysOfficerReadsWhatOtherLibrariesDidWithItsPatronAndNobodyElsesPatrons() throws Exception {
        UUID id = bergensPatron("N010000010");
        // Oslo looks the patron up in the country's register.
        expect(send("POST", "/api/v1/national/search", OSLO, new Api.NationalSearch("N010000010", null)), 200);
        String bergen = officer("DEMO-NO-BGO", BERGEN, "dpo.bergen");
        JsonNode seen = audit(BERGEN, bergen, "cardNumber=N010000010");
        assertThat(seen).extracting(e -> e.get("action").asText() + "@" + e.path("library").asText("own"))
                .contains("NATIONAL_SEARCH@DEMO-NO", "PATRON_REGISTERED@own");
        // The other library by its name too; the reader's own entries name none.
        assertThat(seen).extracting(e -> e.get("action").asText() + "@" + e.path("libraryName").asText("own"))
                .contains("NATIONAL_SEARCH@Demo folkebibliotek Oslo", "PATRON_REGISTERED@own");
        // Oslo's officer, whose library the patron is not a member of, reads only Oslo's own entries.
        String oslo = officer("DEMO-NO", OSLO, "dpo.oslo");
        JsonNode own = audit(OSLO, oslo, "patronId=" + id);
        assertThat(own).extracting(e -> e.get("action").asText()).containsExactly("NATIONAL_SEARCH");
        assertThat(own.get(0).path("library").asText("own")).isEqualTo("own");
        // A member now: Oslo's officer reads Bergen's entries about the patron too.
        expect(send("POST", "/api/v1/patrons/" + id + "/activation", OSLO, activation(CentralLifecycleIT.PIN)), 200);
        assertThat(audit(OSLO, oslo, "patronId=" + id)).extracting(e -> e.get("action").asText() + "@"
                + e.path("library").asText("own")).contains("PATRON_REGISTERED@DEMO-NO-BGO", "PATRON_ACTIVATED@own");
        // Read by a staff member, the audit is the library's own.
        assertThat(audit(BERGEN, bergen, "staffUser=dpo.oslo")).isEmpty();
    }

    @Test
    void onlyStaffWhoIssueCardsActivateAPatronHere() throws Exception {
        UUID id = bergensPatron("N010000009");
        // Oslo's data protection officer reads the audit; activating a patron is desk work.
        String session = officer("DEMO-NO", OSLO, "dpo.oslo");

        HttpResponse<String> refused = central.send("POST", "/api/v1/patrons/" + id + "/activation", OSLO,
                json.writeValueAsString(activation(CentralLifecycleIT.PIN)), Api.SESSION_HEADER, session);
        assertThat(error(refused, 403)).isEqualTo("permission_denied");
        assertThat(refused.body()).contains("issue");
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, id)).as("no membership made").isZero();

        expect(send("POST", "/api/v1/patrons/" + id + "/activation", OSLO, activation(CentralLifecycleIT.PIN)), 200);
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aMemberLibrarySeesMaskedDataAndChangesOnlyItsOwnMembership() throws Exception {
        UUID id = bergensPatron("N010000002");
        expect(send("POST", "/api/v1/patrons/" + id + "/activation", OSLO, activation(CentralLifecycleIT.PIN)),
                200);

        JsonNode seen = expect(send("GET", "/api/v1/patrons/" + id, OSLO, null), 200);
        assertThat(seen.get("identity").get("number").isNull()).isTrue();
        assertThat(seen.get("email").asText()).isEqualTo("k***@example.org");
        assertThat(seen.get("phone").asText()).isEqualTo("***67");
        assertThat(seen.get("address").get("line").isNull()).isTrue();
        assertThat(seen.get("address").get("city").asText()).isEqualTo("Bergen");
        assertThat(seen.has("pinHash")).as("a PIN hash never leaves the central register").isFalse();
        JsonNode home = expect(send("GET", "/api/v1/patrons/" + id, BERGEN, null), 200);
        assertThat(home.get("identity").get("number").asText()).isEqualTo("14839512318");
        assertThat(home.get("email").asText()).isEqualTo("kari.dahl@example.org");
        JsonNode feed = expect(send("GET", "/api/v1/changes?after=0", OSLO, null), 200);
        JsonNode fed = feed.get("changes").get(feed.get("changes").size() - 1).get("patron");
        assertThat(fed.get("email").asText()).as("the feed masks the same way").isEqualTo("k***@example.org");
        assertThat(fed.get("identity").get("number").isNull()).isTrue();

        Api.Patron changed = json.treeToValue(home, Api.Patron.class);
        Api.Patron takeover = new Api.Patron(id, changed.cardNumber(), changed.identity(), changed.surname(),
                changed.givenName(), changed.birthDate(), "attacker@example.org", changed.phone(), changed.address(),
                changed.pickupLibrary(), changed.category(), null, false, 0L, 0L, null, List.of());
        assertThat(error(central.send("PUT", "/api/v1/patrons/" + id, OSLO, json.writeValueAsString(takeover),
                "If-Match", String.valueOf(home.get("version").asInt())), 403)).isEqualTo("not_home_library");
        assertThat(error(send("POST", "/api/v1/patrons/" + id + "/pin-email", OSLO, "{\"language\":\"nb\"}"), 403))
                .isEqualTo("not_home_library");
        assertThat(mail.getReceivedMessages()).as("no PIN mailed").isEmpty();
        assertThat(error(send("DELETE", "/api/v1/patrons/" + id, OSLO, null), 403)).isEqualTo("not_home_library");
        UUID osloOwn = UUID.randomUUID();
        expect(send("POST", "/api/v1/patrons", OSLO, new Api.Patron(osloOwn, "N000000002",
                new Api.Identity("NONE", null), "Dahl", "Kari", LocalDate.of(1995, 3, 14), null, null,
                new Api.Address("Gate 1", "0150", "Oslo", "Norge"), "OSL-HOV", "ADULT", null, true, 0L, 0L, null,
                List.of())), 201);
        assertThat(error(send("POST", "/api/v1/patrons/" + osloOwn + "/merge", OSLO,
                new Api.MergeRequest(id, null)), 403)).as("a merge only between the caller's own patrons")
                .isEqualTo("not_home_library");
        assertThat(sql("SELECT email FROM patron WHERE id = ?", String.class, id)).isEqualTo("kari.dahl@example.org");

        // What a member library may do: report its standing, and let the patron leave it.
        expect(send("PUT", "/api/v1/patrons/" + id + "/standing", OSLO, new Api.Standing(1, 0, 0, null)), 200);
        JsonNode stays = expect(send("POST", "/api/v1/patrons/" + id + "/unsubscribe", OSLO, null), 200);
        assertThat(stays.get("deleted").asBoolean()).isFalse();
        assertThat(sql("SELECT COUNT(*) FROM membership WHERE patron_id = ?", Integer.class, id))
                .as("a loan here keeps the membership").isEqualTo(2);
        expect(send("PUT", "/api/v1/patrons/" + id + "/standing", OSLO, new Api.Standing(0, 0, 0, null)), 200);
        JsonNode left = expect(send("POST", "/api/v1/patrons/" + id + "/unsubscribe", OSLO, null), 200);
        assertThat(left.get("deleted").asBoolean()).isFalse();
        assertThat(left.get("remaining").get(0).get("library").asText()).isEqualTo("DEMO-NO-BGO");
        assertThat(sql("SELECT library_code FROM patron WHERE id = ?", String.class, id))
                .as("the patron stays at their home library").isEqualTo("DEMO-NO-BGO");
        assertThat(sql("SELECT status FROM card WHERE number = 'N010000002'", String.class)).isEqualTo("ISSUED");
    }

    @Test
    void theHomeLibraryDeletesOnlyWhenNoLibraryReportsAnythingOutstanding() throws Exception {
        UUID id = bergensPatron("N010000003");
        expect(send("POST", "/api/v1/patrons/" + id + "/activation", OSLO, activation(CentralLifecycleIT.PIN)),
                200);
        expect(send("PUT", "/api/v1/patrons/" + id + "/standing", OSLO, new Api.Standing(2, 1, 0, null)), 200);

        JsonNode refused = expect(send("DELETE", "/api/v1/patrons/" + id, BERGEN, null), 409);
        assertThat(refused.get("error").asText()).isEqualTo("open_standing");
        assertThat(refused.get("openStanding")).hasSize(1);
        assertThat(refused.get("openStanding").get(0).get("library").asText()).isEqualTo("DEMO-NO");
        assertThat(refused.get("openStanding").get(0).get("loans").asInt()).isEqualTo(2);
        assertThat(refused.get("openStanding").get(0).get("reminders").asInt()).isEqualTo(1);
        assertThat(refused.get("message").asText()).contains("Demo folkebibliotek Oslo (2 loans, 1 reminders");
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, id)).isEqualTo(1);

        expect(send("PUT", "/api/v1/patrons/" + id + "/standing", OSLO, new Api.Standing(0, 0, 0, null)), 200);
        expect(send("DELETE", "/api/v1/patrons/" + id, BERGEN, null), 204);
        assertThat(sql("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aGuardianIsAPatronTheLibraryCanSee() throws Exception {
        UUID bergens = bergensPatron("N010000004");
        Api.Patron child = child(UUID.randomUUID(), "N000000010", bergens);
        assertThat(error(send("POST", "/api/v1/patrons", OSLO, child), 422)).as("another library's patron")
                .isEqualTo("guardian_not_found");
        assertThat(error(send("POST", "/api/v1/patrons", OSLO, child(UUID.randomUUID(), "N000000011",
                UUID.randomUUID())), 422)).as("a random id").isEqualTo("guardian_not_found");
        JsonNode batch = expect(send("POST", "/api/v1/patrons/batch", OSLO, new Api.Batch(List.of(
                new Api.BatchItem("b-1", child(UUID.randomUUID(), "N000000012", bergens))))), 200);
        assertThat(batch.get("results").get(0).get("status").asInt()).isEqualTo(422);
        assertThat(batch.get("results").get(0).get("body").get("error").asText()).isEqualTo("guardian_not_found");
        assertThat(sql("SELECT COUNT(*) FROM guardian_link", Integer.class)).isZero();

        // A guardian registered in the same batch, or activated here with their PIN, is one this library sees.
        UUID guardian = UUID.randomUUID();
        Api.Patron adult = new Api.Patron(guardian, "N000000013", new Api.Identity("NONE", null), "Lie", "Ola",
                LocalDate.of(1980, 5, 5), null, null, new Api.Address("Gate 2", "0150", "Oslo", "Norge"), "OSL-HOV",
                "ADULT", null, true, 0L, 0L, null, List.of());
        JsonNode both = expect(send("POST", "/api/v1/patrons/batch", OSLO, new Api.Batch(List.of(
                new Api.BatchItem("b-2", adult), new Api.BatchItem("b-3", child(UUID.randomUUID(), "N000000014",
                        guardian))))), 200);
        assertThat(both.get("results").get(1).get("status").asInt()).as(both.toString()).isEqualTo(201);
        expect(send("POST", "/api/v1/patrons/" + bergens + "/activation", OSLO,
                activation(CentralLifecycleIT.PIN)), 200);
        expect(send("POST", "/api/v1/patrons", OSLO, child(UUID.randomUUID(), "N000000015", bergens)), 201);
    }

    private static Api.Patron child(UUID id, String card, UUID guardian) {
        return new Api.Patron(id, card, new Api.Identity("NONE", null), "Dahl", "Emma",
                LocalDate.now().minusYears(6), null, null, new Api.Address("Gate 1", "0150", "Oslo", "Norge"),
                "OSL-HOV", "CHILD", null, true, 0L, 0L, null, List.of(new Api.Guardian(guardian, Instant.now())));
    }
}
