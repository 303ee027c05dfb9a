package app.carddesk.issuing;

import java.util.UUID;

/** A card number known to the register, with the patron it was issued to (if still one). */
public record CardRecord(String number, CardStatus status, UUID patronId) {
}
