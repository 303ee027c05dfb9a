package app.carddesk.domain;

/** On what footing a patron was registered. */
public enum RegistrationKind {
    /** With a national identity number, master data from the population register. */
    NATIONAL_ID,
    /** Without one yet (a student, a newcomer): a temporary record, converted when it arrives. */
    EXPECTS_NATIONAL_ID,
    /** A short stay: no national ID expected; the record expires on a set date. */
    SHORT_STAY
}
