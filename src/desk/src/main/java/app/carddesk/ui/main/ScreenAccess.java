package app.carddesk.ui.main;

import app.carddesk.staff.StaffSession;
import app.carddesk.ui.Navigation.Screen;

/**
 * Which of the desk's screens the signed-in person has work on: the navigation offers those only,
 * and their keys (F2 to F7) open nothing else. The use cases refuse on their own as well.
 */
final class ScreenAccess {

    private ScreenAccess() {
    }

    /**
     * @param connected whether the desk works with a central register (staff, rounds and the audit are kept there)
     */
    static boolean opens(Screen screen, StaffSession who, boolean connected) {
        if (who == null) {
            return false;
        }
        return switch (screen) {
            // A scan, a search and a record read are everyone's; what a record offers depends on the roles.
            case ISSUE, PATRON, FIND -> true;
            // Temporary cards to register with a national ID, and expired patrons to delete.
            case EXPIRING -> who.may("register_national_id") || who.may("delete_expired");
            // Each choice there keeps or drops a change to a patron.
            case ATTENTION -> who.may("edit");
            // A patron of another library made a patron here is desk work, as a new card is.
            case ACTIVATE -> who.may("issue");
            // A desk on its own keeps the library's settings itself; the rest is kept by the central register.
            case ADMIN -> who.may("library_config") || connected && (who.may("staff_admin")
                    || who.may("verification_round") || who.may("organisation_admin") || who.may("audit_read"));
        };
    }
}
