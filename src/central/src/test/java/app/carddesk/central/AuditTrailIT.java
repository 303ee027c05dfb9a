package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.AuditApi;
import app.carddesk.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-protection officer reads who did and saw what: the desks send their own audit entries up,
 * each kept once, and the officer reads the library's audit by patron or staff member; nobody else.
 */
class AuditTrailIT {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String DESK = "desk-register-1";

    @TempDir
    Path dir;
    private CentralFixture central;

    boolean postgres() {
        return false;
    }

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, 1, postgres());
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private HttpResponse<String> sendEntries(String desk, AuditApi.DeskAuditEntry... entries) throws Exception {
        String body = JSON.writeValueAsString(new AuditApi.DeskAuditEntries(List.of(entries)));
        return desk == null ? central.send("POST", "/api/v1/audit/desk-entries", CentralFixture.TOKEN, body)
                : central.send("POST", "/api/v1/audit/desk-entries", CentralFixture.TOKEN, body, "X-CardDesk-Desk", desk);
    }

    /** A signed-in person with {@code role} at the demo library, their one-time password changed. */
    private String sessionWith(String user, String role) throws Exception {
        String once;
        if (role.equals("DATA_PROTECTION")) {
            // The library's administrator does not appoint whoever reads their audit: the operator does.
            once = new StaffAccounts(central.server.database().jdbi(), new app.carddesk.security.Argon2PinHasher(),
                    java.time.Clock.systemUTC()).addDataProtectionOfficer("DEMO-DK", user, "Sofie Kjær", null);
        } else {
            HttpResponse<String> admin = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                    JSON.writeValueAsString(new Api.SignIn("demo.dk", app.carddesk.api.DemoStaff.PASSWORD)));
            String adminSession = JSON.readTree(admin.body()).get("token").asText();
            HttpResponse<String> made = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                    JSON.writeValueAsString(new Api.NewStaffAccount(user, "Sofie Kjær", null, List.of(role), null,
                            null)), Api.SESSION_HEADER, adminSession);
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            once = JSON.readTree(made.body()).get("oneTimePassword").asText();
        }
        HttpResponse<String> signedIn = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.SignIn(user, once)));
        String session = JSON.readTree(signedIn.body()).get("token").asText();
        HttpResponse<String> changed = central.send("POST", "/api/v1/sessions/current/password", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.PasswordChange(once, "quiet reading lamp by the harbour")),
                Api.SESSION_HEADER, session);
        assertThat(changed.statusCode()).as(changed.body()).isLessThan(300);
        return session;
    }

    private HttpResponse<String> read(String session, String query) throws Exception {
        return central.send("GET", "/api/v1/audit" + query, CentralFixture.TOKEN, null, Api.SESSION_HEADER, session);
    }

    /** Requests that break the documented schema on purpose: the answer must still be a precise 4xx. */
    private HttpResponse<String> sendBad(AuditApi.DeskAuditEntry... entries) throws Exception {
        return central.sendMalformed("POST", "/api/v1/audit/desk-entries", CentralFixture.TOKEN,
                JSON.writeValueAsString(new AuditApi.DeskAuditEntries(List.of(entries))), "X-CardDesk-Desk", DESK);
    }

    private HttpResponse<String> readBad(String session, String query) throws Exception {
        return central.sendMalformed("GET", "/api/v1/audit" + query, CentralFixture.TOKEN, null, Api.SESSION_HEADER,
                session);
    }

    @Test
    void aDesksEntriesAreKeptOnceAndTheOfficerReadsThemByPatronAndByStaffMember() throws Exception {
        UUID patron = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:15:00Z");
        AuditApi.DeskAuditEntry signedIn = new AuditApi.DeskAuditEntry(1L, at, "mette.holm", "DESK_STAFF", "SIGNED_IN", null,
                "offline");
        AuditApi.DeskAuditEntry viewed = new AuditApi.DeskAuditEntry(2L, at.plusSeconds(60), "mette.holm", "DESK_STAFF",
                "PATRON_VIEWED", patron, "");
        HttpResponse<String> first = sendEntries(DESK, signedIn, viewed);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("upTo").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(first.body()).get("stored").asInt()).isEqualTo(2);
        // Sent again (the desk did not hear the answer): kept once.
        HttpResponse<String> again = sendEntries(DESK, viewed);
        assertThat(JSON.readTree(again.body()).get("stored").asInt()).isZero();
        // Another desk's entry 2 is its own.
        assertThat(JSON.readTree(sendEntries("desk-register-2", viewed).body()).get("stored").asInt()).isEqualTo(1);

        String officer = sessionWith("sofie.kjaer", "DATA_PROTECTION");
        HttpResponse<String> byPatron = read(officer, "?patronId=" + patron);
        assertThat(byPatron.statusCode()).as(byPatron.body()).isEqualTo(200);
        JsonNode entries = JSON.readTree(byPatron.body()).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("PATRON_VIEWED");
        assertThat(entries.get(0).get("staffUser").asText()).isEqualTo("mette.holm");
        assertThat(entries.get(0).get("workstation").asText()).isEqualTo("demo workstation");
        assertThat(entries.get(0).get("at").asText()).isEqualTo("2026-12-01T10:16:00Z");

        JsonNode byStaff = JSON.readTree(read(officer, "?staffUser=mette.holm&limit=2").body());
        assertThat(byStaff.get("entries")).hasSize(2);
        long before = byStaff.get("before").asLong();
        JsonNode older = JSON.readTree(read(officer, "?staffUser=mette.holm&limit=2&before=" + before).body());
        assertThat(older.get("entries")).hasSize(1);
        assertThat(older.get("entries").get(0).get("action").asText()).isEqualTo("SIGNED_IN");
        assertThat(older.get("before").isNull()).isTrue();
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AUDIT_READ' AND staff_user = ?",
                Long.class, "sofie.kjaer")).as("each reading is audited").isEqualTo(3);
    }

    @Test
    void aSignInWithTheCentralRegisterIsListedOnceThoughTheDeskKeepsItsOwnEntry() throws Exception {
        String officer = sessionWith("sofie.kjaer", "DATA_PROTECTION");
        HttpResponse<String> signedIn = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.SignIn("demo.dk", app.carddesk.api.DemoStaff.PASSWORD)));
        assertThat(signedIn.statusCode()).isEqualTo(201);
        Instant at = Instant.now();
        // The desk's own entries for that sign-in, and for one without the register.
        sendEntries(DESK, new AuditApi.DeskAuditEntry(1L, at, "demo.dk", "DESK_STAFF", "SIGNED_IN", null,
                AuditApi.SIGNED_IN_WITH_CENTRAL), new AuditApi.DeskAuditEntry(2L, at.plusSeconds(60), "demo.dk",
                "DESK_STAFF", "SIGNED_IN", null, "offline"));
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGNED_IN' AND staff_user = "
                + "'demo.dk'", Long.class)).as("all kept").isEqualTo(3);
        JsonNode entries = JSON.readTree(read(officer, "?staffUser=demo.dk").body()).get("entries");
        List<String> signIns = new java.util.ArrayList<>();
        entries.forEach(e -> {
            if (e.get("action").asText().equals("SIGNED_IN")) {
                signIns.add(e.path("detail").asText());
            }
        });
        assertThat(signIns).containsExactly("offline", "user=demo.dk");
    }

    @Test
    void theOfficerReadsByCardNumberNewestFirstByWhenItHappened() throws Exception {
        UUID patron = UUID.randomUUID();
        HttpResponse<String> registered = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN,
                CentralApiIT.patron(patron, "409900070", "NONE", null, null), "Idempotency-Key", "audit-card-1");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        // A desk's entry about the same patron from before, arriving now.
        sendEntries(DESK, new AuditApi.DeskAuditEntry(1L, Instant.parse("2026-01-05T09:00:00Z"), "mette.holm", null,
                "PATRON_VIEWED", patron, ""));
        String officer = sessionWith("sofie.kjaer", "DATA_PROTECTION");
        HttpResponse<String> byCard = read(officer, "?cardNumber=409900070");
        assertThat(byCard.statusCode()).as(byCard.body()).isEqualTo(200);
        JsonNode entries = JSON.readTree(byCard.body()).get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asText()).as("the registration happened later").isEqualTo(
                "PATRON_REGISTERED");
        assertThat(entries.get(1).get("action").asText()).isEqualTo("PATRON_VIEWED");
        assertThat(entries.get(1).get("cardNumber").asText()).isEqualTo("409900070");
        HttpResponse<String> unknown = read(officer, "?cardNumber=409900071");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("cardNumber");
    }

    @Test
    void onlySomeoneWhoseRolesIncludeReadingTheAuditReadsIt() throws Exception {
        String deskStaff = sessionWith("ana.berg", "DESK_STAFF");
        HttpResponse<String> refused = read(deskStaff, "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("permission_denied");
    }

    @Test
    void badEntriesAndQueriesAreRefusedWithTheFieldAndNothingIsKept() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:15:00Z");
        AuditApi.DeskAuditEntry good = new AuditApi.DeskAuditEntry(1L, at, "mette.holm", null, "SIGNED_IN", null, null);
        assertThat(sendEntries(null, good).statusCode()).as("the desk is not named").isEqualTo(400);
        HttpResponse<String> badAction = sendBad(good, new AuditApi.DeskAuditEntry(2L, at, "mette.holm", null,
                "drop table", null, null));
        assertThat(badAction.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badAction.body()).get("field").asText()).isEqualTo("entries[1].action");
        assertThat(sendBad(new AuditApi.DeskAuditEntry(null, at, "mette.holm", null, "SIGNED_IN", null, null))
                .statusCode()).isEqualTo(422);
        assertThat(sendBad(new AuditApi.DeskAuditEntry(3L, at, "", null, "SIGNED_IN", null, null)).statusCode())
                .isEqualTo(422);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE desk_id = ?", Long.class, DESK)).isZero();

        String officer = sessionWith("sofie.kjaer", "DATA_PROTECTION");
        assertThat(readBad(officer, "?patronId=0a0a").statusCode()).isEqualTo(400);
        assertThat(readBad(officer, "?limit=0").statusCode()).isEqualTo(400);
        assertThat(readBad(officer, "?before=soon").statusCode()).isEqualTo(400);
        for (String period : List.of("?since=yesterday", "?until=2026-12-01")) {
            HttpResponse<String> bad = readBad(officer, period);
            assertThat(bad.statusCode()).as(period).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("error").asText()).isEqualTo("invalid_query");
        }
        // Moments as the schema has them, but a period that ends before (or as) it begins.
        for (String period : List.of("?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z",
                "?since=2026-12-01T00:00:00Z&until=2026-12-01T00:00:00Z")) {
            HttpResponse<String> backwards = read(officer, period);
            assertThat(backwards.statusCode()).as(period).isEqualTo(400);
            assertThat(JSON.readTree(backwards.body()).get("field").asText()).isEqualTo("until");
        }
    }

    @Test
    void theOfficerKeepsToAPeriodAndTheReadingNamesIt() throws Exception {
        Instant day = Instant.parse("2026-12-01T09:00:00Z");
        for (int i = 0; i < 4; i++) {
            // One entry a day, 1 to 4 December.
            assertThat(sendEntries(DESK, new AuditApi.DeskAuditEntry(i + 1L, day.plus(java.time.Duration.ofDays(i)),
                    "mette.holm", "DESK_STAFF", "PATRON_SEARCH", null, "")).statusCode()).isEqualTo(200);
        }
        String officer = sessionWith("sofie.kjaer", "DATA_PROTECTION");
        JsonNode within = JSON.readTree(read(officer, "?staffUser=mette.holm&since=2026-12-02T00:00:00Z"
                + "&until=2026-12-04T00:00:00Z").body()).get("entries");
        assertThat(within).extracting(e -> e.get("at").asText())
                .containsExactly("2026-12-03T09:00:00Z", "2026-12-02T09:00:00Z");
        // Either end open; the end itself is not in the period.
        assertThat(JSON.readTree(read(officer, "?staffUser=mette.holm&since=2026-12-03T09:00:00Z").body())
                .get("entries")).hasSize(2);
        assertThat(JSON.readTree(read(officer, "?staffUser=mette.holm&until=2026-12-03T09:00:00Z").body())
                .get("entries")).hasSize(2);
        // A page of one, paged on within the period.
        JsonNode first = JSON.readTree(read(officer, "?staffUser=mette.holm&since=2026-12-02T00:00:00Z"
                + "&until=2026-12-04T00:00:00Z&limit=1").body());
        JsonNode next = JSON.readTree(read(officer, "?staffUser=mette.holm&since=2026-12-02T00:00:00Z"
                + "&until=2026-12-04T00:00:00Z&limit=1&before=" + first.get("before").asLong()).body());
        assertThat(next.get("entries")).extracting(e -> e.get("at").asText()).containsExactly("2026-12-02T09:00:00Z");
        assertThat(next.get("before").isNull()).isTrue();
        assertThat(central.sql("SELECT detail FROM audit_event WHERE action = 'AUDIT_READ' AND staff_user = ? "
                + "ORDER BY id LIMIT 1", String.class, "sofie.kjaer")).isEqualTo("staff=mette.holm "
                + "since=2026-12-02T00:00:00Z until=2026-12-04T00:00:00Z");
    }
}
