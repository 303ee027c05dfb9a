package app.carddesk.issuing;

import app.carddesk.domain.CardNumber;
import app.carddesk.domain.Problem;
import java.util.UUID;

/** What looking up a scanned or typed card number found. */
public sealed interface CardLookup {

    /** Not a card number of this library; the problem says why and what to do. */
    record Invalid(String text, Problem problem) implements CardLookup {
    }

    /** A valid, unused number: the card can be issued. */
    record Free(CardNumber card) implements CardLookup {
    }

    /** Already on a patron's card: open that patron instead. */
    record Issued(CardNumber card, UUID patronId) implements CardLookup {
    }

    /** A patron of another library carries this card: activate them here instead of issuing. */
    record OtherLibrary(CardNumber card) implements CardLookup {
    }

    /**
     * Destroyed or retired: never to be issued again.
     *
     * @param patronId     the patron whose card it was, when the desk knows them; null otherwise
     * @param reportedLost the card was reported lost or stolen: whoever shows it may not be its patron
     */
    record Retired(CardNumber card, UUID patronId, boolean reportedLost) implements CardLookup {
    }
}
