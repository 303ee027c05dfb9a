package app.carddesk.ui.issuecard;

/** The steps of the card-issuing checklist, in order. */
public enum Step {
    CARD, LOOKUP, IDENTITY, DETAILS, PIN, RELATIONS, PICKUP, HANDOVER;

    public Step next() {
        return this == HANDOVER ? HANDOVER : values()[ordinal() + 1];
    }

    public Step previous() {
        return this == CARD ? CARD : values()[ordinal() - 1];
    }
}
