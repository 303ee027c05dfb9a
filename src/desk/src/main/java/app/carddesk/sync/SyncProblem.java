package app.carddesk.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A local change the central register refused: it waits in "needs attention" until staff
 * resolve it. {@code code} is the API's stable error code.
 */
public record SyncProblem(long id, UUID patronId, String changeKind, String code, UUID existingId, String message,
                          Instant createdAt) {
}
