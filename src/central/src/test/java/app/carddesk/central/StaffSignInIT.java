package app.carddesk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carddesk.api.Api;
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
 * Staff sign-in against the real central service: the demo library's administrator signs in,
 * creates an account whose one-time password must be changed first, wrong passwords lock it, an
 * administrator locks and unlocks, roles decide what a session may do, and all of it is audited.
 */
class StaffSignInIT {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String ADMIN = "demo.dk";
    private static final String ADMIN_PASSWORD = app.carddesk.api.DemoStaff.PASSWORD;

    @TempDir
    Path dir;
    private final StepClock clock = new StepClock();
    private CentralFixture central;

    boolean postgres() {
        return false;
    }

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, 1, postgres(), clock);
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        return central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN, JSON.writeValueAsString(
                new Api.SignIn(user, password)));
    }

    private String session(String user, String password) throws Exception {
        HttpResponse<String> r = signIn(user, password);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("token").asText();
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    /** A new desk-staff account at the demo library; returns {id, one-time password}. */
    private String[] newAccount(String admin, String user, String... roles) throws Exception {
        HttpResponse<String> r = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount(user, "Ana Berg", "ana.berg@kb.dk",
                        java.util.List.of(roles), null, null)), Api.SESSION_HEADER, admin);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode issued = JSON.readTree(r.body());
        return new String[] {issued.path("account").path("id").asText(), issued.path("oneTimePassword").asText()};
    }

    /** A data protection officer at the demo library, made as the operator does; returns their one-time password. */
    private String officer(String user) {
        return new StaffAccounts(central.server.database().jdbi(), new app.carddesk.security.Argon2PinHasher(), clock)
                .addDataProtectionOfficer("DEMO-DK", user, "Sofie Kjær", null);
    }

    private long audited(String action) {
        return central.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, action);
    }

    @Test
    void theDemoAdministratorSignsInAndSeesTheirPermissions() throws Exception {
        HttpResponse<String> r = signIn(ADMIN, ADMIN_PASSWORD);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode session = JSON.readTree(r.body());
        assertEquals("2026-12-01T21:00:00Z", session.get("expiresAt").asText());
        JsonNode permissions = session.path("account").path("permissions");
        assertTrue(permissions.toString().contains("issue") && permissions.toString().contains("staff_admin"),
                permissions.toString());
        // The service keeps the token's hash only.
        String token = session.get("token").asText();
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM staff_session WHERE token_hash = ?", Long.class, token));
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM staff_session WHERE token_hash = ?", Long.class,
                Envelope.sha256(token)));
        HttpResponse<String> me = central.send("GET", "/api/v1/sessions/current", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, token);
        assertEquals(ADMIN, JSON.readTree(me.body()).get("userName").asText());
        assertEquals(1, audited("SIGNED_IN"));
        // What a request made for the person does is audited with their name beside the workstation.
        assertEquals(200, central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN,
                "{\"name\":\"Hansen\"}", Api.SESSION_HEADER, token).statusCode());
        assertEquals(ADMIN, central.sql("SELECT staff_user FROM audit_event WHERE action = 'PATRON_SEARCH'",
                String.class));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesAndTheFourthWarns() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> wrong = signIn("ana.berg", "not-the-password-" + i);
            assertEquals(401, wrong.statusCode());
            assertEquals("invalid_credentials", error(wrong));
            assertFalse(wrong.body().contains("One more"), wrong.body());
        }
        HttpResponse<String> fourth = signIn("ana.berg", "not-the-password-4");
        assertEquals(401, fourth.statusCode());
        assertEquals("last_attempt", error(fourth));
        assertTrue(fourth.body().contains("One more wrong password locks the account for 15 minutes"), fourth.body());
        HttpResponse<String> fifth = signIn("ana.berg", "not-the-password-5");
        assertEquals(423, fifth.statusCode(), fifth.body());
        assertEquals("account_locked_for_a_while", error(fifth));
        assertEquals("900", fifth.headers().firstValue("Retry-After").orElse(""));
        // Locked: even the right password is refused until the time has passed.
        assertEquals(423, signIn("ana.berg", ana[1]).statusCode());
        clock.advance(Duration.ofMinutes(14));
        assertEquals(423, signIn("ana.berg", ana[1]).statusCode());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(201, signIn("ana.berg", ana[1]).statusCode());
        assertEquals(4, audited("SIGN_IN_FAILED"));
        assertEquals(1, audited("ACCOUNT_LOCKED"));
        assertEquals(2, audited("SIGN_IN_REFUSED"));
        // No password, user name or token in the audit.
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?", Long.class,
                "%not-the-password%"));
    }

    @Test
    void signsOfAPersonalAccountUsedAsASystemAccountAreShownToTheAdministrator() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        central.server.database().jdbi().useHandle(h -> h.execute("INSERT INTO workstation (token_hash, library_code, "
                + "name) VALUES (?, 'DEMO-DK', 'second desk')", Envelope.sha256("second-desk-token")));
        HttpResponse<String> second = central.send("POST", "/api/v1/sessions", "second-desk-token",
                JSON.writeValueAsString(new Api.SignIn(ADMIN, ADMIN_PASSWORD)));
        assertEquals(201, second.statusCode());
        // An integration that took the person's session for a workstation credential.
        HttpResponse<String> asApi = central.send("GET", "/api/v1/changes?after=0", admin, null);
        assertEquals(401, asApi.statusCode());
        assertTrue(asApi.body().contains("recorded"), asApi.body());
        JsonNode signs = JSON.readTree(central.send("GET", "/api/v1/staff/signs", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).body()).get("signs");
        assertEquals(2, signs.size(), signs.toString());
        assertTrue(signs.toString().contains("\"kind\":\"several_workstations\",\"count\":2"), signs.toString());
        assertTrue(signs.toString().contains("\"kind\":\"session_used_as_api\",\"count\":1"), signs.toString());
    }

    @Test
    void aWrongUserNameIsAnsweredLikeAWrongPassword() throws Exception {
        HttpResponse<String> r = signIn("nobody.here", "whatever-it-is-1");
        assertEquals(401, r.statusCode());
        assertEquals("invalid_credentials", error(r));
        assertEquals("Wrong user name or password.", JSON.readTree(r.body()).get("message").asText());
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        HttpResponse<String> first = signIn("ana.berg", ana[1]);
        assertEquals(201, first.statusCode());
        JsonNode session = JSON.readTree(first.body());
        assertTrue(session.path("account").path("mustChangePassword").asBoolean());
        String token = session.get("token").asText();
        HttpResponse<String> blocked = central.send("GET", "/api/v1/patrons?cardNumber=40990000001",
                CentralFixture.TOKEN, null, Api.SESSION_HEADER, token);
        assertEquals(403, blocked.statusCode());
        assertEquals("password_change_required", error(blocked));
        HttpResponse<String> weak = changePassword(token, ana[1], "Bibliotek2026!");
        assertEquals(422, weak.statusCode());
        assertEquals("password_rejected", error(weak));
        HttpResponse<String> personal = changePassword(token, ana[1], "ana.berg-at-the-desk");
        assertEquals("password_rejected", error(personal));
        assertTrue(JSON.readTree(personal.body()).get("message").asText().contains("user name"));
        HttpResponse<String> wrongCurrent = changePassword(token, "not-it-at-all-x", "paper lantern over water");
        assertEquals("invalid_credentials", error(wrongCurrent));
        assertEquals(204, changePassword(token, ana[1], "paper lantern over water").statusCode());
        HttpResponse<String> now = central.send("GET", "/api/v1/patrons?cardNumber=40990000001",
                CentralFixture.TOKEN, null, Api.SESSION_HEADER, token);
        assertEquals(404, now.statusCode(), now.body());
        assertEquals(401, signIn("ana.berg", ana[1]).statusCode());
        assertEquals(201, signIn("ana.berg", "paper lantern over water").statusCode());
        assertEquals(1, audited("PASSWORD_CHANGED"));
    }

    private HttpResponse<String> changePassword(String token, String current, String next) throws Exception {
        return central.send("POST", "/api/v1/sessions/current/password", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.PasswordChange(current, next)), Api.SESSION_HEADER, token);
    }

    @Test
    void anAdministratorLocksAndUnlocksAndALockEndsTheSessions() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        String anaSession = session("ana.berg", ana[1]);
        HttpResponse<String> locked = central.send("POST", "/api/v1/staff/" + ana[0] + "/lock", CentralFixture.TOKEN,
                null, Api.SESSION_HEADER, admin);
        assertEquals(200, locked.statusCode(), locked.body());
        assertEquals("locked", JSON.readTree(locked.body()).get("status").asText());
        HttpResponse<String> ended = central.send("GET", "/api/v1/sessions/current", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, anaSession);
        assertEquals(401, ended.statusCode());
        assertEquals("session_invalid", error(ended));
        HttpResponse<String> refused = signIn("ana.berg", ana[1]);
        assertEquals(423, refused.statusCode());
        assertEquals("account_locked", error(refused));
        assertTrue(refused.headers().firstValue("Retry-After").isEmpty());
        assertEquals(200, central.send("POST", "/api/v1/staff/" + ana[0] + "/unlock", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).statusCode());
        assertEquals(201, signIn("ana.berg", ana[1]).statusCode());
        assertEquals(1, audited("ACCOUNT_LOCKED_BY_ADMIN"));
        assertEquals(1, audited("ACCOUNT_UNLOCKED"));
    }

    private HttpResponse<String> setRoles(String admin, String account, String body) throws Exception {
        return central.send("PUT", "/api/v1/staff/" + account + "/roles", CentralFixture.TOKEN, body,
                Api.SESSION_HEADER, admin);
    }

    private static String roles(String... roles) throws Exception {
        return JSON.writeValueAsString(new Api.StaffRoles(java.util.List.of(roles)));
    }

    @Test
    void theLibrarysAdministratorNeitherAppointsNorRemovesNorLocksWhoeverOverseesThem() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        // Not given, on a new account nor an existing one.
        HttpResponse<String> created = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount("friend.dpo", "A Friend", null,
                        java.util.List.of("DATA_PROTECTION"), null, null)), Api.SESSION_HEADER, admin);
        assertEquals(403, created.statusCode(), created.body());
        assertEquals("permission_denied", error(created));
        assertEquals("roles", JSON.readTree(created.body()).path("field").asText());
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM staff_account WHERE user_name = 'friend.dpo'", Long.class));
        HttpResponse<String> given = setRoles(admin, ana[0], roles("DESK_STAFF", "DATA_PROTECTION"));
        assertEquals(403, given.statusCode(), given.body());
        assertEquals("DESK_STAFF", central.sql("SELECT role_code FROM staff_grant g JOIN staff_account a "
                + "ON a.id = g.account_id WHERE a.user_name = 'ana.berg'", String.class));

        // The officer the operator made: their role is not taken away, nor their account locked.
        officer("sofie.kjaer");
        String sofie = central.sql("SELECT CAST(id AS VARCHAR(36)) FROM staff_account WHERE user_name = "
                + "'sofie.kjaer'", String.class);
        assertEquals(403, setRoles(admin, sofie, roles("DESK_STAFF")).statusCode());
        assertEquals("DATA_PROTECTION", central.sql("SELECT role_code FROM staff_grant g JOIN staff_account a "
                + "ON a.id = g.account_id WHERE a.user_name = 'sofie.kjaer'", String.class));
        HttpResponse<String> lock = central.send("POST", "/api/v1/staff/" + sofie + "/lock", CentralFixture.TOKEN,
                null, Api.SESSION_HEADER, admin);
        assertEquals(403, lock.statusCode(), lock.body());
        assertEquals(Boolean.FALSE, central.sql("SELECT admin_locked FROM staff_account WHERE user_name = "
                + "'sofie.kjaer'", Boolean.class));
        assertEquals(403, central.send("PUT", "/api/v1/staff/" + sofie + "/name", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.StaffName("Someone Else")), Api.SESSION_HEADER, admin).statusCode());
        assertEquals("Sofie Kjær", central.sql("SELECT display_name FROM staff_account WHERE user_name = "
                + "'sofie.kjaer'", String.class));
        // Nor the organisation's administrator.
        String organisationAdmin = central.sql("SELECT CAST(id AS VARCHAR(36)) FROM staff_account "
                + "WHERE user_name = ?", String.class, app.carddesk.api.DemoStaff.ORGANISATION_ADMIN);
        assertEquals(403, central.send("POST", "/api/v1/staff/" + organisationAdmin + "/lock", CentralFixture.TOKEN,
                null, Api.SESSION_HEADER, admin).statusCode());
        assertEquals(0, audited("ACCOUNT_LOCKED_BY_ADMIN"));
        assertEquals(0, audited("ROLES_CHANGED"));
        // Each try is kept for the officer: who tried what on whose account, and nothing else in its entry.
        assertEquals(java.util.List.of(
                "attempt=create user=friend.dpo roles=DATA_PROTECTION by=" + ADMIN,
                "attempt=roles user=ana.berg roles=DATA_PROTECTION,DESK_STAFF was=DESK_STAFF by=" + ADMIN,
                "attempt=roles user=sofie.kjaer roles=DESK_STAFF was=DATA_PROTECTION by=" + ADMIN,
                "attempt=lock user=sofie.kjaer by=" + ADMIN,
                "attempt=rename user=sofie.kjaer by=" + ADMIN,
                "attempt=lock user=" + app.carddesk.api.DemoStaff.ORGANISATION_ADMIN + " by=" + ADMIN),
                central.server.database().jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_event "
                        + "WHERE action = "
                        + "'STAFF_CHANGE_REFUSED' AND staff_user = :admin ORDER BY id").bind("admin", ADMIN)
                        .mapTo(String.class).list()));
        // A desk-staff colleague is still theirs to lock.
        assertEquals(200, central.send("POST", "/api/v1/staff/" + ana[0] + "/lock", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).statusCode());
    }

    @Test
    void anAdministratorChangesAColleaguesRolesAndTheirNextRequestHasThem() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        String anaSession = session("ana.berg", ana[1]);
        assertEquals(204, changePassword(anaSession, ana[1], "quiet reading room lamp").statusCode());
        assertEquals(403, central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, anaSession).statusCode());

        HttpResponse<String> promoted = setRoles(admin, ana[0], roles("desk_staff", "LIBRARY_ADMIN"));
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals("[\"DESK_STAFF\",\"LIBRARY_ADMIN\"]", JSON.readTree(promoted.body()).get("roles").toString());
        assertTrue(JSON.readTree(promoted.body()).get("permissions").toString().contains("staff_admin"));
        // The session she already has carries the new role on its next request.
        assertEquals(200, central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, anaSession).statusCode());

        assertEquals(200, setRoles(admin, ana[0], roles("DESK_STAFF")).statusCode());
        assertEquals(403, central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, anaSession).statusCode());
        assertEquals(2, audited("ROLES_CHANGED"));
        assertEquals("user=ana.berg roles=DESK_STAFF was=DESK_STAFF,LIBRARY_ADMIN by=" + ADMIN, central.sql(
                "SELECT detail FROM audit_event WHERE action = 'ROLES_CHANGED' ORDER BY id DESC LIMIT 1",
                String.class));
        // The roles she holds already: answered, nothing changed, nothing audited.
        assertEquals(200, setRoles(admin, ana[0], roles("DESK_STAFF")).statusCode());
        assertEquals(2, audited("ROLES_CHANGED"));
    }

    @Test
    void anAdministratorCorrectsAColleaguesFullNameAndTheAuditNamesNeitherName() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        HttpResponse<String> renamed = central.send("PUT", "/api/v1/staff/" + ana[0] + "/name", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.StaffName("  Ana Bergström  ")), Api.SESSION_HEADER, admin);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Ana Bergström", JSON.readTree(renamed.body()).get("displayName").asText());
        assertEquals("ana.berg", JSON.readTree(renamed.body()).get("userName").asText());
        assertEquals("Ana Bergström", central.sql("SELECT display_name FROM staff_account WHERE user_name = ?",
                String.class, "ana.berg"));
        assertEquals("user=ana.berg by=" + ADMIN, central.sql(
                "SELECT detail FROM audit_event WHERE action = 'STAFF_RENAMED'", String.class));
        HttpResponse<String> empty = central.sendMalformed("PUT", "/api/v1/staff/" + ana[0] + "/name",
                CentralFixture.TOKEN, JSON.writeValueAsString(new Api.StaffName("")), Api.SESSION_HEADER, admin);
        assertEquals(422, empty.statusCode());
        assertEquals("invalid_field", error(empty));
        String anaSession = session("ana.berg", ana[1]);
        assertEquals(204, changePassword(anaSession, ana[1], "quiet reading room lamp").statusCode());
        HttpResponse<String> notAdmin = central.send("PUT", "/api/v1/staff/" + ana[0] + "/name", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.StaffName("Someone Else")), Api.SESSION_HEADER, anaSession);
        assertEquals(403, notAdmin.statusCode());
        assertEquals(1, audited("STAFF_RENAMED"));
    }

    @Test
    void rolesAreNotChangedWhenRefusedNorForOneselfNorAcrossLibraries() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] ana = newAccount(admin, "ana.berg", "DESK_STAFF");
        HttpResponse<String> conflict = setRoles(admin, ana[0], roles("LIBRARY_ADMIN", "DATA_PROTECTION"));
        assertEquals(422, conflict.statusCode(), conflict.body());
        assertEquals("permission_conflict", error(conflict));
        HttpResponse<String> unknown = setRoles(admin, ana[0], roles("DESK_STAFF", "JANITOR"));
        assertEquals(422, unknown.statusCode());
        assertEquals("unknown_role", error(unknown));
        HttpResponse<String> none = central.sendMalformed("PUT", "/api/v1/staff/" + ana[0] + "/roles",
                CentralFixture.TOKEN, roles(), Api.SESSION_HEADER, admin);
        assertEquals(422, none.statusCode());
        assertEquals("invalid_field", error(none));
        HttpResponse<String> malformed = central.sendMalformed("PUT", "/api/v1/staff/" + ana[0] + "/roles",
                CentralFixture.TOKEN, "{\"roles\": \"DESK_STAFF\"}", Api.SESSION_HEADER, admin);
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed_json", error(malformed));
        // Only an organisation administrator gives (or takes) an organisation-wide role.
        HttpResponse<String> wide = setRoles(admin, ana[0], roles("ORGANISATION_ADMIN"));
        assertEquals(403, wide.statusCode());
        assertEquals("permission_denied", error(wide));
        String organisationAdmin = central.sql("SELECT CAST(id AS VARCHAR(36)) FROM staff_account "
                + "WHERE user_name = ?", String.class, app.carddesk.api.DemoStaff.ORGANISATION_ADMIN);
        assertEquals(403, setRoles(admin, organisationAdmin, roles("DESK_STAFF")).statusCode());
        assertEquals("DESK_STAFF", central.sql("SELECT role_code FROM staff_grant g JOIN staff_account a "
                + "ON a.id = g.account_id WHERE a.user_name = 'ana.berg'", String.class));

        String me = JSON.readTree(central.send("GET", "/api/v1/sessions/current", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).body()).get("id").asText();
        HttpResponse<String> own = setRoles(admin, me, roles("DESK_STAFF"));
        assertEquals(409, own.statusCode(), own.body());
        assertEquals("own_account", error(own));
        HttpResponse<String> lockOwn = central.send("POST", "/api/v1/staff/" + me + "/lock", CentralFixture.TOKEN,
                null, Api.SESSION_HEADER, admin);
        assertEquals(409, lockOwn.statusCode());
        assertEquals("own_account", error(lockOwn));
        assertEquals(200, central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null, Api.SESSION_HEADER, admin)
                .statusCode());

        String oslo = central.sql("SELECT CAST(id AS VARCHAR(36)) FROM staff_account WHERE user_name = ?",
                String.class, app.carddesk.api.DemoStaff.USERS.get("DEMO-NO"));
        HttpResponse<String> elsewhere = setRoles(admin, oslo, roles("DESK_STAFF"));
        assertEquals(404, elsewhere.statusCode());
        assertEquals("account_not_found", error(elsewhere));
        assertEquals(0, audited("ROLES_CHANGED"));
    }

    @Test
    void aRoleWithoutThePermissionIsRefusedWithThePermissionNamed() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String[] clerk = newAccount(admin, "desk.only", "DESK_STAFF");
        String token = session("desk.only", clerk[1]);
        assertEquals(204, changePassword(token, clerk[1], "quiet reading room lamp").statusCode());
        HttpResponse<String> staff = central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, token);
        assertEquals(403, staff.statusCode());
        assertEquals("permission_denied", error(staff));
        assertTrue(staff.body().contains("staff_admin"), staff.body());
        HttpResponse<String> held = central.send("GET", "/api/v1/retention/held", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, token);
        assertEquals(403, held.statusCode());
        assertTrue(held.body().contains("held_list"), held.body());
        // The same workstation without a session, as desks sent before staff signed in.
        assertEquals(200, central.send("GET", "/api/v1/retention/held", CentralFixture.TOKEN, null).statusCode());
        HttpResponse<String> list = central.send("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("desk.only") && list.body().contains(ADMIN), list.body());
    }

    @Test
    void rolesThatJoinConflictingPermissionsAreRefused() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> r = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount("both.hats", "Both Hats", null,
                        java.util.List.of("LIBRARY_ADMIN", "DATA_PROTECTION"), null, null)),
                Api.SESSION_HEADER, admin);
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("permission_conflict", error(r));
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM staff_account WHERE user_name = 'both.hats'", Long.class));
        HttpResponse<String> unknown = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount("no.role", "No Role", null,
                        java.util.List.of("JANITOR"), null, null)), Api.SESSION_HEADER, admin);
        assertEquals("unknown_role", error(unknown));
        newAccount(admin, "taken.name", "DESK_STAFF");
        HttpResponse<String> taken = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount("Taken.Name", "Other", null,
                        java.util.List.of("DESK_STAFF"), null, null)), Api.SESSION_HEADER, admin);
        assertEquals(409, taken.statusCode());
        assertEquals("user_name_taken", error(taken));
    }

    @Test
    void aPersonWithNoRoleAtThisLibraryAndAnAccountPastItsLastDayAreRefused() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> oslo = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN_NO,
                JSON.writeValueAsString(new Api.SignIn(ADMIN, ADMIN_PASSWORD)));
        assertEquals(403, oslo.statusCode());
        assertEquals("no_role_here", error(oslo));
        HttpResponse<String> r = central.send("POST", "/api/v1/staff", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.NewStaffAccount("short.stay", "Short Stay", null,
                        java.util.List.of("DESK_STAFF"), java.time.LocalDate.parse("2026-11-01"),
                        java.time.LocalDate.parse("2026-12-01"))), Api.SESSION_HEADER, admin);
        String password = JSON.readTree(r.body()).get("oneTimePassword").asText();
        assertEquals(201, signIn("short.stay", password).statusCode());
        clock.advance(Duration.ofDays(1));
        HttpResponse<String> after = signIn("short.stay", password);
        assertEquals(403, after.statusCode());
        assertEquals("account_inactive", error(after));
    }

    @Test
    void aSystemAccountCanNeverHoldAPasswordAndAPersonalOneNeverAWorkstationCredential() {
        var jdbi = central.server.database().jdbi();
        java.util.UUID system = java.util.UUID.randomUUID();
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO staff_account (id, kind, user_name, display_name, password_hash, must_change_password, "
                        + "active, admin_locked, failed_attempts, created_at) VALUES (?, 'SYSTEM', 'ws-1', 'Desk 1', "
                        + "'$argon2id$x', FALSE, TRUE, FALSE, 0, CURRENT_TIMESTAMP)", system)));
        java.util.UUID person = central.sql("SELECT id FROM staff_account WHERE user_name = ?", java.util.UUID.class,
                ADMIN);
        assertNotNull(person);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO workstation (token_hash, library_code, name, account_id) VALUES ('x', 'DEMO-DK', 'w', ?)",
                person)));
        jdbi.useHandle(h -> h.execute("INSERT INTO staff_account (id, kind, user_name, display_name, "
                + "must_change_password, active, admin_locked, failed_attempts, created_at) VALUES (?, 'SYSTEM', "
                + "'ws-1', 'Desk 1', FALSE, TRUE, FALSE, 0, CURRENT_TIMESTAMP)", system));
        jdbi.useHandle(h -> h.execute("INSERT INTO workstation (token_hash, library_code, name, account_id) "
                + "VALUES ('y', 'DEMO-DK', 'w', ?)", system));
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM workstation WHERE account_id = ?", Long.class, system));
    }

    @Test
    void aQueuedChangeIsCheckedAgainstThePersonWhoMadeItWhenItArrives() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD);
        String clerk = newAccount(admin, "clerk.offline", "DESK_STAFF")[0];
        officer("dpo.only");
        java.util.UUID first = java.util.UUID.randomUUID();
        HttpResponse<String> made = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN,
                CentralApiIT.patron(first, "409900081", "NONE", null, null), "Idempotency-Key", "offline-1",
                Api.ACTING_FOR_HEADER, "clerk.offline");
        assertEquals(201, made.statusCode(), made.body());
        assertEquals("clerk.offline", central.sql("SELECT staff_user FROM audit_event WHERE patron_id = ?",
                String.class, first), "the audit names who made the change, not only the workstation");
        assertEquals("DESK_STAFF", central.sql("SELECT staff_roles FROM audit_event WHERE patron_id = ?",
                String.class, first));

        HttpResponse<String> notAllowed = central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN,
                CentralApiIT.patron(java.util.UUID.randomUUID(), "409900082", "NONE", null, null), "Idempotency-Key",
                "offline-2", Api.ACTING_FOR_HEADER, "dpo.only");
        assertEquals(403, notAllowed.statusCode());
        assertEquals("permission_denied", error(notAllowed));

        assertEquals(200, central.send("POST", "/api/v1/staff/" + clerk + "/lock", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).statusCode());
        java.util.UUID second = java.util.UUID.randomUUID();
        java.util.UUID third = java.util.UUID.randomUUID();
        String batch = "{\"items\":[{\"idempotencyKey\":\"offline-3\",\"actingFor\":\"clerk.offline\",\"patron\":"
                + CentralApiIT.patron(second, "409900083", "NONE", null, null) + "},{\"idempotencyKey\":\"offline-4\","
                + "\"actingFor\":\"demo.dk\",\"patron\":" + CentralApiIT.patron(third, "409900084", "NONE", null, null)
                + "}]}";
        HttpResponse<String> results = central.send("POST", "/api/v1/patrons/batch", CentralFixture.TOKEN, batch);
        assertEquals(200, results.statusCode(), results.body());
        JsonNode items = JSON.readTree(results.body()).get("results");
        assertEquals(403, items.get(0).get("status").asInt(), "made by a person locked since");
        assertEquals("acting_person_refused", items.get(0).get("body").get("error").asText());
        assertEquals(201, items.get(1).get("status").asInt(), "the rest of the batch goes through");
        assertEquals(0L, central.sql("SELECT COUNT(*) FROM patron WHERE id = ?", Long.class, second));

        // Naming a person is for queued changes only: it is no session, and administration needs one.
        HttpResponse<String> admin2 = central.sendMalformed("GET", "/api/v1/staff", CentralFixture.TOKEN, null,
                Api.ACTING_FOR_HEADER, ADMIN);
        assertEquals(401, admin2.statusCode());
        assertEquals("session_invalid", error(admin2));
    }

    @Test
    void signInsWhileTheLibraryIsClosedAreASign() throws Exception {
        String admin = session(ADMIN, ADMIN_PASSWORD); // Tuesday 10:00 in Copenhagen: open
        String weekdays = "{\"days\":[" + java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(d -> "{\"weekday\":" + d + ",\"opens\":\"08:00\",\"closes\":\"17:00\"}")
                .collect(java.util.stream.Collectors.joining(",")) + "]}";
        HttpResponse<String> set = central.send("PUT", "/api/v1/library/hours", CentralFixture.TOKEN, weekdays,
                Api.SESSION_HEADER, admin);
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(5, JSON.readTree(set.body()).get("days").size());
        HttpResponse<String> wrong = central.send("PUT", "/api/v1/library/hours", CentralFixture.TOKEN,
                "{\"days\":[{\"weekday\":1,\"opens\":\"17:00\",\"closes\":\"08:00\"}]}", Api.SESSION_HEADER, admin);
        assertEquals(422, wrong.statusCode());
        assertEquals(5, JSON.readTree(central.send("GET", "/api/v1/library/hours", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, admin).body()).get("days").size(), "a refused change changes nothing");
        assertFalse(central.send("GET", "/api/v1/staff/signs", CentralFixture.TOKEN, null, Api.SESSION_HEADER, admin)
                .body().contains("signed_in_outside_hours"));

        clock.advance(Duration.ofHours(12)); // Tuesday 22:00 in Copenhagen: closed
        String late = session(ADMIN, ADMIN_PASSWORD);
        JsonNode signs = JSON.readTree(central.send("GET", "/api/v1/staff/signs", CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, late).body()).get("signs");
        JsonNode outside = null;
        for (JsonNode s : signs) {
            if (s.get("kind").asText().equals("signed_in_outside_hours")) {
                outside = s;
            }
        }
        assertNotNull(outside, signs.toString());
        assertEquals(ADMIN, outside.get("userName").asText());
        assertEquals(1, outside.get("count").asInt());
        assertEquals(1L, audited("LIBRARY_HOURS_SET"));
    }
}
