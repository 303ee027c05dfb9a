package app.carddesk.issuing;

/** Who is working at this desk, for the audit trail. */
public interface StaffContext {

    /** The staff member's user name. */
    String staffUser();

    /** The workstation's name. */
    String workstation();

    /** The signed-in person's roles at this library, as the central register names them. */
    java.util.List<String> roles();

    /** An audit entry for what the signed-in person does now. */
    default AuditEntry audit(java.time.Clock clock, String action, java.util.UUID patronId, String detail) {
        return new AuditEntry(clock.instant(), staffUser(), workstation(), String.join(",", roles()), action, patronId,
                detail);
    }

    /** Whether the signed-in person's roles at this library include {@code permission} (as the central names it). */
    boolean may(String permission);

    /**
     * Why the signed-in person may not do this, or empty when they may: every use case that
     * changes a patron asks before it does anything.
     */
    default java.util.Optional<app.carddesk.domain.Problem> refusal(String permission) {
        if (may(permission)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(app.carddesk.domain.Problem.of(switch (permission) {
            case "issue" -> "permission.missing.issue";
            case "edit" -> "permission.missing.edit";
            case "register_national_id" -> "permission.missing.registerNationalId";
            case "merge" -> "permission.missing.merge";
            case "unsubscribe" -> "permission.missing.unsubscribe";
            case "delete_expired" -> "permission.missing.deleteExpired";
            default -> throw new IllegalArgumentException("no text for permission " + permission);
        }));
    }
}
