package app.carddesk.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A local change waiting to be sent, with its own idempotency key and the person who made it
 * ({@code staffUser}; null for the desk's own).
 */
public record OutboxItem(long seq, UUID patronId, app.carddesk.issuing.OutboxKind kind, String payload, Instant createdAt, String idemKey,
                         int attempts, String staffUser) {
}
