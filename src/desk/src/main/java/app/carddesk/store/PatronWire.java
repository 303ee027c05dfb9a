package app.carddesk.store;

import app.carddesk.api.Api;
import app.carddesk.domain.Address;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.time.Instant;
import java.util.List;

/** The desk's one mapping between the domain's patron and the central register's wire document. */
final class PatronWire {

    private PatronWire() {
    }

    /**
     * The document sent to the central register; with the hash of the patron's own PIN, so that
     * they can prove who they are at another library (an e-mailed PIN is the central's already).
     */
    static Api.Patron toApi(Patron p, Integer version, List<Api.Guardian> guardians, String pinHash) {
        Address a = p.address();
        return new Api.Patron(p.id(), p.cardNumber(), new Api.Identity(p.identityKind().name(),
                p.identity() == null ? null : p.identity().number()), p.surname(), p.givenName(), p.birthDate(),
                p.email(), p.phone(), new Api.Address(a.line(), a.postalCode(), a.city(), a.country()),
                p.pickupLibraryCode(), p.categoryCode(), p.expiresOn(),
                p.registrationKind() == RegistrationKind.EXPECTS_NATIONAL_ID, p.feesOwedMinor(), p.printCreditMinor(),
                version, guardians, pinHash);
    }

    static Patron fromApi(Api.Patron p, Instant now) {
        String kind = p.identity() == null || p.identity().kind() == null ? "NONE" : p.identity().kind();
        RegistrationKind registration = RegistrationKind.of(!"NONE".equals(kind), p.expectsNationalId());
        Api.Address a = p.address() == null ? new Api.Address("", "", "", "") : p.address();
        // A patron of another home library comes with the kind of their national ID but not the number.
        IdentityNumber identity = "NONE".equals(kind) ? null
                : new IdentityNumber(IdentityKind.valueOf(kind), p.identity().number(), p.birthDate());
        return new Patron(p.id(), p.cardNumber(), identity, p.surname(), p.givenName(), p.birthDate(), p.email(),
                p.phone(), new Address(a.line(), a.postalCode(), a.city(), a.country()), p.category(),
                p.pickupLibrary(), registration, p.expiresOn(),
                p.email() == null ? PinDelivery.OWN_PIN : PinDelivery.EMAIL, false,
                p.feesOwedMinor() == null ? 0 : p.feesOwedMinor(),
                p.printCreditMinor() == null ? 0 : p.printCreditMinor(), now, "central", 1);
    }
}
