package app.carddesk.central;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the central {@code patron} table. */
public record CentralPatronRow(UUID id, String libraryCode, String cardNumber, String identityKind,
                               String identityNumber, String surname, String givenName, LocalDate birthDate,
                               String email, String phone, String addressLine, String postalCode, String city,
                               String country, String categoryCode, String pickupLibraryCode,
                               String registrationKind, LocalDate expiresOn, long feesOwedMinor,
                               long printCreditMinor, String pinHash, int version, Instant createdAt,
                               Instant updatedAt) {

    // The search keys are written with every insert and update, from the same fields, in one place.
    public String surnameKey() {
        return app.carddesk.domain.ContactRules.nameKey(surname);
    }

    public String givenNameKey() {
        return app.carddesk.domain.ContactRules.nameKey(givenName);
    }

    public String emailKey() {
        return app.carddesk.domain.ContactRules.emailKey(email);
    }

    public String phoneKey() {
        return app.carddesk.domain.ContactRules.phoneKey(phone);
    }
}
