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

    /**
     * Each desk, before its commit, sets {@code RETENTION_TIME 0} (the space of a replaced commit is
     * free at once, as in every register in use for more than H2's retention time, 45 s) and commits
     * changes of several sizes, as a desk in use. H2 alone then opened the register after a kill at a
     * commit before the newest, and the rows were lost.
     */
    @Test
    void whatWasCommittedIsThereAfterTheProcessWasKilled() throws Exception {
        RegisterKey key = RegisterKey.random();
        killThreeCommitters(key);
        assertThat(killRows(key)).containsExactly("kill-1", "kill-2", "kill-3");
    }

    private void killThreeCommitters(RegisterKey key) throws Exception {
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
    }

    private List<String> killRows(RegisterKey key) {
        try (Database db = Database.openFor(dir, "DEMO-DK", key)) {
            return db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT state_name FROM sync_state WHERE state_name LIKE 'kill-%' ORDER BY state_name")
                    .mapTo(String.class).list());
        }
    }

    /**
     * A page of the change feed is not written to the file at its commit (it is pulled again after a
     * crash, its place in the feed stored with it); the next other write takes it to the file with
     * itself. Killed after that write, the desk has both; killed right after a page, it has the page
     * and the page's place in the feed together or neither.
     */
    @Test
    void aFeedPageIsInTheFileWithTheNextWriteAndKeepsItsPlaceInTheFeed() throws Exception {
        RegisterKey key = RegisterKey.random();
        halt(key, FeedPageWriter.class, "1", "then-write");
        halt(key, FeedPageWriter.class, "2", "page-only");
        try (Database db = Database.open(dir, key)) {
            long place = new JdbiSyncLedger(db, java.time.Clock.systemUTC(), "test").lastChangeSeq();
            List<String> cards = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT card_number FROM patron ORDER BY card_number").mapTo(String.class).list());
            List<String> written = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT state_name FROM sync_state WHERE state_name LIKE 'kill-%'").mapTo(String.class).list());
            assertThat(written).containsExactly("kill-1");
            assertThat(cards).as("the first page, taken to the file by the write after it")
                    .containsAll(FeedPageWriter.cards("1"));
            if (place == FeedPageWriter.LAST * 2) {
                assertThat(cards).hasSize(FeedPageWriter.LAST * 2);
            } else {
                assertThat(place).isEqualTo(FeedPageWriter.LAST);
                assertThat(cards).hasSize(FeedPageWriter.LAST);
            }
        }
    }

    private void halt(RegisterKey key, Class<?> main, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                main.getName(), dir.toString(), key.base64()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(out).contains("committed");
        assertThat(p.exitValue()).as("halted, as kill -9 leaves it").isEqualTo(9);
    }

    /** Applies a page of the feed (and, when told, one other write after it), says so and halts at once. */
    public static final class FeedPageWriter {
        static final int LAST = 50;

        static List<String> cards(String page) {
            return java.util.stream.IntStream.rangeClosed(1, LAST).mapToObj(i -> "40990" + page + String.format("%03d", i))
                    .toList();
        }

        public static void main(String[] args) {
            Database db = Database.open(Path.of(args[0]), RegisterKey.fromBase64(args[1]));
            String page = args[2];
            long first = (Long.parseLong(page) - 1) * LAST;
            List<app.carddesk.api.Api.Change> changes = new java.util.ArrayList<>();
            List<String> cards = cards(page);
            for (int i = 0; i < LAST; i++) {
                java.util.UUID id = java.util.UUID.randomUUID();
                changes.add(new app.carddesk.api.Api.Change(first + i + 1, app.carddesk.api.ChangeKind.CREATED, id,
                        new app.carddesk.api.Api.Patron(id, cards.get(i), new app.carddesk.api.Api.Identity("NONE", null),
                                "Surname", "Given", java.time.LocalDate.of(2000, 1, 1), null, null,
                                new app.carddesk.api.Api.Address("Vej 1", "1000", "København K", "Danmark"), "KB-SK",
                                "STUDENT", null, true, 0L, 0L, 1, List.of())));
            }
            new JdbiSyncLedger(db, java.time.Clock.systemUTC(), "test").applyChanges(changes, first + LAST);
            if ("then-write".equals(args[3])) {
                db.writer().useHandle(h -> h.execute(
                        "INSERT INTO sync_state (state_name, state_value) VALUES (?, '1')", "kill-" + page));
            }
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }

    /** Opens the register, commits one row after changes as a desk in use makes them, says so and halts. */
    public static final class Committer {
        public static void main(String[] args) {
            Database db = Database.openFor(Path.of(args[0]), "DEMO-DK", RegisterKey.fromBase64(args[1]));
            db.jdbi().useHandle(h -> {
                h.execute("SET RETENTION_TIME 0");
                for (int commit = 1; commit <= 40; commit++) {
                    String value = "'" + "x".repeat(90) + commit + "'";
                    h.execute("MERGE INTO sync_state (state_name, state_value) KEY (state_name) VALUES "
                            + String.join(", ", java.util.stream.IntStream.range(0, commit * 5)
                                    .mapToObj(k -> "('in use " + k + "', " + value + ")").toList()));
                }
            });
            db.jdbi().useHandle(h -> h.execute("INSERT INTO sync_state (state_name, state_value) VALUES (?, '1')",
                    args[2]));
            System.out.println("committed " + args[2]);
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }
}
