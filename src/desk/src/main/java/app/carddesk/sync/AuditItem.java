package app.carddesk.sync;

import java.time.Instant;
import java.util.UUID;

/** One entry of the desk's own audit trail as the central register is sent it: {@code seq} is its number here. */
public record AuditItem(long seq, Instant at, String staff, String roles, String action, UUID patronId,
                        String detail) {
}
