package app.carddesk.staff;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.Mailer;
import app.carddesk.ui.DeskConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in at a desk connected to the real central register on loopback: online, then offline
 * within the grace period and not after it; the central's refusals as the desk words them; a
 * one-time password changed first; an administrator's lock that reaches the desk at its next
 * sign-in and holds offline too.
 */
class DeskSignInIT {

    private static final String TOKEN = "sign-in-test-token";
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;
    /** Moved on by hand: the grace period is days, the lock minutes. */
    private final app.carddesk.central.StepClock clock = new app.carddesk.central.StepClock();
    private CentralServer central;
    private app.carddesk.DeskGate gate;
    private DeskBackend desk;

    @AfterEach
    void close() {
        closeDesk();
        if (central != null) {
            central.close();
        }
    }

    private void startCentral(int port) {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dir.resolve("central/c"), true))
                .withRetentionAt("off");
        Mailer none = (to, subject, body) -> { };
        central = CentralServer.start(config, none, clock);
    }

    private int openDesk() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        startCentral(port);
        this.port = port;
        gate = app.carddesk.DeskGate.open(deskConfig(), clock);
        return port;
    }

    private int port;

    private DeskConfig deskConfig() {
        return new DeskConfig(dir.resolve("desk"), "DEMO-DK", Locale.ENGLISH, "http://127.0.0.1:" + port, TOKEN, 15);
    }

    /** The desk as it runs after its first sign-in: the register open with the key the sign-in produced. */
    private DeskBackend desk() {
        if (desk == null) {
            desk = DeskBackend.open(gate);
        }
        return desk;
    }

    /** The desk closed, as at the end of a day; the next start begins at the sign-in screen again. */
    private void closeDesk() {
        if (desk != null) {
            desk.close();
            desk = null;
        }
    }

    private void restartDesk() {
        closeDesk();
        gate = app.carddesk.DeskGate.open(deskConfig(), clock);
    }

    private StaffSignIn signIn() {
        return gate.signIn();
    }

    private static String key(StaffSignIn.Result r) {
        return r instanceof StaffSignIn.Refused no ? no.key() : r.getClass().getSimpleName();
    }

    /** The central API as the library's administrator uses it. */
    private JsonNode asAdmin(String method, String path, Object body) throws Exception {
        return as("demo.dk", method, path, body);
    }

    /** The central API as {@code user} (a demo account) uses it. */
    private JsonNode as(String user, String method, String path, Object body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + central.port();
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Api.SignIn(user,
                        DemoStaff.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(session.body()).get("token").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN).header(Api.SESSION_HEADER, token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /** A new account whose person signed in here and chose "quiet reading lamp" for the one-time password. */
    private JsonNode signedInWithOwnPassword(String user) throws Exception {
        JsonNode account = newAccount(user);
        String first = account.get("oneTimePassword").asText();
        signIn().signIn(user, first);
        assertThat(signIn().changePassword(first, "quiet reading lamp", "quiet reading lamp"))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        return account;
    }

    private JsonNode newAccount(String user) throws Exception {
        return asAdmin("POST", "/api/v1/staff", new Api.NewStaffAccount(user, "Ana Berg", null,
                List.of("DESK_STAFF"), null, null));
    }

    @Test
    void signsInOnlineThenOfflineWithinTheGracePeriodAndNotAfterIt() throws Exception {
        openDesk();
        StaffSignIn.Result online = signIn().signIn("demo.dk", DemoStaff.PASSWORD);
        assertThat(online).isInstanceOf(StaffSignIn.SignedIn.class);
        StaffSession session = ((StaffSignIn.SignedIn) online).session();
        assertThat(session.offline()).isFalse();
        assertThat(session.token()).isNotBlank();
        assertThat(session.may("issue")).isTrue();
        assertThat(signIn().staff().staffUser()).isEqualTo("demo.dk");
        desk();
        // Beside the register: the person's seal of its key, neither the password nor the key in clear.
        Path keys = dir.resolve("desk/staff-keys.json");
        String stored = java.nio.file.Files.readString(keys);
        assertThat(stored).contains("demo.dk").doesNotContain(DemoStaff.PASSWORD)
                .doesNotContain(signIn().registerKey().orElseThrow().base64());
        assertThat(java.nio.file.Files.getPosixFilePermissions(keys))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        signIn().signOut();
        restartDesk();
        assertThat(signIn().staff().current()).isEmpty();

        central.close();
        central = null;
        clock.advance(Duration.ofDays(6));
        StaffSignIn.Result offline = signIn().signIn("demo.dk", DemoStaff.PASSWORD);
        assertThat(offline).isInstanceOf(StaffSignIn.SignedIn.class);
        assertThat(((StaffSignIn.SignedIn) offline).session().offline()).isTrue();
        assertThat(((StaffSignIn.SignedIn) offline).session().token()).isNull();
        assertThat(desk().profile().code()).as("the register opens offline with the unsealed key").isEqualTo("DEMO-DK");
        // Both sign-ins are in the desk's own audit; the offline one is audited nowhere else.
        StaffSignIn.Result again = signIn().signIn("demo.dk", DemoStaff.PASSWORD);
        assertThat(again).isInstanceOf(StaffSignIn.SignedIn.class);
        java.util.List<String> signIns = desk().database().jdbi().withHandle(h -> h.createQuery("SELECT staff || ' ' "
                + "|| detail FROM audit_event WHERE action = 'SIGNED_IN' ORDER BY id").mapTo(String.class).list());
        assertThat(signIns).containsExactly("demo.dk with the central register", "demo.dk offline", "demo.dk offline");
        signIn().signOut();
        assertThat(key(signIn().signIn("demo.dk", "paper-lantern-harbor"))).isEqualTo("signin.offlineWrong");
        assertThat(key(signIn().signIn("someone.else", DemoStaff.PASSWORD))).isEqualTo("signin.offlineUnknown");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        StaffSignIn.Result late = signIn().signIn("demo.dk", DemoStaff.PASSWORD);
        assertThat(key(late)).isEqualTo("signin.offlineExpired");
        assertThat(((StaffSignIn.Refused) late).args()).containsExactly(7L);
        assertThat(signIn().staff().current()).isEmpty();
    }

    @Test
    void theCentralsRefusalsAreWordedAndAOneTimePasswordIsChangedFirst() throws Exception {
        openDesk();
        String first = newAccount("ana.berg").get("oneTimePassword").asText();
        for (int i = 1; i <= 3; i++) {
            assertThat(key(signIn().signIn("ana.berg", "wrong-guess-number-" + i))).isEqualTo("signin.wrong");
        }
        assertThat(key(signIn().signIn("ana.berg", "wrong-guess-number-4"))).isEqualTo("signin.lastTry");
        assertThat(key(signIn().signIn("ana.berg", "wrong-guess-number-5"))).isEqualTo("signin.lockedForAWhile");
        assertThat(key(signIn().signIn("ana.berg", first))).isEqualTo("signin.lockedForAWhile");
        clock.advance(Duration.ofMinutes(16));

        StaffSignIn.Result result = signIn().signIn("Ana.Berg ", first);
        assertThat(result).isInstanceOf(StaffSignIn.MustChangePassword.class);
        assertThat(key(signIn().changePassword(first, "quiet reading lamp", "quiet reading lamb")))
                .isEqualTo("signin.passwordsDiffer");
        assertThat(key(signIn().changePassword(first, "Bibliotek2026!", "Bibliotek2026!")))
                .isEqualTo("signin.weakPassword");
        assertThat(signIn().changePassword(first, "quiet reading lamp", "quiet reading lamp"))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        signIn().signOut();
        assertThat(key(signIn().signIn("ana.berg", first))).isEqualTo("signin.wrong");
        assertThat(signIn().signIn("ana.berg", "quiet reading lamp")).isInstanceOf(StaffSignIn.SignedIn.class);
        signIn().signOut();

        desk();
        central.close();
        central = null;
        restartDesk();
        assertThat(signIn().signIn("ana.berg", "quiet reading lamp")).as("the seal is under the new password")
                .isInstanceOf(StaffSignIn.SignedIn.class);
        assertThat(desk().profile().code()).as("and opens the register, untouched by the change").isEqualTo("DEMO-DK");
    }

    @Test
    void someoneWhoNeverSignedInHereGetsTheRegistersKeyFromTheCentralRegister() throws Exception {
        openDesk();
        assertThat(signIn().signIn("demo.dk", DemoStaff.PASSWORD)).isInstanceOf(StaffSignIn.SignedIn.class);
        RegisterKey made = signIn().registerKey().orElseThrow();
        desk().database().jdbi().useHandle(h -> h.execute("UPDATE library_profile SET name = 'Kept Library' "
                + "WHERE code = 'DEMO-DK'"));
        signIn().signOut();
        // A new colleague (or one whose password an administrator reset): a one-time password, then their own.
        String first = newAccount("ana.berg").get("oneTimePassword").asText();
        restartDesk();
        assertThat(signIn().signIn("ana.berg", first)).isInstanceOf(StaffSignIn.MustChangePassword.class);
        assertThat(signIn().registerKey()).as("given by the central register").contains(made);
        assertThat(signIn().changePassword(first, "quiet reading lamp", "quiet reading lamp"))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        assertThat(desk().profile().name()).isEqualTo("Kept Library");

        // A workstation revoked: the central register gives the key to no one, and the desk forgets every seal.
        signIn().signOut();
        central.database().jdbi().useHandle(h -> h.execute("UPDATE workstation SET revoked_at = CURRENT_TIMESTAMP"));
        desk().sync().orElseThrow().syncOnce();
        assertThat(java.nio.file.Files.readString(dir.resolve("desk/staff-keys.json"))).doesNotContain("ana.berg")
                .doesNotContain("demo.dk");
        restartDesk();
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).isEqualTo("signin.revoked");
        central.close();
        central = null;
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).isEqualTo("signin.offlineUnknown");
        assertThat(signIn().registerKey()).isEmpty();
    }

    @Test
    void anAdministratorsLockReachesTheDeskAtItsNextSignInAndHoldsOfflineToo() throws Exception {
        openDesk();
        JsonNode account = newAccount("ana.berg");
        String first = account.get("oneTimePassword").asText();
        assertThat(signIn().signIn("ana.berg", first)).isInstanceOf(StaffSignIn.MustChangePassword.class);
        assertThat(signIn().changePassword(first, "quiet reading lamp", "quiet reading lamp"))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        signIn().signOut();

        asAdmin("POST", "/api/v1/staff/" + account.path("account").path("id").asText() + "/lock", null);
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).isEqualTo("signin.lockedByAdmin");
        central.close();
        central = null;
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).isEqualTo("signin.offlineUnknown");
        assertThat(signIn().staff().current()).isEmpty();
    }

    @Test
    void aVerificationRoundSaysWhyAtSignInAndHoldsOfflineToo() throws Exception {
        openDesk();
        signedInWithOwnPassword("ana.berg");
        signIn().signOut();

        as(DemoStaff.ORGANISATION_ADMIN, "POST", "/api/v1/verification-rounds",
                new Api.NewVerificationRound(clock.instant().plus(Duration.ofHours(1))));
        clock.advance(Duration.ofHours(1));
        assertThat(central.startDueVerificationRounds()).isEqualTo(1);
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).isEqualTo("signin.awaitsVerification");
        central.close();
        central = null;
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp")))
                .as("a round holds offline too").isEqualTo("signin.offlineUnknown");
    }

    @Test
    void aDeactivationReachesADeskWhereThePersonSignedInOfflineAtItsNextContact() throws Exception {
        int port = openDesk();
        signedInWithOwnPassword("ana.berg");
        signIn().signOut();
        central.close();
        central = null;
        assertThat(signIn().signIn("ana.berg", "quiet reading lamp")).isInstanceOf(StaffSignIn.SignedIn.class);
        assertThat(signIn().staff().current().orElseThrow().offline()).isTrue();

        // Back online with the account still active: the person works on.
        startCentral(port);
        desk().sync().orElseThrow().syncOnce();
        assertThat(signIn().staff().current()).as("still allowed").isPresent();

        // Deactivated while the desk is offline again: signed out at the next contact, verifier gone.
        signIn().signOut();
        central.close();
        central = null;
        assertThat(signIn().signIn("ana.berg", "quiet reading lamp")).isInstanceOf(StaffSignIn.SignedIn.class);
        startCentral(port);
        central.database().jdbi().useHandle(h -> h.execute(
                "UPDATE staff_account SET active = FALSE WHERE user_name = 'ana.berg'"));
        boolean[] told = new boolean[1];
        signIn().staff().onSessionEnded(() -> told[0] = true);
        desk().sync().orElseThrow().syncOnce();
        assertThat(signIn().staff().current()).as("signed out at the first answer").isEmpty();
        assertThat(told[0]).as("the screen is told, and shows the sign-in").isTrue();
        central.close();
        central = null;
        assertThat(key(signIn().signIn("ana.berg", "quiet reading lamp"))).as("no offline way back in")
                .isEqualTo("signin.offlineUnknown");
    }

    @Test
    void aLookUpMadeForAPersonWhoseAccountWasLockedSignsThemOutAtOnce() throws Exception {
        openDesk();
        JsonNode account = signedInWithOwnPassword("ana.berg");
        boolean[] told = new boolean[1];
        signIn().staff().onSessionEnded(() -> told[0] = true);
        var queries = desk().sync().orElseThrow().queries();
        assertThat(queries.patronByCard("409900001")).isEmpty();
        assertThat(signIn().staff().current()).isPresent();

        asAdmin("POST", "/api/v1/staff/" + account.path("account").path("id").asText() + "/lock", null);
        queries.patronByCard("409900001");
        assertThat(signIn().staff().current()).as("signed out at the first answer after the lock").isEmpty();
        assertThat(told[0]).isTrue();
    }

    @Test
    void aSessionTheCentralRegisterEndedSignsThePersonOutAtTheNextSyncRound() throws Exception {
        openDesk();
        JsonNode account = signedInWithOwnPassword("ana.berg");
        boolean[] told = new boolean[1];
        signIn().staff().onSessionEnded(() -> told[0] = true);
        var sync = desk().sync().orElseThrow();
        sync.syncOnce();
        assertThat(signIn().staff().current()).as("a session the register accepts").isPresent();

        asAdmin("POST", "/api/v1/staff/" + account.path("account").path("id").asText() + "/lock", null);
        sync.syncOnce();
        assertThat(signIn().staff().current()).as("asked at most once a minute").isPresent();
        clock.advance(StaffSignIn.SESSION_CHECK);
        sync.syncOnce();
        assertThat(signIn().staff().current()).as("signed out by the round, before any request of theirs").isEmpty();
        assertThat(told[0]).isTrue();
    }

    @Test
    void aDeskThatClosesEndsThePersonsSessionAtTheCentralRegister() throws Exception {
        openDesk();
        signedInWithOwnPassword("ana.berg");
        String token = signIn().staff().current().orElseThrow().token();
        desk();
        assertThat(sessionAnswer(token)).as("open while the desk runs").isEqualTo(200);
        // Closed (its window, or the system ending it): the session is not left usable for 12 hours.
        closeDesk();
        assertThat(sessionAnswer(token)).isEqualTo(401);
    }

    private int sessionAnswer(String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/sessions/current")).header("Authorization", "Bearer " + TOKEN)
                .header(Api.SESSION_HEADER, token).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void anEnrolledDeskSyncsWithItsOwnCredentialAndARevokedOneStopsAndSaysWhy() throws Exception {
        int port = openDesk();
        String code = asAdmin("POST", "/api/v1/enrolment-codes", new Api.EnrolmentRequest("Desk 7")).get("code")
                .asText();
        HttpResponse<String> enrolled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/enrolment")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Api.Enrol(code)))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode credential = JSON.readTree(enrolled.body());
        try (DeskBackend seven = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("seven"), "DEMO-DK",
                Locale.ENGLISH, "http://127.0.0.1:" + port, credential.get("token").asText(), 15), clock)) {
            var sync = seven.sync().orElseThrow();
            sync.syncOnce();
            assertThat(sync.status().state()).isEqualTo(app.carddesk.sync.SyncStatus.State.ONLINE);
            asAdmin("POST", "/api/v1/workstations/" + credential.get("workstationId").asText() + "/revoke", null);
            sync.syncOnce();
            assertThat(sync.status().state()).isEqualTo(app.carddesk.sync.SyncStatus.State.REVOKED);
        }
    }

    @Test
    void whatARoleDoesNotAllowIsRefusedAtTheDeskWithTheReason() throws Exception {
        openDesk();
        String first = newAccount("desk.only").get("oneTimePassword").asText();
        signIn().signIn("desk.only", first);
        signIn().changePassword(first, "quiet reading lamp", "quiet reading lamp");
        var upkeep = desk().issuing().upkeep();
        java.util.UUID someone = java.util.UUID.randomUUID();
        assertThat(upkeep.merge(someone, java.util.UUID.randomUUID(), null)).get()
                .extracting(app.carddesk.domain.Problem::key).isEqualTo("permission.missing.merge");
        assertThat(upkeep.deleteExpired(someone)).get().extracting(app.carddesk.domain.Problem::key)
                .isEqualTo("permission.missing.deleteExpired");
        assertThat(desk().memberships().unsubscribe(someone).problem().key()).isEqualTo("permission.missing.unsubscribe");
        // Desk staff may change details: the use case goes on to find that there is no such patron.
        assertThat(upkeep.changePickupLibrary(someone, "KB-SK")).get().extracting(app.carddesk.domain.Problem::key)
                .isEqualTo("issue.conflict.patron_gone");
        signIn().signOut();

        signIn().signIn("demo.dk", DemoStaff.PASSWORD);
        assertThat(upkeep.merge(someone, java.util.UUID.randomUUID(), null)).get()
                .extracting(app.carddesk.domain.Problem::key).isEqualTo("patron.gone");
        signIn().signOut();
        assertThat(upkeep.changePickupLibrary(someone, "KB-SK")).as("nobody signed in").get()
                .extracting(app.carddesk.domain.Problem::key).isEqualTo("permission.missing.edit");
    }

    @Test
    void aDeskOnItsOwnLetsOnlyItsDemoAccountIn() throws Exception {
        gate = app.carddesk.DeskGate.open(new DeskConfig(dir.resolve("alone"), "DEMO-NO", Locale.ENGLISH), clock);
        assertThat(signIn().demoAccount()).contains(List.of("demo.oslo", DemoStaff.PASSWORD));
        assertThat(key(signIn().signIn("demo.dk", DemoStaff.PASSWORD))).isEqualTo("signin.wrong");
        assertThat(key(signIn().signIn("demo.oslo", "not the password"))).isEqualTo("signin.wrong");
        assertThat(signIn().signIn("demo.oslo", DemoStaff.PASSWORD)).isInstanceOf(StaffSignIn.SignedIn.class);
        assertThat(signIn().staff().staffUser()).isEqualTo("demo.oslo");
    }
}
