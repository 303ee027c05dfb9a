package app.carddesk.sync;

import java.time.Instant;

/**
 * What the status bar says about sync.
 *
 * @param pending         changes waiting to be sent
 * @param oldestPendingAt when the oldest of them was made, or null
 * @param lastSyncAt      the last time the central register answered, or null
 * @param problems        refused changes waiting for staff
 * @param receiving       changes received so far from the central register while more are still coming
 *                        (a new desk's first pull, or a day's changes after a day offline); 0 otherwise
 */
public record SyncStatus(State state, long pending, Instant oldestPendingAt, Instant lastSyncAt, long problems,
                         long receiving) {

    /** Whether and how the desk reaches the central register. */
    public enum State {
        /** No central register is configured: the desk works on its own. */
        NOT_CONFIGURED,
        ONLINE,
        /** Not reachable now: changes wait and are sent when it is back. */
        OFFLINE,
        /** The central register refused this workstation's token. */
        UNAUTHORIZED,
        /** The library's administrator revoked this workstation: nothing is sent until it is enrolled again. */
        REVOKED,
        /** The central register's certificate is not trusted: nothing is sent until IT sets the trust store. */
        UNTRUSTED
    }

    public static SyncStatus notConfigured(long pending, Instant oldest, long problems) {
        return new SyncStatus(State.NOT_CONFIGURED, pending, oldest, null, problems, 0);
    }
}
