package app.carddesk.central;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the central makes its background threads, each named for its job and none holding
 * the process open, and stops them: {@code carddesk-background} (audit sealing, verification
 * rounds), {@code carddesk-retention} (the daily run) and {@code carddesk-mail} (PIN mails).
 */
final class CentralThreads {

    private static final Logger LOG = LoggerFactory.getLogger(CentralThreads.class);
    /** How long a job under way may take to finish once the central stops. */
    private static final long FINISH_SECONDS = 30;

    private CentralThreads() {
    }

    /** One daemon thread named {@code name} that runs its jobs in order, now or later. */
    static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts no job again and lets the one under way finish (an interrupted H2 write closes the file
     * under it); after half a minute it is interrupted.
     */
    static void finish(ExecutorService jobs, String what) {
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} did not finish within {} s of the stop; it is cut off", what, FINISH_SECONDS);
                jobs.shutdownNow();
                jobs.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            jobs.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
