package app.carddesk.issuing;

import java.time.Instant;

/**
 * Where a patron's last PIN mail is, as the patron's screen tells staff.
 *
 * @param at            when it was asked for (waiting) or ended; null when not known or none
 * @param attempts      how many times the mail server was tried; null when not known
 * @param nextAttemptAt while waiting at the central register, when the mail server is tried again
 */
public record PinMailStatus(Where where, Instant at, Integer attempts, Instant nextAttemptAt) {

    /** Where the mail is. */
    public enum Where {
        /** Not known here: the central register cannot be asked now (offline, or none). */
        UNKNOWN,
        /** Asked for at this desk and not yet handed to the central register. */
        AT_DESK,
        /** None was asked for. */
        NONE,
        /** At the central register, waiting for the mail server. */
        WAITING,
        /** The patron's mail server took it. */
        SENT,
        /** The mail server refused the address for good. */
        REFUSED,
        /** The mail server could not be reached for about a day. */
        GIVEN_UP
    }

    public static PinMailStatus of(Where where) {
        return new PinMailStatus(where, null, null, null);
    }

    /** Whether staff should be told to check the address and e-mail a new PIN. */
    public boolean failed() {
        return where == Where.REFUSED || where == Where.GIVEN_UP;
    }
}
