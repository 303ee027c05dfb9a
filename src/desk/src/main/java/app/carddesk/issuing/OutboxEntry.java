package app.carddesk.issuing;

import java.util.UUID;

/**
 * A change waiting to be sent to the central register, written in the same transaction as the
 * change itself.
 *
 * @param kind    what happened, for example {@code PATRON_CREATED} or {@code PIN_EMAIL_REQUESTED}
 * @param payload the change as JSON
 */
public record OutboxEntry(UUID patronId, OutboxKind kind, String payload) {
}
