package app.carddesk.issuing;

/** Where a card number stands in the local register. */
public enum CardStatus {
    /** On a patron's card. */
    ISSUED,
    /** Destroyed or taken out of use: never to be issued again. */
    RETIRED
}
