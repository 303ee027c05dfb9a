package app.carddesk.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one place the desk makes threads, each named for what it does and none holding the desk open
 * when its window closes:
 * <ul>
 *   <li>{@code carddesk-background}: the screens' slow work, in the order asked for;</li>
 *   <li>{@code carddesk-register-writer}: every write to the register, whoever asks;</li>
 *   <li>{@code carddesk-sync}: the sync rounds on their timer (network and reads; their writes go to
 *       the register's writer);</li>
 *   <li>{@code carddesk-open-register}: opening the register while the window starts;</li>
 *   <li>{@code carddesk-close-register}: closing it when the system ends the desk (SIGTERM).</li>
 * </ul>
 */
public final class DeskThreads {

    private DeskThreads() {
    }

    /** One thread that runs what it is given in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /**
     * One thread that runs what it is given in order, now or later. On {@link #stop} what is due later
     * is dropped (the next sync round is not waited for); what is under way finishes.
     */
    public static ScheduledExecutorService scheduled(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, named(name));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Runs {@code close} when the JVM is ended (a log-out or shut-down sends SIGTERM), on a thread of its own. */
    public static void atExit(String name, Runnable close) {
        Runtime.getRuntime().addShutdownHook(new Thread(close, name));
    }

    /** Lets the work under way finish (a save must not be cut off), for up to ten seconds, then stops. */
    public static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
