package app.carddesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.SignedInStaff;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.staff.WorkstationEnrolment;
import app.carddesk.ui.background.DirectBackgroundWork;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A real library's desk on its own (no central register, no demo account) lets nobody in: its
 * first start opens the enrolment form at once. A demo desk keeps the form closed until asked.
 */
class FirstStartTest {

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    private static final WorkstationEnrolment ENROLMENT = new WorkstationEnrolment(
            (central, code) -> new WorkstationEnrolment.Enroller.Invalid(), values -> { });

    private static SignInViewModel screen(String demoUser) {
        StaffSignIn signIn = new StaffSignIn(Optional.empty(), new app.carddesk.store.StaffKeysFile(dir),
                new SignedInStaff("desk"), Clock.systemUTC(), StaffSignIn.DEFAULT_GRACE, () -> false, demoUser,
                demoUser == null ? null : "paper-lantern-harbour");
        return new SignInViewModel(signIn, new DirectBackgroundWork(), "KB", "Det Kgl. Bibliotek")
                .enrolWith(Optional.of(ENROLMENT));
    }

    @Test
    void aRealLibrarysFirstStartAsksToJoinTheOrganisationAtOnce() {
        assertThat(screen(null).enrolOpen.get()).isTrue();
    }

    @Test
    void aDemoDeskKeepsTheFormClosedUntilAsked() {
        assertThat(screen("demo.dk").enrolOpen.get()).isFalse();
    }
}
