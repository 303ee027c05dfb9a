package app.carddesk.ui.scan;

import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at the keyboard: a scanner types a burst of
 * characters a few milliseconds apart and ends it with Enter; people type far slower.
 */
public final class ScanDetector {

    private final long maxGapNanos;
    private final int minLength;
    private final StringBuilder burst = new StringBuilder();
    private long lastKeyNanos;

    /**
     * @param maxGapNanos the longest pause between two characters of one scan
     * @param minLength   the shortest text taken as a scan
     */
    public ScanDetector(long maxGapNanos, int minLength) {
        this.maxGapNanos = maxGapNanos;
        this.minLength = minLength;
    }

    public static ScanDetector forCardScanners() {
        return new ScanDetector(60_000_000L, 6);
    }

    /**
     * Takes one typed character.
     *
     * @return true when it starts a new burst (the text before it is what a scan must restore)
     */
    public boolean onCharacter(char c, long nanos) {
        boolean fresh = burst.isEmpty() || nanos - lastKeyNanos > maxGapNanos;
        if (fresh) {
            burst.setLength(0);
        }
        burst.append(c);
        lastKeyNanos = nanos;
        return fresh;
    }

    /** Takes Enter; returns the scanned text when Enter ends a fast burst long enough to be a scan. */
    public Optional<String> onEnter(long nanos) {
        boolean scan = burst.length() >= minLength && nanos - lastKeyNanos <= maxGapNanos;
        String text = burst.toString();
        burst.setLength(0);
        return scan ? Optional.of(text) : Optional.empty();
    }
}
