package app.carddesk.store;

import app.carddesk.domain.Address;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;

/** The desk's one mapping between a patron's row in the register and the domain's patron. */
final class PatronRows {

    private PatronRows() {
    }

    static PatronRow toRow(Patron p, String pinHash) {
        Address a = p.address() == null ? Address.empty() : p.address();
        return new PatronRow(p.id(), p.cardNumber(), p.identityKind().name(),
                p.identity() == null ? null : p.identity().number(), p.surname(), p.givenName(),
                ContactRules.nameKey(p.surname()), ContactRules.nameKey(p.givenName()), p.birthDate(), p.email(),
                ContactRules.emailKey(p.email()), p.phone(), ContactRules.phoneKey(p.phone()), a.line(),
                a.postalCode(), a.city(), a.country(), p.categoryCode(), p.pickupLibraryCode(),
                p.registrationKind().name(), p.expiresOn(), p.pinDelivery().name(), pinHash, p.pinChangeAdvised(),
                p.feesOwedMinor(), p.printCreditMinor(), p.createdAt(), p.createdBy(), p.createdAt(), p.version());
    }

    static Patron toPatron(PatronRow r) {
        IdentityKind kind = IdentityKind.valueOf(r.identityKind());
        IdentityNumber identity = kind == IdentityKind.NONE ? null
                : new IdentityNumber(kind, r.identityNumber(), kind == IdentityKind.DUF ? null : r.birthDate());
        return new Patron(r.id(), r.cardNumber(), identity, r.surname(), r.givenName(), r.birthDate(), r.email(),
                r.phone(), new Address(nz(r.addressLine()), nz(r.postalCode()), nz(r.city()), nz(r.country())),
                r.categoryCode(), r.pickupLibraryCode(), RegistrationKind.valueOf(r.registrationKind()),
                r.expiresOn(), PinDelivery.valueOf(r.pinDelivery()), r.pinChangeAdvised(), r.feesOwedMinor(),
                r.printCreditMinor(), r.createdAt(), r.createdBy(), r.version());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
