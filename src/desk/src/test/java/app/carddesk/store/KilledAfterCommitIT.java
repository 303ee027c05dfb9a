package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.RegisterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk killed the moment a commit returned (kill -9, a crash) has what it committed when it
 * opens again: the register is opened with the settings the desk uses, by another JVM that halts
 * without any shutdown work right after its commit.
 */
class KilledAfterCommitIT {

    @TempDir
    Path dir;

    @Test
    void whatWasCommittedIsThereAfterTheProcessWasKilled() throws Exception {
        RegisterKey key = RegisterKey.random();
        for (int round = 1; round <= 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Short-lived, as the test JVMs are: the quick compiler only (the build's argLine).
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Committer.class.getName(), dir.toString(),
                    key.base64(), "kill-" + round).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(out).contains("committed kill-" + round);
            assertThat(p.exitValue()).as("halted, as kill -9 leaves it").isEqualTo(9);
        }
        try (Database db = Database.openFor(dir, "DEMO-DK", key)) {
            List<String> kept = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT state_name FROM sync_state WHERE state_name LIKE 'kill-%' ORDER BY state_name")
                    .mapTo(String.class).list());
            assertThat(kept).containsExactly("kill-1", "kill-2", "kill-3");
        }
    }

    /** Opens the register, commits one row, says so and halts at once. */
    public static final class Committer {
        public static void main(String[] args) {
            Database db = Database.openFor(Path.of(args[0]), "DEMO-DK", RegisterKey.fromBase64(args[1]));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO sync_state (state_name, state_value) VALUES (?, '1')",
                    args[2]));
            System.out.println("committed " + args[2]);
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }
}
