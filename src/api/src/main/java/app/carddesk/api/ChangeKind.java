package app.carddesk.api;

/** What one change of the feed tells a desk about a patron. */
public enum ChangeKind {
    /** Registered at this library. */
    CREATED,
    /** Changed; the patron comes as they are now. */
    UPDATED,
    /** Gone from the register, card retired; only the id comes. */
    DELETED,
    /** No longer a patron of this library but still of another: the card lives on; only the id comes. */
    LEFT,
    /** A change the calling desk made itself; only the id comes. */
    OWN;

    /** Whether the patron comes with this change (otherwise only the id). */
    public boolean carriesPatron() {
        return this == CREATED || this == UPDATED;
    }

    /** Whether the desk removes its copy of the patron. */
    public boolean removesPatron() {
        return this == DELETED || this == LEFT;
    }
}
