package app.carddesk;

import app.carddesk.api.DemoStaff;
import app.carddesk.staff.RegisterKey;
import app.carddesk.staff.StaffKeys;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.ui.DeskConfig;
import java.time.Clock;

/**
 * A desk opened for its library's demo account, as staff open it after signing in: a desk on its
 * own lets the demo account in, a connected one asks its central register (in demo mode) first.
 * The register opens with the key that sign-in produced (decision 0012).
 */
public final class SignedInDesk {

    private SignedInDesk() {
    }

    public static DeskBackend open(DeskConfig config, Clock clock) {
        DeskGate gate = DeskGate.open(config, clock);
        signIn(gate, clock);
        return DeskBackend.open(gate);
    }

    /**
     * A connected desk whose central register is not up yet (a test that starts it later) lets the
     * demo account in as a desk lets in a person who signed in there online a moment ago: their
     * seal of a new register's key is in the staff keys.
     */
    public static void signIn(DeskGate gate, Clock clock) {
        String user = DemoStaff.USERS.get(gate.config().profile());
        StaffSignIn.Result result = gate.signIn().signIn(user, DemoStaff.PASSWORD);
        if (result instanceof StaffSignIn.Refused r && r.key().equals("signin.offlineUnknown")) {
            gate.keys().save(StaffKeys.Entry.sealed(user, "Demo", StaffSignIn.DEMO_ROLES, StaffSignIn.DEMO_PERMISSIONS,
                    clock.instant(), RegisterKey.random(), DemoStaff.PASSWORD));
            result = gate.signIn().signIn(user, DemoStaff.PASSWORD);
        }
        if (!(result instanceof StaffSignIn.SignedIn)) {
            throw new IllegalStateException("the desk could not sign its demo account in: " + result);
        }
    }
}
