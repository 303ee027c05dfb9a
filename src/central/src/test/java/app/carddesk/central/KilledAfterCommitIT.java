package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A central on its H2 default killed the moment a commit returned has what it committed when it
 * starts again: a registration answered 201 stays delivered. Another JVM opens the register as the
 * service does, commits and halts without any shutdown work.
 */
class KilledAfterCommitIT {

    @TempDir
    Path dir;

    /**
     * {@code RETENTION_TIME=0}: the register reuses the space of replaced commits at once, as every
     * register does once it has been in use for H2's retention time (45 s). H2 alone then opened it
     * after a kill at a commit before the newest: all three rows were lost.
     */
    @Test
    void whatWasCommittedIsThereAfterTheProcessWasKilled() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath() + ";RETENTION_TIME=0";
        killThreeCommitters(url);
        assertThat(killTestRows(url)).containsExactly("kill-1", "kill-2", "kill-3");
    }

    private static void killThreeCommitters(String url) throws Exception {
        for (int round = 1; round <= 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Short-lived, as the test JVMs are: the quick compiler only (the build's argLine).
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Committer.class.getName(), url, "kill-" + round)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(out).contains("committed kill-" + round);
            assertThat(p.exitValue()).as("halted, as kill -9 leaves it").isEqualTo(9);
        }
    }

    private static java.util.List<String> killTestRows(String url) {
        try (CentralDatabase db = CentralDatabase.open(url, "carddesk", "")) {
            return db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT detail FROM audit_event WHERE action = 'KILL_TEST' ORDER BY detail")
                    .mapTo(String.class).list());
        }
    }

    /** Opens the register, commits one row, says so and halts at once. */
    public static final class Committer {
        public static void main(String[] args) {
            CentralDatabase db = CentralDatabase.open(args[0], "carddesk", "");
            db.jdbi().useHandle(h -> h.execute("INSERT INTO audit_event (at, library_code, workstation, action, detail) "
                    + "VALUES (CURRENT_TIMESTAMP, 'KB', 'front desk', 'KILL_TEST', ?)", args[1]));
            System.out.println("committed " + args[1]);
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }
}
