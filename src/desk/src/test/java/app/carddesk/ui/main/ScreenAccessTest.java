package app.carddesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.StaffSession;
import app.carddesk.ui.Navigation.Screen;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreenAccessTest {

    /** A person with these permissions, as the central register grants them for the roles. */
    private static StaffSession with(String... permissions) {
        return new StaffSession("someone", "Someone", List.of(), Set.of(permissions), "token", false);
    }

    private static Set<Screen> opened(StaffSession who, boolean connected) {
        Set<Screen> open = EnumSet.noneOf(Screen.class);
        for (Screen s : Screen.values()) {
            if (ScreenAccess.opens(s, who, connected)) {
                open.add(s);
            }
        }
        return open;
    }

    @Test
    void deskStaffWorkEverywhereButAdministration() {
        assertThat(opened(with("issue", "edit", "register_national_id"), true)).containsExactlyInAnyOrder(
                Screen.ISSUE, Screen.PATRON, Screen.FIND, Screen.EXPIRING, Screen.ATTENTION, Screen.ACTIVATE);
    }

    @Test
    void theDataProtectionOfficerReadsRecordsAndTheAuditAndChangesNothing() {
        assertThat(opened(with("audit_read"), true)).containsExactlyInAnyOrder(Screen.ISSUE, Screen.PATRON,
                Screen.FIND, Screen.ADMIN);
        assertThat(opened(with("audit_read"), false)).as("the audit is kept by the central register")
                .doesNotContain(Screen.ADMIN);
    }

    @Test
    void aSupervisorAloneHasTheWorkQueueForDeletingExpiredPatrons() {
        assertThat(opened(with("merge", "unsubscribe", "delete_expired", "held_list"), true))
                .containsExactlyInAnyOrder(Screen.ISSUE, Screen.PATRON, Screen.FIND, Screen.EXPIRING);
    }

    @Test
    void aLibraryAdministratorAloneAdministersAndADeskOnItsOwnKeepsItsSettings() {
        assertThat(opened(with("staff_admin", "workstation_admin"), true)).containsExactlyInAnyOrder(Screen.ISSUE,
                Screen.PATRON, Screen.FIND, Screen.ADMIN);
        assertThat(opened(with("library_config"), false)).contains(Screen.ADMIN);
    }

    @Test
    void nobodySignedInOpensNothing() {
        assertThat(opened(null, true)).isEmpty();
    }
}
