package app.carddesk.ui.patron;

import app.carddesk.domain.Address;
import app.carddesk.domain.Patron;
import app.carddesk.text.Messages;

/** How the patron screens word a patron's card, national ID and address. */
public final class PatronTexts {

    private final Messages messages;

    PatronTexts(Messages messages) {
        this.messages = messages;
    }

    String card(Patron p) {
        return p.cardNumber() == null ? messages.get("patron.noCard") : p.cardNumber();
    }

    /** A patron's card within a sentence: "card 409900001", or "no card" for a guardian who has none. */
    public static String cardInSentence(Messages messages, String cardNumber) {
        return cardNumber == null ? messages.get("card.none") : messages.get("card.numbered", cardNumber);
    }

    String identity(Patron p) {
        if (PatronViewModel.heldByHomeLibrary(p)) {
            return messages.get("patron.identityAtHome", messages.get("identityKind." + p.identity().kind()));
        }
        return p.identity() == null ? messages.get("patron.noIdentity")
                : messages.get("identityKind." + p.identity().kind()) + " " + p.identity().masked();
    }

    static String address(Address a) {
        return a == null ? "" : a.line() + ", " + a.postalCode() + " " + a.city();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
