package app.carddesk.issuing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The least a screen needs to recognise a patron in a list: no identity number, no address.
 *
 * @param reason which key matched: {@code NAME_BIRTH}, {@code EMAIL} or {@code PHONE} (among the similar,
 *               every one that did, comma-separated)
 */
public record PatronSummary(UUID id, String cardNumber, String givenName, String surname, LocalDate birthDate,
                            String reason) {
}
