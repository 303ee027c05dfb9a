package app.carddesk.sync;

/**
 * How long a desk waits before its next sync round: the usual interval while the central register
 * answers, doubling after each failed round up to five minutes, so that an organisation's desks do
 * not hammer a register that is down.
 */
public final class Backoff {

    public static final long MAX_SECONDS = 300;

    private Backoff() {
    }

    /** @param failures failed rounds in a row (0 after a good one) */
    public static long nextDelaySeconds(long baseSeconds, int failures) {
        if (failures <= 0) {
            return baseSeconds;
        }
        return Math.min(MAX_SECONDS, baseSeconds << Math.min(failures, 10));
    }
}
