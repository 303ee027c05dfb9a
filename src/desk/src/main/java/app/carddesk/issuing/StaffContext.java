package app.carddesk.issuing;

/** Who is working at this desk, for the audit trail. */
public interface StaffContext {

    /** The staff member's user name. */
    String staffUser();

    /** The workstation's name. */
    String workstation();
}
