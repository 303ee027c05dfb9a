package app.carddesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the {@code patron} table, flat as the table is. */
public record PatronRow(UUID id, String cardNumber, String identityKind, String identityNumber, String surname,
                        String givenName, String surnameKey, String givenNameKey, LocalDate birthDate, String email,
                        String emailKey, String phone, String phoneKey, String addressLine, String postalCode,
                        String city, String country, String categoryCode, String pickupLibraryCode,
                        String registrationKind, LocalDate expiresOn, String pinDelivery, String pinHash,
                        boolean pinChangeAdvised, long feesOwedMinor, long printCreditMinor, Instant createdAt,
                        String createdBy, Instant updatedAt, int version) {
}
