package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full verification round with two libraries on the real central service: the organisation
 * administrator schedules it; at its time every personal account is inactive and signed out while
 * workstations keep syncing; each library's administrator reads the mailed verification code to the
 * operator, who re-activates them; they sign in with the one-time password, choose their own, and
 * decide their library's staff one by one until the round ends. Every step is audited.
 */
class VerificationRoundIT {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern CODE = Pattern.compile(": ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\\b");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private final StepClock clock = new StepClock();
    private CentralFixture central;

    boolean postgres() {
        return false;
    }

    @BeforeEach
    void start() {
        central = new CentralFixture(dir, mail.getSmtp().getPort(), postgres(), clock);
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private String signIn(String token, String user, String password) throws Exception {
        HttpResponse<String> r = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn(user, password)));
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

    private String newAccount(String token, String admin, String user, String email, String... roles) throws Exception {
        return call("POST", "/api/v1/staff", token, admin, new Api.NewStaffAccount(user, user, email,
                List.of(roles), null, null), 201).path("account").path("id").asText();
    }

    private String code(String to) throws Exception {
        central.awaitMailsSent();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                Matcher found = CODE.matcher(m.getContent().toString());
                assertThat(found.find()).as("the mail to %s holds a code", to).isTrue();
                return found.group(1);
            }
        }
        throw new AssertionError("no mail to " + to);
    }

    private String decide(String token, String session, String accountId, String decision, int status)
            throws Exception {
        return call("POST", "/api/v1/verification-rounds/current/accounts/" + accountId, token, session,
                new Api.RoundDecision(decision, false), status).path("oneTimePassword").asText(null);
    }

    private String idOf(JsonNode accounts, String user) {
        for (JsonNode a : accounts.get("accounts")) {
            if (a.get("userName").asText().equals(user)) {
                return a.get("accountId").asText();
            }
        }
        throw new AssertionError(user + " is not listed: " + accounts);
    }

    private long audited(String action) {
        return central.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?", Long.class, action);
    }

    @Test
    void aFullRoundWithTwoLibraries() throws Exception {
        String dk = CentralFixture.TOKEN;
        String no = CentralFixture.TOKEN_NO;
        String demoDk = signIn(dk, "demo.dk", DemoStaff.PASSWORD);
        String demoOslo = signIn(no, "demo.oslo", DemoStaff.PASSWORD);
        newAccount(dk, demoDk, "dk.admin", "dk.admin@kb.example", "LIBRARY_ADMIN");
        newAccount(dk, demoDk, "dk.clerk", null, "DESK_STAFF");
        newAccount(no, demoOslo, "no.admin", "no.admin@oslo.example", "LIBRARY_ADMIN");
        newAccount(no, demoOslo, "no.clerk", "no.clerk@oslo.example", "DESK_STAFF");
        // A library's administrator may not hand out organisation-wide roles.
        call("POST", "/api/v1/staff", dk, demoDk, new Api.NewStaffAccount("dk.boss", "Boss", null,
                List.of("ORGANISATION_ADMIN"), null, null), 403);

        String org = signIn(dk, DemoStaff.ORGANISATION_ADMIN, DemoStaff.PASSWORD);
        call("POST", "/api/v1/verification-rounds", dk, demoDk, new Api.NewVerificationRound(
                clock.instant().plus(Duration.ofHours(2))), 403);
        call("POST", "/api/v1/verification-rounds", dk, org, new Api.NewVerificationRound(
                clock.instant().minus(Duration.ofDays(1))), 422);
        JsonNode scheduled = call("POST", "/api/v1/verification-rounds", dk, org, new Api.NewVerificationRound(
                clock.instant().plus(Duration.ofHours(2))), 201);
        assertThat(scheduled.get("startedAt").isNull()).isTrue();
        call("POST", "/api/v1/verification-rounds", dk, org, new Api.NewVerificationRound(
                clock.instant().plus(Duration.ofHours(3))), 409);
        // A scheduled round can be called off before it starts, and scheduled again.
        call("DELETE", "/api/v1/verification-rounds/current", dk, demoDk, null, 403);
        assertThat(central.send("DELETE", "/api/v1/verification-rounds/current", dk, null, Api.SESSION_HEADER, org)
                .statusCode()).isEqualTo(204);
        assertThat(audited("VERIFICATION_ROUND_CANCELLED")).isEqualTo(1);
        call("POST", "/api/v1/verification-rounds", dk, org, new Api.NewVerificationRound(
                clock.instant().plus(Duration.ofHours(2))), 201);

        String desk = newWorkstation(dk, demoDk);

        // Nothing happens before the time.
        assertThat(central.server.rounds().startDue()).isZero();
        call("GET", "/api/v1/sessions/current", dk, demoDk, null, 200);

        clock.advance(Duration.ofHours(2));
        assertThat(central.server.rounds().startDue()).isEqualTo(1);
        assertThat(central.server.rounds().startDue()).as("a round starts once").isZero();
        assertThat(central.send("DELETE", "/api/v1/verification-rounds/current", dk, null, Api.SESSION_HEADER, org)
                .statusCode()).as("a started round is not called off").isIn(401, 409);
        long personal = central.sql("SELECT COUNT(*) FROM staff_account WHERE kind = 'PERSONAL'", Long.class);
        assertThat(central.sql("SELECT COUNT(*) FROM staff_account WHERE kind = 'PERSONAL' AND active", Long.class))
                .as("every personal account, administrators included").isZero();
        assertThat(central.sql("SELECT COUNT(*) FROM verification_account", Long.class)).isEqualTo(personal);
        call("GET", "/api/v1/sessions/current", dk, org, null, 401);
        assertThat(central.send("POST", "/api/v1/sessions", dk, JSON.writeValueAsString(new Api.SignIn("demo.dk",
                DemoStaff.PASSWORD))).body()).contains("account_awaits_verification");
        // System accounts are untouched: an enrolled workstation goes on working.
        assertThat(central.sql("SELECT COUNT(*) FROM staff_account WHERE kind = 'SYSTEM' AND NOT active", Long.class))
                .isZero();
        call("POST", "/api/v1/patrons/search", desk, null, java.util.Map.of("name", "Hansen"), 200);

        // Each library administrator with a work address got a code; nobody else did.
        central.awaitMailsSent();
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertThat(recipients).containsExactlyInAnyOrder("dk.admin@kb.example", "no.admin@oslo.example");

        // The operator takes the code by phone.
        VerificationRounds rounds = central.server.rounds();
        assertThatThrownBy(() -> rounds.reactivateByOperator("dk.admin", "aaaa-bbbb-cccc"))
                .hasMessageContaining("does not match");
        assertThat(audited("VERIFICATION_CODE_WRONG")).isEqualTo(1);
        assertThatThrownBy(() -> rounds.reactivateByOperator("no.clerk", "aaaa-bbbb-cccc"))
                .hasMessageContaining("was given no verification code");
        String dkCode = code("dk.admin@kb.example");
        String dkAdminOtp = rounds.reactivateByOperator("dk.admin", dkCode.toUpperCase());
        assertThatThrownBy(() -> rounds.reactivateByOperator("dk.admin", dkCode)).hasMessageContaining("already");

        // The administrator signs in, must choose a password first, then works through the list.
        String dkAdmin = signIn(dk, "dk.admin", dkAdminOtp);
        call("GET", "/api/v1/verification-rounds/current/accounts", dk, dkAdmin, null, 403);
        call("POST", "/api/v1/sessions/current/password", dk, dkAdmin, new Api.PasswordChange(dkAdminOtp,
                "granite orchard window 73"), 204);
        JsonNode dkList = call("GET", "/api/v1/verification-rounds/current/accounts", dk, dkAdmin, null, 200);
        assertThat(dkList.findValuesAsText("userName")).containsExactly("demo.dk", "demo.org", "dk.admin",
                "dk.clerk");
        assertThat(dkList.toString()).doesNotContain("no.clerk");
        String clerk = idOf(dkList, "dk.clerk");
        assertThat(decide(dk, dkAdmin, clerk, "verified", 200)).isNull();
        String clerkOtp = decide(dk, dkAdmin, clerk, "reactivated", 200);
        assertThat(clerkOtp).hasSize(19);
        signIn(dk, "dk.clerk", clerkOtp);
        decide(dk, dkAdmin, idOf(dkList, "demo.dk"), "closed", 200);
        decide(dk, dkAdmin, idOf(dkList, "demo.dk"), "reactivated", 409);
        assertThat(central.send("POST", "/api/v1/sessions", dk, JSON.writeValueAsString(new Api.SignIn("demo.dk",
                DemoStaff.PASSWORD))).statusCode()).isEqualTo(403);
        JsonNode dkProgress = call("GET", "/api/v1/verification-rounds/current", dk, dkAdmin, null, 200);
        assertThat(dkProgress.get("libraries")).hasSize(1);
        JsonNode kb = dkProgress.get("libraries").get(0);
        assertThat(List.of(kb.get("pending").asInt(), kb.get("verified").asInt(), kb.get("reactivated").asInt(),
                kb.get("closed").asInt())).containsExactly(1, 0, 2, 1);

        // Oslo does the same; a password can go to the work address instead of by hand.
        String noAdminOtp = rounds.reactivateByOperator("no.admin", code("no.admin@oslo.example"));
        String noAdmin = signIn(no, "no.admin", noAdminOtp);
        call("POST", "/api/v1/sessions/current/password", no, noAdmin, new Api.PasswordChange(noAdminOtp,
                "harbour copper meadow 58"), 204);
        JsonNode noList = call("GET", "/api/v1/verification-rounds/current/accounts", no, noAdmin, null, 200);
        decide(no, dkAdmin, idOf(noList, "no.clerk"), "closed", 401);
        decide(dk, dkAdmin, idOf(noList, "no.clerk"), "closed", 404);
        JsonNode mailed = call("POST", "/api/v1/verification-rounds/current/accounts/" + idOf(noList, "no.clerk"), no,
                noAdmin, new Api.RoundDecision("reactivated", true), 200);
        assertThat(mailed.get("oneTimePassword").isNull()).isTrue();
        central.awaitMailsSent();
        List<String> toClerk = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("no.clerk@oslo.example")) {
                toClerk.add(m.getContent().toString());
            }
        }
        assertThat(toClerk).singleElement().asString().contains("CardDesk-kontoen din no.clerk");
        decide(no, noAdmin, idOf(noList, "demo.oslo"), "closed", 200);

        // The round goes on until every account is decided; the organisation administrator decides any library's.
        assertThat(call("GET", "/api/v1/verification-rounds/current", dk, dkAdmin, null, 200).get("endedAt").isNull())
                .isTrue();
        // A library's administrator does not close the account of whoever oversees them; re-activating is theirs.
        decide(dk, dkAdmin, idOf(dkList, "demo.org"), "closed", 403);
        assertThat(central.sql("SELECT detail FROM audit_event WHERE action = 'STAFF_CHANGE_REFUSED' "
                + "AND detail LIKE 'attempt=close %'", String.class)).as("the try is kept for the officer")
                .isEqualTo("attempt=close user=demo.org by=dk.admin");
        String orgOtp = decide(dk, dkAdmin, idOf(dkList, "demo.org"), "reactivated", 200);
        org = signIn(dk, DemoStaff.ORGANISATION_ADMIN, orgOtp);
        // Re-activated means a new password: not the one from before the round.
        JsonNode again = call("POST", "/api/v1/sessions/current/password", dk, org, new Api.PasswordChange(orgOtp,
                DemoStaff.PASSWORD), 422);
        assertThat(again.get("error").asText()).isEqualTo("password_rejected");
        assertThat(again.get("message").asText()).contains("not the one you had before");
        call("POST", "/api/v1/sessions/current/password", dk, org, new Api.PasswordChange(orgOtp,
                "lighthouse pebble violet 91"), 204);
        // Nor, later, the one before the one the person has.
        call("POST", "/api/v1/sessions/current/password", dk, org, new Api.PasswordChange(
                "lighthouse pebble violet 91", "copper lantern meadow 12"), 204);
        call("POST", "/api/v1/sessions/current/password", dk, org, new Api.PasswordChange(
                "copper lantern meadow 12", "lighthouse pebble violet 91"), 422);
        JsonNode all = call("GET", "/api/v1/verification-rounds/current", dk, org, null, 200);
        assertThat(all.get("libraries").findValuesAsText("library")).containsExactly("DEMO-DK", "DEMO-NO",
                "DEMO-NO-BGO");
        String bergen = central.sql("SELECT CAST(id AS VARCHAR(40)) FROM staff_account WHERE user_name = 'demo.bergen'",
                String.class);
        decide(dk, org, bergen, "closed", 200);
        JsonNode ended = call("GET", "/api/v1/verification-rounds/current", dk, org, null, 200);
        assertThat(ended.get("endedAt").isNull()).as("every account decided").isFalse();
        assertThat(call("GET", "/api/v1/verification-rounds/current/accounts", dk, dkAdmin, null, 404)
                .get("error").asText()).isEqualTo("no_verification_round");

        // Every step is audited (two schedulings: the first was called off).
        assertThat(List.of(audited("VERIFICATION_ROUND_SCHEDULED"), audited("VERIFICATION_ROUND_STARTED"),
                audited("VERIFICATION_VERIFIED"), audited("VERIFICATION_REACTIVATED"), audited("VERIFICATION_CLOSED"),
                audited("VERIFICATION_ROUND_ENDED"))).containsExactly(2L, 1L, 1L, 5L, 3L, 1L);
        // The next round can be scheduled once this one has ended.
        call("POST", "/api/v1/verification-rounds", dk, org, new Api.NewVerificationRound(
                clock.instant().plus(Duration.ofDays(90))), 201);
    }

    /** An enrolled workstation of the library: a system account with its own credential. */
    private String newWorkstation(String token, String admin) throws Exception {
        String code = call("POST", "/api/v1/enrolment-codes", token, admin, new Api.EnrolmentRequest("Desk 7"), 201)
                .get("code").asText();
        HttpResponse<String> r = central.send("POST", "/api/v1/enrolment", null, JSON.writeValueAsString(
                new Api.Enrol(code)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }
}
