package app.carddesk.ui.scan;

import java.util.function.LongSupplier;

/**
 * The time keys are measured by to tell a scanner from a person: the system's. A test of whole
 * screens that sends a scanner's burst of keys runs it {@link #asScanner as a scanner}, so that
 * the test machine pausing the test thread in the middle of the burst (a busy build, a garbage
 * collection) does not make it a person's typing; how bursts are told apart by their timing is
 * {@link ScanDetector}'s own test.
 */
public final class KeyTime {

    private static final LongSupplier SYSTEM = System::nanoTime;
    /** Each reading in a scanner's burst comes this long after the one before. */
    private static final long SCANNER_STEP_NANOS = 1_000_000L;

    private static volatile LongSupplier clock = SYSTEM;

    private KeyTime() {
    }

    static long now() {
        return clock.getAsLong();
    }

    /**
     * Runs {@code burst} (key events sent on the JavaFX thread) with its first {@code keys} readings
     * of the time a millisecond apart, as a scanner sends them, whatever the machine does meanwhile;
     * later readings (a question the burst opened, answered by hand) are the system's. For tests only.
     */
    public static void asScanner(int keys, Runnable burst) {
        long start = System.nanoTime();
        long[] readings = {0};
        clock = () -> readings[0] < keys ? start + readings[0]++ * SCANNER_STEP_NANOS : SYSTEM.getAsLong();
        try {
            burst.run();
        } finally {
            clock = SYSTEM;
        }
    }
}
