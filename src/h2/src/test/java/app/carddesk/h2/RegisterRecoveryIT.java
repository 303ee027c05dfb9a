package app.carddesk.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register file that was not closed opens at its newest commit, also when its commits went into
 * space it reuses. {@link MVStore#closeImmediately()} leaves the file as a kill does: nothing more
 * written, no clean-shutdown header.
 */
class RegisterRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void commitsWrittenIntoReusedSpaceAreThereAfterACrash() {
        Path base = dir.resolve("register");
        String file = base + ".mv.db";
        MVStore setUp = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        MVMap<Integer, String> rows = setUp.openMap("rows");
        // Many commits, and many of their chunks dead by the end: room to reuse inside the file.
        for (int commit = 0; commit < 40; commit++) {
            int first = commit * 50;
            IntStream.range(first, first + 50).forEach(i -> rows.put(i, "row " + i + " ".repeat(200)));
            IntStream.range(0, first / 2).forEach(i -> rows.put(i, "changed " + i));
            setUp.commit();
        }
        setUp.close();

        MVStore used = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        // A register older than H2's retention time: the space of dead chunks is taken again at once.
        used.setRetentionTime(0);
        MVMap<String, String> kept = used.openMap("kept");
        for (int commit = 1; commit <= 5; commit++) {
            kept.put("commit " + commit, "there");
            used.<Integer, String>openMap("rows").put(commit, "x".repeat(commit * 3_000));
            used.commit();
        }
        used.closeImmediately();

        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:file:" + base + ";WRITE_DELAY=0"))
                .isEqualTo(RegisterRecovery.Outcome.RECOVERED);
        MVStore reopened = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        try {
            assertThat(reopened.<String, String>openMap("kept").keySet())
                    .containsExactlyInAnyOrder("commit 1", "commit 2", "commit 3", "commit 4", "commit 5");
        } finally {
            reopened.close();
        }
        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:file:" + base))
                .as("closed cleanly now: only its header is read").isEqualTo(RegisterRecovery.Outcome.CLOSED);
    }

    @Test
    void aHeaderThatDoesNotReadIsTakenForARegisterNotClosed() throws Exception {
        Path base = dir.resolve("torn");
        String file = base + ".mv.db";
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        store.openMap("rows").put(1, "one");
        store.commit();
        store.close();
        // The first of H2's two header blocks as a crash in the middle of writing it may leave it.
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(Path.of(file),
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("H:2,clean:1,fletcher:zz\n".getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1)), 0);
        }
        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:file:" + base)).isEqualTo(RegisterRecovery.Outcome.RECOVERED);
        MVStore reopened = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        try {
            assertThat(reopened.<Integer, String>openMap("rows").get(1)).isEqualTo("one");
        } finally {
            reopened.close();
        }
    }

    @Test
    void aRegisterInUseIsLeftToH2AndANameWithoutAFileIsNotLookedFor() {
        Path base = dir.resolve("open");
        MVStore open = new MVStore.Builder().fileName(base + ".mv.db").autoCommitDisabled().open();
        try {
            open.openMap("rows").put(1, "one");
            open.commit();
            assertThat(RegisterRecovery.beforeOpen("jdbc:h2:file:" + base))
                    .isEqualTo(RegisterRecovery.Outcome.LEFT_TO_H2);
            assertThat(open.<Integer, String>openMap("rows").get(1)).isEqualTo("one");
        } finally {
            open.close();
        }
        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:mem:register")).isEqualTo(RegisterRecovery.Outcome.NO_FILE);
        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:tcp://localhost/register"))
                .isEqualTo(RegisterRecovery.Outcome.NO_FILE);
        assertThat(RegisterRecovery.beforeOpen("jdbc:h2:file:" + dir.resolve("not-yet")))
                .isEqualTo(RegisterRecovery.Outcome.NO_FILE);
        assertThat(RegisterRecovery.beforeOpen("jdbc:postgresql://localhost/carddesk"))
                .isEqualTo(RegisterRecovery.Outcome.NO_FILE);
    }
}
