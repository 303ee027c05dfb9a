package app.carddesk.api;

/**
 * Why a desk's change took a patron's card out of use, sent with the change as {@link
 * Api#CARD_RETIRED_HEADER} and kept with the retired card at the central register, as at the desk.
 */
public enum CardRetirement {
    /** The patron lost the card; a new one replaces it. */
    LOST,
    /** The card was worn or damaged and handed in; a new one replaces it. */
    REPLACED,
    /** A temporary card, cut in half when the patron's national ID was registered. */
    DESTROYED_AFTER_CONVERSION
}
