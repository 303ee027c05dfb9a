package app.carddesk.central;

import java.time.Instant;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityKind;
import app.carddesk.api.Api;
import app.carddesk.domain.RegistrationKind;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The central's one mapping between a patron's row and the wire document: what the feed reads in
 * one query, and what the API answers (never the PIN hash).
 */
final class PatronMapper {

    private PatronMapper() {
    }

    /**
     * The row a patron as a desk sent them is stored as, with what the rules made of it: the card
     * and national ID as checked, the birth date (from the number where none was given) and the
     * footing of the registration.
     */
    static CentralPatronRow toRow(Api.Patron p, String library, String card, IdentityNumber identity, LocalDate birth,
                                  RegistrationKind registration, int version, Instant createdAt, Instant now) {
        Api.Address a = p.address() == null ? new Api.Address("", "", "", "") : p.address();
        return new CentralPatronRow(p.id(), library, card,
                identity == null ? IdentityKind.NONE.name() : identity.kind().name(),
                identity == null ? null : identity.number(), p.surname().trim(), p.givenName().trim(), birth,
                blankToNull(p.email()), blankToNull(p.phone()), a.line(), a.postalCode(), a.city(), a.country(),
                p.category(), p.pickupLibrary(), registration.name(),
                registration == RegistrationKind.SHORT_STAY ? p.expiresOn() : null, orZero(p.feesOwedMinor()),
                orZero(p.printCreditMinor()), p.pinHash(), version, createdAt == null ? now : createdAt, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    /** The patron as the API shows it: never the PIN hash. */
    public static Api.Patron toApi(CentralPatronRow r) {
        return new Api.Patron(r.id(), r.cardNumber(), new Api.Identity(r.identityKind(), r.identityNumber()),
                r.surname(), r.givenName(), r.birthDate(), r.email(), r.phone(),
                new Api.Address(r.addressLine(), r.postalCode(), r.city(), r.country()), r.pickupLibraryCode(),
                r.categoryCode(), r.expiresOn(), RegistrationKind.EXPECTS_NATIONAL_ID.name().equals(r.registrationKind()),
                r.feesOwedMinor(), r.printCreditMinor(), r.version(), List.of());
    }

    /** The patron as the API shows it, with their guardians. */
    public static Api.Patron toApi(CentralPatronRow r, List<CentralDaos.Guardians.Link> guardians) {
        return toApi(r).withGuardians(guardians.stream().map(g -> new Api.Guardian(g.guardianId(), g.consentAt()))
                .toList());
    }
}
