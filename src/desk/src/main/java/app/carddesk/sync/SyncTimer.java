package app.carddesk.sync;

import app.carddesk.work.DeskThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the desk's sync rounds: every {@code baseSeconds} while the central register answers; every
 * {@value #OFFLINE_PROBE_SECONDS} s at most while it cannot be reached (a refused connection costs
 * nothing, and staff see it back within seconds of its return); with growing pauses after errors.
 * A change made at the desk, or "Sync now", starts a round at once.
 */
public final class SyncTimer implements AutoCloseable {

    public static final long OFFLINE_PROBE_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(SyncTimer.class);

    private final SyncService service;
    private final long baseSeconds;
    private final ScheduledExecutorService timer = DeskThreads.scheduled("carddesk-sync");
    /** Only the newest chain of rounds goes on: "now" starts a new one and the old one ends. */
    private final AtomicLong chain = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();

    public SyncTimer(SyncService service, long baseSeconds) {
        this.service = service;
        this.baseSeconds = baseSeconds;
    }

    public SyncTimer start() {
        schedule(chain.incrementAndGet(), 1);
        return this;
    }

    /** Runs a round as soon as the timer is free, and the usual rhythm from then on. */
    public void now() {
        if (!timer.isShutdown()) {
            schedule(chain.incrementAndGet(), 0);
        }
    }

    private void schedule(long myChain, long delaySeconds) {
        try {
            timer.schedule(() -> round(myChain), delaySeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: no more rounds.
        }
    }

    private void round(long myChain) {
        if (myChain != chain.get()) {
            return;
        }
        long delay;
        try {
            SyncStatus.State state = service.syncOnce().state();
            boolean refused = state == SyncStatus.State.UNAUTHORIZED || state == SyncStatus.State.REVOKED
                    || state == SyncStatus.State.UNTRUSTED;
            delay = nextDelay(state, refused ? errors.incrementAndGet() : 0);
            if (!refused) {
                errors.set(0);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sync round failed: {}", e.getClass().getName());
            delay = Backoff.nextDelaySeconds(baseSeconds, errors.incrementAndGet());
        }
        if (myChain == chain.get()) {
            schedule(myChain, delay);
        }
    }

    long nextDelay(SyncStatus.State state, int errorsInARow) {
        return switch (state) {
            case ONLINE, NOT_CONFIGURED -> baseSeconds;
            case OFFLINE -> Math.min(baseSeconds, OFFLINE_PROBE_SECONDS);
            case UNAUTHORIZED, REVOKED, UNTRUSTED -> Backoff.nextDelaySeconds(baseSeconds, errorsInARow);
        };
    }

    @Override
    public void close() {
        DeskThreads.stop(timer);
    }
}
