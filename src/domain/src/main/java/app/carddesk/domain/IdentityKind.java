package app.carddesk.domain;

/** The kinds of national identity number a patron can have, or none. */
public enum IdentityKind {
    /** Danish CPR number, {@code DDMMYY-SSSS}. */
    CPR,
    /** Norwegian fødselsnummer, 11 digits. */
    FNR,
    /** Norwegian D-number: a fødselsnummer with 40 added to the day. */
    D_NUMBER,
    /** Norwegian DUF number from the immigration authorities, 12 digits. */
    DUF,
    /** The patron has no national identity number. */
    NONE;

    /** Whether the population register can be asked for a person with this kind of number. */
    public boolean fetchable() {
        return this == CPR || this == FNR || this == D_NUMBER;
    }
}
