package app.carddesk.issuing;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to which record, in which roles. {@code detail} never
 * holds personal data (no names, numbers or addresses), only facts such as a registration kind.
 *
 * @param staffRoles the roles the person acted in, comma-separated (empty for the desk's own work,
 *                   such as a sync)
 */
public record AuditEntry(Instant at, String staff, String workstation, String staffRoles, String action,
                         UUID patronId, String detail) {

    /** An entry for the desk's own work (a sync), which no person did. */
    public static AuditEntry ofDesk(Instant at, String who, String workstation, String action, UUID patronId,
                                    String detail) {
        return new AuditEntry(at, who, workstation, "", action, patronId, detail);
    }
}
