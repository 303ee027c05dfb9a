package app.carddesk.issuing;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to which record. {@code detail} never holds personal
 * data (no names, numbers or addresses), only facts such as a registration kind.
 */
public record AuditEntry(Instant at, String staff, String workstation, String action, UUID patronId,
                         String detail) {
}
