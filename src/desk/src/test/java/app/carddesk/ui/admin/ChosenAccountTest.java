package app.carddesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.StaffAdministration.Account;
import app.carddesk.ui.admin.ChosenAccount.Standing;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** How an administrator stands to the account chosen in the staff list. */
class ChosenAccountTest {

    private static final Predicate<Account> MINE = a -> a.userName().equals("karen.bach");

    private static Account account(String user, String... roles) {
        return new Account(UUID.randomUUID(), user, user, null, List.of(roles), "active", null);
    }

    @Test
    void aColleagueTheirOwnAndTheOfficersAreToldApart() {
        assertThat(ChosenAccount.of(null, MINE, false)).isEqualTo(Standing.NONE);
        assertThat(ChosenAccount.of(account("lars.holm", "DESK_STAFF", "SUPERVISOR"), MINE, false))
                .isEqualTo(Standing.COLLEAGUE);
        assertThat(ChosenAccount.of(account("karen.bach", "LIBRARY_ADMIN"), MINE, false)).isEqualTo(Standing.OWN);
        assertThat(ChosenAccount.of(account("sofie.kjaer", "DATA_PROTECTION"), MINE, false))
                .isEqualTo(Standing.OVERSEEING);
        assertThat(ChosenAccount.of(account("demo.org", "ORGANISATION_ADMIN"), MINE, false))
                .isEqualTo(Standing.OVERSEEING);
    }

    @Test
    void theOrganisationsAdministratorOverseesNobodyAboveThem() {
        assertThat(ChosenAccount.of(account("sofie.kjaer", "DATA_PROTECTION"), MINE, true))
                .isEqualTo(Standing.COLLEAGUE);
        assertThat(ChosenAccount.of(account("karen.bach", "ORGANISATION_ADMIN"), MINE, true)).isEqualTo(Standing.OWN);
    }
}
