package app.carddesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskGate;
import app.carddesk.api.Json;
import app.carddesk.ui.DeskConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline sign-in trusts staff-keys.json only as the desk wrote it: whoever can edit the file (the
 * workstation's user) cannot give themselves a role, a permission or a longer grace period, and a
 * seal from before seals were bound to their entries still signs in offline and is bound from then on.
 * The desk's central register does not answer here (nothing listens on its port).
 */
class OfflineStaffKeysIT {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final String PASSWORD = "quiet reading lamp";
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private StaffSignIn.Result signIn() {
        DeskConfig config = new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH, "http://127.0.0.1:9", "a-desk-token", 15);
        return DeskGate.open(config, Clock.fixed(NOW, ZoneOffset.UTC)).signIn().signIn("ana.berg", PASSWORD);
    }

    private Path file() {
        return dir.resolve("staff-keys.json");
    }

    private void save(StaffKeys.Entry entry) {
        DeskGate.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC()).keys().save(entry);
    }

    /** The file with one change made to Ana's entry, as a text editor would. */
    private void edit(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode content = (ObjectNode) JSON.readTree(file().toFile());
        change.accept((ObjectNode) content.get("people").get("ana.berg"));
        Files.writeString(file(), JSON.writeValueAsString(content));
    }

    private static String outcome(StaffSignIn.Result r) {
        return r instanceof StaffSignIn.Refused no ? no.key()
                : ((StaffSignIn.SignedIn) r).session().roles() + " offline=" + ((StaffSignIn.SignedIn) r).session().offline();
    }

    @Test
    void anEditedEntrySignsNobodyInAndTheEntryAsWrittenDoes() throws Exception {
        save(StaffKeys.Entry.sealed("ana.berg", "Ana Berg", List.of("DESK_STAFF"), Set.of("issue", "search"),
                NOW.minusSeconds(6 * 86_400), RegisterKey.random(), PASSWORD));
        String written = Files.readString(file());
        assertThat(outcome(signIn())).isEqualTo("[DESK_STAFF] offline=true");

        edit(e -> ((ArrayNode) e.get("roles")).add("LIBRARY_ADMIN"));
        assertThat(outcome(signIn())).as("a role added").isEqualTo("signin.offlineWrong");

        Files.writeString(file(), written);
        edit(e -> ((ArrayNode) e.get("permissions")).add("staff.admin"));
        assertThat(outcome(signIn())).as("a permission added").isEqualTo("signin.offlineWrong");

        Files.writeString(file(), written);
        edit(e -> e.put("signedInOnlineAt", NOW.toString()));
        assertThat(outcome(signIn())).as("the grace period moved on").isEqualTo("signin.offlineWrong");

        Files.writeString(file(), written);
        assertThat(outcome(signIn())).as("the entry as the desk wrote it").isEqualTo("[DESK_STAFF] offline=true");
    }

    @Test
    void fiveWrongPasswordsOfflineLockSigningInHereForAQuarterOfAnHourAndAreAudited() throws Exception {
        save(StaffKeys.Entry.sealed("ana.berg", "Ana Berg", List.of("DESK_STAFF"), Set.of("issue"),
                NOW.minusSeconds(86_400), RegisterKey.random(), PASSWORD));
        java.util.List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(outcome(signInAt(NOW.plusSeconds(i), "wrong guess " + i)));
        }
        assertThat(answers).containsExactly("signin.offlineWrong", "signin.offlineWrong", "signin.offlineWrong",
                "signin.offlineLastTry", "signin.offlineLocked");
        StaffSignIn.Result locked = signInAt(NOW.plusSeconds(5 * 60 + 4), PASSWORD);
        assertThat(outcome(locked)).as("the right password too, while locked").isEqualTo("signin.offlineLocked");
        assertThat(((StaffSignIn.Refused) locked).args()).as("minutes left").containsExactly(10L);
        assertThat(Files.readString(file())).as("a restart of the desk does not end the lock")
                .contains("lockedUntil");

        DeskGate gate = gate(NOW.plus(java.time.Duration.ofMinutes(16)));
        assertThat(outcome(gate.signIn().signIn("ana.berg", PASSWORD))).isEqualTo("[DESK_STAFF] offline=true");
        try (app.carddesk.DeskBackend desk = app.carddesk.DeskBackend.open(gate)) {
            java.util.List<String> audit = desk.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT staff || ' ' || action || ' ' || detail FROM audit_event WHERE action LIKE 'SIGN%' "
                            + "ORDER BY id").mapTo(String.class).list());
            assertThat(audit).hasSize(8).startsWith("ana.berg SIGN_IN_REFUSED offline: wrong password")
                    .endsWith("ana.berg SIGNED_IN offline");
            assertThat(audit.stream().filter(a -> a.endsWith("offline: wrong password"))).hasSize(5);
            // The lock itself, and the try while it held, after the fifth wrong password.
            assertThat(audit.subList(5, 7)).containsExactly(
                    "ana.berg SIGN_IN_REFUSED offline: signing in here locked for 15 minutes after 5 wrong passwords",
                    "ana.berg SIGN_IN_REFUSED offline: tried while locked");
        }
        assertThat(gate.keys().offlineFailures("ana.berg")).isEqualTo(StaffKeys.OfflineFailures.NONE);
    }

    private DeskGate gate(Instant at) {
        DeskConfig config = new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH, "http://127.0.0.1:9", "a-desk-token", 15);
        return DeskGate.open(config, Clock.fixed(at, ZoneOffset.UTC));
    }

    private StaffSignIn.Result signInAt(Instant at, String password) {
        return gate(at).signIn().signIn("ana.berg", password);
    }

    @Test
    void aSealFromBeforeBindingSignsInOfflineAndIsBoundFromThen() throws Exception {
        RegisterKey key = RegisterKey.random();
        save(new StaffKeys.Entry("ana.berg", "Ana Berg", List.of("DESK_STAFF"), Set.of("issue"),
                NOW.minusSeconds(86_400), LegacySeal.of(key, PASSWORD)));
        com.fasterxml.jackson.databind.JsonNode mark = JSON.readTree(file().toFile()).at("/people/ana.berg/seal/bound");
        assertThat(mark.isNull() || mark.isMissingNode()).as("no binding recorded: " + mark).isTrue();

        assertThat(outcome(signIn())).isEqualTo("[DESK_STAFF] offline=true");

        StaffKeys.Entry bound = DeskGate.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())
                .keys().find("ana.berg").orElseThrow();
        assertThat(bound.unbound()).isFalse();
        assertThat(bound.signedInOnlineAt()).as("the grace period still counts from the last online sign-in")
                .isEqualTo(NOW.minusSeconds(86_400));
        assertThat(bound.open(PASSWORD)).hasValueSatisfying(k -> assertThat(k.bytes()).isEqualTo(key.bytes()));
        edit(e -> ((ArrayNode) e.get("roles")).add("LIBRARY_ADMIN"));
        assertThat(outcome(signIn())).as("edited once bound").isEqualTo("signin.offlineWrong");
    }
}
