package app.carddesk.issuing;

import java.util.UUID;

/**
 * A card number known to the register, with the patron it was issued to (if still one) and, for a
 * retired card, why it was retired ({@code LOST}, {@code REPLACED}, …; null otherwise).
 */
public record CardRecord(String number, CardStatus status, UUID patronId, String retiredReason) {
}
