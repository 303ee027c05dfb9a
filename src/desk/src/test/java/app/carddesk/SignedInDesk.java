package app.carddesk;

import app.carddesk.api.DemoStaff;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.ui.DeskConfig;
import java.time.Clock;

/**
 * A desk opened for its library's demo account, as staff open it after signing in: a desk on its
 * own lets the demo account in, a connected one asks its central register (in demo mode) first.
 */
public final class SignedInDesk {

    private SignedInDesk() {
    }

    public static DeskBackend open(DeskConfig config, Clock clock) {
        DeskBackend desk = DeskBackend.open(config, clock);
        try {
            signIn(desk, clock);
            return desk;
        } catch (RuntimeException e) {
            desk.close();
            throw e;
        }
    }

    /**
     * A connected desk whose central register is not up yet (a test that starts it later) lets the
     * demo account in as a desk lets in a person who signed in there online a moment ago.
     */
    public static void signIn(DeskBackend desk, Clock clock) {
        String user = DemoStaff.USERS.get(desk.profile().code());
        StaffSignIn.Result result = desk.signIn().signIn(user, DemoStaff.PASSWORD);
        if (result instanceof StaffSignIn.Refused r && r.key().equals("signin.offlineUnknown")) {
            new app.carddesk.store.JdbiStaffVerifiers(desk.database()).save(new app.carddesk.staff.StaffVerifiers.Verifier(
                    user, "Demo", new app.carddesk.security.Argon2PinHasher().hash(DemoStaff.PASSWORD),
                    StaffSignIn.DEMO_ROLES,
                    java.util.Set.of("issue", "edit", "register_national_id", "merge", "unsubscribe", "delete_expired",
                            "held_list"), clock.instant()));
            result = desk.signIn().signIn(user, DemoStaff.PASSWORD);
        }
        if (!(result instanceof StaffSignIn.SignedIn)) {
            throw new IllegalStateException("the desk could not sign its demo account in: " + result);
        }
    }
}
