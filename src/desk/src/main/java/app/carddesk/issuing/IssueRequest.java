package app.carddesk.issuing;

import app.carddesk.domain.CardNumber;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;

/**
 * Everything the checklist gathered, handed over in one piece when staff press Finish: nothing is
 * stored before that.
 *
 * @param identity         the national ID, or {@code null} when registered without one
 * @param ownPin           the patron's own PIN (for {@link PinDelivery#OWN_PIN}); hashed, never stored
 * @param pinChangeAdvised staff asked the patron to change their own PIN soon
 * @param guardian         for a child under the profile's guardian age: who consents; otherwise null
 */
public record IssueRequest(CardNumber card, RegistrationKind kind, IdentityNumber identity, PatronDetails details,
                           LocalDate expiresOn, PinDelivery pinDelivery, String ownPin, boolean pinChangeAdvised,
                           String categoryCode, String pickupLibraryCode, String letterLanguage,
                           GuardianChoice guardian) {

    public IssueRequest(CardNumber card, RegistrationKind kind, IdentityNumber identity, PatronDetails details,
                        LocalDate expiresOn, PinDelivery pinDelivery, String ownPin, boolean pinChangeAdvised,
                        String categoryCode, String pickupLibraryCode, String letterLanguage) {
        this(card, kind, identity, details, expiresOn, pinDelivery, ownPin, pinChangeAdvised, categoryCode,
                pickupLibraryCode, letterLanguage, null);
    }

    @Override
    public String toString() {
        // Never let a PIN or personal data reach a log through toString.
        return "IssueRequest[card=" + card + ", kind=" + kind + "]";
    }
}
