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
    /** Their one public password. */
    public static final String PASSWORD = "paper-lantern-harbour";

    private DemoStaff() {
    }
}
