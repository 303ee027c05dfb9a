package app.carddesk.domain;

/** On what footing a patron was registered. */
public enum RegistrationKind {
    /** With a national identity number, master data from the population register. */
    NATIONAL_ID,
    /** Without one yet (a student, a newcomer): a temporary record, converted when it arrives. */
    EXPECTS_NATIONAL_ID,
    /** A short stay: no national ID expected; the record expires on a set date. */
    SHORT_STAY;

    /**
     * The footing of a patron as the wire and the registers tell it: with a national ID (even one
     * shown only by its kind), else a short stay only when said so; unsaid means a national ID is
     * expected, so that no record expires that nobody meant to.
     */
    public static RegistrationKind of(boolean hasNationalId, Boolean expectsNationalId) {
        if (hasNationalId) {
            return NATIONAL_ID;
        }
        return Boolean.FALSE.equals(expectsNationalId) ? SHORT_STAY : EXPECTS_NATIONAL_ID;
    }
}
