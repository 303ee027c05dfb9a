package app.carddesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered patron as the desk keeps them.
 *
 * @param cardNumber       the card in use, or {@code null} for none (a temporary card destroyed, a guardian
 *                         registered without a card of their own)
 * @param identity         the national identity number, or {@code null} for none
 * @param feesOwedMinor    unpaid fees in minor units (øre)
 * @param printCreditMinor unused print-account credit in minor units (øre)
 */
public record Patron(UUID id, String cardNumber, IdentityNumber identity, String surname, String givenName,
                     LocalDate birthDate, String email, String phone, Address address, String categoryCode,
                     String pickupLibraryCode, RegistrationKind registrationKind, LocalDate expiresOn,
                     PinDelivery pinDelivery, boolean pinChangeAdvised, long feesOwedMinor,
                     long printCreditMinor, Instant createdAt, String createdBy, int version) {

    public IdentityKind identityKind() {
        return identity == null ? IdentityKind.NONE : identity.kind();
    }

    /** Fees or print credit that must be settled before the record may be deleted. */
    public boolean hasUnsettledBalance() {
        return feesOwedMinor != 0 || printCreditMinor != 0;
    }

    /** A short-stay record whose expiry date has passed. */
    public boolean isExpired(LocalDate today) {
        return registrationKind == RegistrationKind.SHORT_STAY && expiresOn != null && expiresOn.isBefore(today);
    }

    /** Expired and free of balances: the record may be deleted. */
    public boolean isDeletable(LocalDate today) {
        return isExpired(today) && !hasUnsettledBalance();
    }

    public String fullName() {
        return PersonName.full(givenName, surname);
    }
}
