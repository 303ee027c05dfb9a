package app.carddesk.issuing;

/**
 * What a change waiting in the outbox is, and so which request of the central API sends it. The
 * outbox is the desk's own table, so its kinds live beside the use cases that write them; the sync
 * adapter maps each to a request.
 */
public enum OutboxKind {
    /** A new patron (or a child's guardian registered with the child): sent as a registration. */
    PATRON_CREATED,
    /** The staff asked for the PIN to be mailed: sent once the registration has arrived. */
    PIN_EMAIL_REQUESTED,
    /** Details, contact or identity changed: the patron as now is sent over the central version. */
    PATRON_UPDATED,
    /** The national ID was registered for a patron who had a temporary card. */
    NATIONAL_ID_REGISTERED,
    /** Fees owed or print credit edited. */
    BALANCES_EDITED,
    /** Unsubscribed or deleted at this library. */
    PATRON_DELETED,
    /** Two records of one person merged here; the other one's card is kept or retired. */
    PATRONS_MERGED
}
