package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.domain.RegistrationKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a desk that syncs on its own timer: a change shows as waiting at once, "Sync now" sends it,
 * and the central register is found again within 15 s of its return without anyone doing anything.
 */
class SyncFeedbackUiIT extends DeskUiIT {

    private static final String TOKEN = "ui-feedback-token";
    @Override
    boolean syncing() {
        return true;
    }

    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    private CentralServer central() {
        return CentralServer.start(CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true)),
                (to, subject, body) -> { }, Clock.systemUTC());
    }

    private void waitLong(FxRobot robot, String text, int seconds) {
        try {
            waitUntil(seconds, () -> text(robot, "#syncLabel").contains(text));
        } catch (AssertionError e) {
            throw new AssertionError("after " + seconds + " s the sync line says \"" + text(robot, "#syncLabel")
                    + "\", not \"" + text + "\"; the desk's log ends:\n" + logTail(), e);
        }
    }

    /** The last lines the desk logged, to tell why a round came late. */
    private String logTail() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dataDir)) {
            StringBuilder out = new StringBuilder();
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
                out.append(log.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
            return out.toString();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void aChangeWaitsInSightAndTheRegisterIsFoundAgainWithin15Seconds(FxRobot robot) throws Exception {
        issueDirectly("409900900", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        waitLong(robot, "unreachable: one change waiting since", 5);
        try (CentralServer central = central()) {
            long back = System.nanoTime();
            waitLong(robot, "up to date", 16);
            System.out.println("FOUND_AGAIN_MS " + (System.nanoTime() - back) / 1_000_000);
        }
    }

    @Test
    void aChangeIsSentAtOnceAndSyncNowDoesNotWaitForTheNextRound(FxRobot robot) throws Exception {
        try (CentralServer central = central()) {
            // Finding the register again on its own is the test above; here "Sync now" starts at once.
            click(robot, "#syncNow");
            waitLong(robot, "up to date", 5);
            issueDirectly("409900901", "Holm", "Ida", LocalDate.of(1992, 2, 2), null,
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            // Pushed by the round the change starts, not 15 s later by the next one.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> central.database().jdbi().withHandle(h -> h
                    .createQuery("SELECT COUNT(*) FROM patron").mapTo(Integer.class).one()) == 1);
            // The central stores the change before the desk has its answer: the register goes away only
            // once the desk has taken the change off its queue.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> count("SELECT COUNT(*) FROM outbox") == 0);
        }
        // The register is gone: the desk says so after its next round, which the change starts. That round
        // follows the one under way when the register went, whose last request may wait for the client's
        // whole timeout (3 × 2 s) before it gives up: 10 s, not one round's usual second.
        issueDirectly("409900902", "Dahl", "Eva", LocalDate.of(1991, 1, 1), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        waitLong(robot, "unreachable: one change waiting since", 10);
        try (CentralServer central = central()) {
            // The next round is up to 10 s away; "Sync now" runs one at once.
            click(robot, "#syncNow");
            waitLong(robot, "up to date", 4);
        }
    }
}
