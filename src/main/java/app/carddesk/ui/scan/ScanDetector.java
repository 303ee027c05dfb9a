package app.carddesk.ui.scan;

import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at the keyboard: a scanner types a burst of
 * characters a few milliseconds apart and ends it with Enter; people type far slower. The
 * decision rests on the burst's average pace, so that one late key event (the desk busy
 * drawing, a garbage collection) does not split a scan in two.
 */
public final class ScanDetector {

    private final long maxAverageNanos;
    private final long breakNanos;
    private final int minLength;
    private final StringBuilder burst = new StringBuilder();
    private long firstKeyNanos;
    private long lastKeyNanos;

    /**
     * @param maxAverageNanos the slowest average pace, per character, that is still a scan
     * @param breakNanos      a pause this long starts a new burst
     * @param minLength       the shortest text taken as a scan
     */
    public ScanDetector(long maxAverageNanos, long breakNanos, int minLength) {
        this.maxAverageNanos = maxAverageNanos;
        this.breakNanos = breakNanos;
        this.minLength = minLength;
    }

    /** Scanners type a character every 1 to 20 ms; a fast typist needs 80 ms or more. */
    public static ScanDetector forCardScanners() {
        return new ScanDetector(40_000_000L, 250_000_000L, 6);
    }

    /**
     * Takes one typed character.
     *
     * @return true when it starts a new burst (the text before it is what a scan must restore)
     */
    public boolean onCharacter(char c, long nanos) {
        boolean fresh = burst.isEmpty() || nanos - lastKeyNanos > breakNanos;
        if (fresh) {
            burst.setLength(0);
            firstKeyNanos = nanos;
        }
        burst.append(c);
        lastKeyNanos = nanos;
        return fresh;
    }

    /** Takes Enter; returns the scanned text when Enter ends a fast burst long enough to be a scan. */
    public Optional<String> onEnter(long nanos) {
        int n = burst.length();
        boolean scan = n >= minLength && nanos - lastKeyNanos <= breakNanos
                && (nanos - firstKeyNanos) / n <= maxAverageNanos;
        String text = burst.toString();
        burst.setLength(0);
        return scan ? Optional.of(text) : Optional.empty();
    }
}
