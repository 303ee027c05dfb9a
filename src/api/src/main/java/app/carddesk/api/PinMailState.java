package app.carddesk.api;

/** Where the last PIN mail asked for a patron is: the central register's mail queue tells it. */
public enum PinMailState {
    /** No PIN mail was asked for (or it was asked for before its fate was kept). */
    NONE,
    /** Queued: the mail server has not taken it yet; it is tried again after a pause. */
    WAITING,
    /** The patron's mail server took it. */
    SENT,
    /** The mail server refused the address for good: it was not sent, and is not tried again. */
    REFUSED,
    /** The mail server could not be reached for about a day: it was given up, and the PIN in it is not known. */
    GIVEN_UP
}
