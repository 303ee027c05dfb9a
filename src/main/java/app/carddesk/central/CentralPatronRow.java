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
}
