package app.carddesk.api;

import java.util.Map;

/**
 * The demo libraries' staff accounts, public like their workstation tokens: a central service in
 * demo mode has them, and a desk on its own with a demo library profile accepts them. Never in a
 * real register.
 */
public final class DemoStaff {

    /** Each demo library's demo administrator (user name by library code). */
    public static final Map<String, String> USERS = Map.of("DEMO-DK", "demo.dk", "DEMO-NO", "demo.oslo",
            "DEMO-NO-BGO", "demo.bergen");
    /**
     * The demo organisation's administrator (at DEMO-DK): schedules verification rounds. Separate
     * from the library administrators, who may not grant organisation-wide roles.
     */
    public static final String ORGANISATION_ADMIN = "demo.org";
    /** The roles each demo library's administrator holds there, in the order the register lists them. */
    public static final java.util.List<String> ROLES = java.util.List.of("DESK_STAFF", "LIBRARY_ADMIN", "SUPERVISOR");
    /** Their one public password. */
    public static final String PASSWORD = "paper-lantern-harbour";

    private DemoStaff() {
    }
}
