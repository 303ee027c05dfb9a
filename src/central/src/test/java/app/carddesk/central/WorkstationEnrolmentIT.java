package app.carddesk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workstation joins its library with a one-time enrolment code: the code works once and for a
 * day, the credential it gives belongs to a system account that can never sign in, and a revoked
 * workstation is refused with a reason its desk can show.
 */
class WorkstationEnrolmentIT {

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;
    private final StepClock clock = new StepClock();
    private CentralFixture central;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        central = new CentralFixture(dir, 1, false, clock);
        HttpResponse<String> r = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.SignIn("demo.dk", DemoStaff.PASSWORD)));
        admin = JSON.readTree(r.body()).get("token").asText();
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private String code(String name) throws Exception {
        HttpResponse<String> r = central.send("POST", "/api/v1/enrolment-codes", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.EnrolmentRequest(name)), Api.SESSION_HEADER, admin);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("code").asText();
    }

    private HttpResponse<String> enrol(String code) throws Exception {
        return central.send("POST", "/api/v1/enrolment", null, JSON.writeValueAsString(new Api.Enrol(code)));
    }

    @Test
    void aCodeEnrolsOneWorkstationOnceAndItsCredentialWorks() throws Exception {
        String code = code("Main desk 2");
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM enrolment_code WHERE code_hash = ?", Long.class, code));
        HttpResponse<String> r = enrol(code.toUpperCase());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode enrolled = JSON.readTree(r.body());
        assertEquals("DEMO-DK", enrolled.get("library").asText());
        assertEquals("Demo Research Library Copenhagen", enrolled.get("libraryName").asText());
        String token = enrolled.get("token").asText();
        assertEquals(200, central.send("GET", "/api/v1/changes?after=0", token, null).statusCode());
        assertEquals("SYSTEM", central.sql("SELECT kind FROM staff_account WHERE id = ?", String.class,
                java.util.UUID.fromString(enrolled.get("workstationId").asText())));

        HttpResponse<String> again = enrol(code);
        assertEquals(422, again.statusCode());
        assertEquals("enrolment_code_invalid", JSON.readTree(again.body()).get("error").asText());
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'WORKSTATION_ENROLLED'",
                Long.class));
    }

    @Test
    void aCodeMoreThanADayOldOrMistypedIsRefused() throws Exception {
        String code = code("Branch desk");
        assertEquals("enrolment_code_invalid", JSON.readTree(enrol("abcd-efgh-jkmn").body()).get("error").asText());
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        HttpResponse<String> late = enrol(code);
        assertEquals(422, late.statusCode());
        assertTrue(late.body().contains("24 hours"), late.body());
    }

    @Test
    void theDailyRunRemovesSessionsAndCodesPastTheirEndAndNothingBefore() throws Exception {
        String code = code("Branch desk");
        clock.advance(Duration.ofHours(11));
        assertEquals(0, central.server.retention().run(false, 10).expiredCredentialsRemoved(),
                "the session lasts twelve hours and the code a day");
        assertEquals(200, central.send("GET", "/api/v1/workstations", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).statusCode());

        clock.advance(Duration.ofHours(2));
        assertEquals(1, central.server.retention().run(true, 10).expiredCredentialsRemoved(), "the session, counted");
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM staff_session", Long.class), "a dry run removes nothing");
        assertEquals(1, central.server.retention().run(false, 10).expiredCredentialsRemoved());
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM staff_session", Long.class));
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM enrolment_code", Long.class));

        clock.advance(Duration.ofHours(12));
        assertEquals(1, central.server.retention().run(false, 10).expiredCredentialsRemoved(), "the code");
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM enrolment_code", Long.class));
        HttpResponse<String> late = enrol(code);
        assertEquals(422, late.statusCode(), "a removed code is refused as any old one is");
        assertEquals("enrolment_code_invalid", JSON.readTree(late.body()).get("error").asText());
    }

    @Test
    void aRevokedWorkstationIsRefusedWithTheReason() throws Exception {
        JsonNode enrolled = JSON.readTree(enrol(code("Desk to go")).body());
        String token = enrolled.get("token").asText();
        HttpResponse<String> list = central.send("GET", "/api/v1/workstations", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin);
        assertTrue(list.body().contains("Desk to go"), list.body());
        HttpResponse<String> revoked = central.send("POST", "/api/v1/workstations/"
                + enrolled.get("workstationId").asText() + "/revoke", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin);
        assertEquals(200, revoked.statusCode(), revoked.body());
        HttpResponse<String> after = central.send("GET", "/api/v1/changes?after=0", token, null);
        assertEquals(401, after.statusCode());
        assertEquals("workstation_revoked", JSON.readTree(after.body()).get("error").asText());
        // The workstation's system account cannot be used to sign in at all.
        HttpResponse<String> signIn = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.SignIn("ws-" + enrolled.get("workstationId").asText(), "anything-at-all")));
        assertEquals(401, signIn.statusCode());
    }

    @Test
    void onlyALibraryAdministratorMakesCodes() throws Exception {
        // Without the session header the document requires: sent as a malformed request on purpose.
        HttpResponse<String> noSession = central.sendMalformed("POST", "/api/v1/enrolment-codes", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.EnrolmentRequest("x")));
        assertEquals(401, noSession.statusCode());
        assertEquals("session_invalid", JSON.readTree(noSession.body()).get("error").asText());
    }

    private String signIn(String token, String desk) throws Exception {
        HttpResponse<String> r = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn("demo.dk", DemoStaff.PASSWORD)), "X-CardDesk-Desk", desk);
        assertEquals(201, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aDesksRegisterKeyComesBackToItsOwnCredentialOnlyAndFollowsItWhenEnrolledAgain() throws Exception {
        String token = JSON.readTree(enrol(code("Desk with a key")).body()).get("token").asText();
        String other = JSON.readTree(enrol(code("Another desk")).body()).get("token").asText();
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
        JsonNode first = JSON.readTree(signIn(token, "desk-1"));
        assertTrue(first.path("registerKey").isNull(), "nothing is held yet: " + first);
        String session = first.get("token").asText();
        String body = JSON.writeValueAsString(new Api.RegisterKey(key));

        HttpResponse<String> held = central.send("PUT", "/api/v1/desks/desk-1/register-key", token, body,
                Api.SESSION_HEADER, session, "X-CardDesk-Desk", "desk-1");
        assertEquals(204, held.statusCode(), held.body());
        assertEquals(204, central.send("PUT", "/api/v1/desks/desk-1/register-key", token, body,
                Api.SESSION_HEADER, session, "X-CardDesk-Desk", "desk-1").statusCode(), "the same key again");
        HttpResponse<String> another = central.send("PUT", "/api/v1/desks/desk-1/register-key", token,
                JSON.writeValueAsString(new Api.RegisterKey(java.util.Base64.getEncoder().encodeToString(new byte[32]))),
                Api.SESSION_HEADER, session, "X-CardDesk-Desk", "desk-1");
        assertEquals(409, another.statusCode());
        assertEquals("register_key_held", JSON.readTree(another.body()).get("error").asText());
        HttpResponse<String> notItsOwn = central.send("PUT", "/api/v1/desks/desk-2/register-key", token, body,
                Api.SESSION_HEADER, session, "X-CardDesk-Desk", "desk-1");
        assertEquals(400, notItsOwn.statusCode());
        HttpResponse<String> short32 = central.send("PUT", "/api/v1/desks/desk-1/register-key", token,
                JSON.writeValueAsString(new Api.RegisterKey("c2hvcnQ=")), Api.SESSION_HEADER, session,
                "X-CardDesk-Desk", "desk-1");
        assertEquals(422, short32.statusCode());
        HttpResponse<String> noPerson = central.sendMalformed("PUT", "/api/v1/desks/desk-1/register-key", token,
                body, "X-CardDesk-Desk", "desk-1");
        assertEquals(401, noPerson.statusCode());

        assertEquals(key, JSON.readTree(signIn(token, "desk-1")).get("registerKey").asText());
        assertTrue(JSON.readTree(signIn(other, "desk-1")).path("registerKey").isNull(),
                "another workstation's credential naming the same desk gets no key");
        assertTrue(JSON.readTree(signIn(token, "desk-9")).path("registerKey").isNull());
        // The key is nowhere in the audit, only that it is held.
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?", Long.class,
                "%" + key + "%"));
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REGISTER_KEY_HELD'",
                Long.class));

        // Enrolled again after a revocation, the same desk's new credential gets its key.
        HttpResponse<String> again = central.send("POST", "/api/v1/enrolment", null,
                JSON.writeValueAsString(new Api.Enrol(code("Desk with a key"))), "X-CardDesk-Desk", "desk-1");
        assertEquals(201, again.statusCode(), again.body());
        String renewed = JSON.readTree(again.body()).get("token").asText();
        assertEquals(key, JSON.readTree(signIn(renewed, "desk-1")).get("registerKey").asText());
        assertTrue(JSON.readTree(signIn(token, "desk-1")).path("registerKey").isNull(),
                "the old credential gets it no more");
    }
}
