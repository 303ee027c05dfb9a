package app.carddesk.staff;

import app.carddesk.issuing.StaffContext;

/**
 * The staff member signed in to the workstation's operating system, until the desk has accounts
 * of its own: good enough to say who did what in the audit trail.
 */
public record WorkstationStaff(String staffUser, String workstation) implements StaffContext {

    public static WorkstationStaff fromSystem() {
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", ""));
        if (host.isBlank()) {
            host = "workstation";
        }
        return new WorkstationStaff(System.getProperty("user.name", "unknown"), host);
    }
}
