package app.carddesk.ui.patron;

import app.carddesk.domain.Address;
import app.carddesk.domain.Patron;
import app.carddesk.text.Messages;

/** How the patron screens word a patron's card, national ID and address. */
final class PatronTexts {

    private final Messages messages;

    PatronTexts(Messages messages) {
        this.messages = messages;
    }

    String card(Patron p) {
        return p.cardNumber() == null ? messages.get("patron.noCard") : p.cardNumber();
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
