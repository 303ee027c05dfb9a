package app.carddesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.StaffAdministration.RefusedException;
import org.junit.jupiter.api.Test;

class AdminRefusalsTest {

    @Test
    void aRoleOnlyTheOrganisationGivesIsSaidSoAndOtherRefusalsAsBefore() {
        assertThat(AdminRefusals.problem(new RefusedException("permission_denied", "Only an organisation "
                + "administrator gives…", "roles"), "sofie.kjaer").key()).isEqualTo("admin.refused.overseeing");
        assertThat(AdminRefusals.problem(new RefusedException("permission_denied", "Your roles…"), null).key())
                .isEqualTo("admin.refused.permission");
        assertThat(AdminRefusals.problem(new RefusedException("permission_conflict", "These roles…", "roles"),
                "lars.holm").key()).isEqualTo("admin.staff.conflict");
    }
}
