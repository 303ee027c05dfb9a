package app.carddesk.ui.scan;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at the keyboard: a scanner types a burst of
 * characters a few milliseconds apart and ends it with Enter; people type far slower. When Enter
 * comes, the detector looks back for the fast run of keys just before it: that run is the scan,
 * whatever was typed by hand before it. One late key event inside a fast run (the desk busy
 * drawing, a garbage collection) does not split it.
 */
public final class ScanDetector {

    /**
     * A recognised scan, and where in the current burst of keys it began.
     *
     * @param burst every key of the burst, from its first: the scan is its end
     */
    public record Scan(String text, int start, String burst) {

        /**
         * This scan, or where it is none of the library's cards ({@code isCard}) while a reading of the
         * burst beginning elsewhere is: one key earlier (a pause after a scan's first key, the desk busy
         * drawing what that key changed, split it off), or later (keys typed by machine-fast hands or
         * held up and sent in a rush just before the scan ran into it), the longest such.
         */
        public Scan likelier(java.util.function.Predicate<String> isCard) {
            if (isCard.test(text)) {
                return this;
            }
            if (start > 0 && isCard.test(burst.substring(start - 1))) {
                return new Scan(burst.substring(start - 1), start - 1, burst);
            }
            for (int i = start + 1; i < burst.length(); i++) {
                if (isCard.test(burst.substring(i))) {
                    return new Scan(burst.substring(i), i, burst);
                }
            }
            return this;
        }
    }

    private final long fastGapNanos;
    private final long maxAverageNanos;
    private final long breakNanos;
    private final int minLength;
    private final StringBuilder chars = new StringBuilder();
    private long[] times = new long[32];

    /**
     * @param fastGapNanos    the longest pause between two keys of a scan
     * @param maxAverageNanos the slowest average pace of a scan
     * @param breakNanos      a pause this long ends a burst of keys
     * @param minLength       the shortest text taken as a scan
     */
    public ScanDetector(long fastGapNanos, long maxAverageNanos, long breakNanos, int minLength) {
        this.fastGapNanos = fastGapNanos;
        this.maxAverageNanos = maxAverageNanos;
        this.breakNanos = breakNanos;
        this.minLength = minLength;
    }

    /** Scanners send a key every 1 to 20 ms; even a fast typist needs 80 ms or more. */
    public static ScanDetector forCardScanners() {
        return new ScanDetector(60_000_000L, 30_000_000L, 1_000_000_000L, 6);
    }

    /**
     * Takes one typed character.
     *
     * @return its place in the current burst: 0 when it starts a new one
     */
    public int onCharacter(char c, long nanos) {
        int n = chars.length();
        if (n > 0 && nanos - times[n - 1] > breakNanos) {
            chars.setLength(0);
            n = 0;
        }
        if (n == times.length) {
            times = Arrays.copyOf(times, n * 2);
        }
        chars.append(c);
        times[n] = nanos;
        return n;
    }

    /** Takes Enter: the scan it ends, if the keys just before it were a scanner's. */
    public Optional<Scan> onEnter(long nanos) {
        int n = chars.length();
        try {
            long enterGap = n == 0 ? Long.MAX_VALUE : nanos - times[n - 1];
            if (n < minLength || enterGap > breakNanos) {
                return Optional.empty();
            }
            // An Enter held up (the desk busy, a garbage collection) after keys that came fast is the one
            // late event a scan may have; after keys that came slowly it is a person's.
            boolean lateKeyForgiven = enterGap > fastGapNanos;
            if (lateKeyForgiven && !fastAround(n)) {
                return Optional.empty();
            }
            // The fast run before Enter; then the same run across one late key, where that reads as a scan.
            int strict = n - 1;
            while (strict > 0 && times[strict] - times[strict - 1] <= fastGapNanos) {
                strict--;
            }
            int start = strict;
            while (start > 0) {
                long gap = times[start] - times[start - 1];
                if (gap <= fastGapNanos) {
                    start--;
                } else if (!lateKeyForgiven && gap <= breakNanos && fastAround(start)) {
                    lateKeyForgiven = true;
                    start--;
                } else {
                    break;
                }
            }
            for (int from : new int[] {start, strict}) {
                // A space before the card (one that ticked a box or pressed a button just before) is not the
                // scan's: the scan begins where the card number does, in the field that had the keyboard then.
                while (from < n - 1 && Character.isWhitespace(chars.charAt(from))) {
                    from++;
                }
                int length = n - from;
                boolean fast = (times[n - 1] - times[from]) / Math.max(1, length - 1) <= maxAverageNanos;
                if (length >= minLength && fast) {
                    return Optional.of(new Scan(chars.substring(from), from, chars.toString()));
                }
            }
            return Optional.empty();
        } finally {
            chars.setLength(0);
        }
    }

    /**
     * The keys on both sides of a slow gap came fast: a scan held up, not a person. At the end of the
     * keys (a late Enter) the keys before it count alone.
     */
    private boolean fastAround(int i) {
        long quick = fastGapNanos / 3;
        boolean before = i >= 2 && times[i - 1] - times[i - 2] <= quick;
        boolean after = i == chars.length() ? i >= 3 && times[i - 2] - times[i - 3] <= quick
                : i + 1 < chars.length() && times[i + 1] - times[i] <= quick;
        return before && after;
    }
}
