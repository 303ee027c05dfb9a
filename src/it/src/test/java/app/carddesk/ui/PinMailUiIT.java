package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.MigratedH2;
import app.carddesk.central.RefusingSmtpServer;
import app.carddesk.central.SmtpMailer;
import app.carddesk.domain.RegistrationKind;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A patron's PIN mail as the patron's screen tells it, with the real central register on loopback
 * and a real SMTP conversation: sent (GreenMail), or refused for the address (a mail server that
 * answers 550 to every recipient), and then a new PIN e-mailed from the screen.
 */
class PinMailUiIT extends DeskUiIT {

    private static final String TOKEN = "ui-pin-mail-token";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    private CentralServer central(int smtpPort) {
        return CentralServer.start(CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_CENTRAL_TOKEN", TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK", "CARDDESK_RETENTION_AT", "off"))
                .with(port, MigratedH2.url(dataDir.resolve("central/c"), true)),
                new SmtpMailer("127.0.0.1", smtpPort, "desk@carddesk.invalid"), Clock.systemUTC());
    }

    private void pushAndAwaitMail(CentralServer central) throws Exception {
        assertThat(backend.sync().orElseThrow().syncOnce().sent()).isPositive();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> central.mailOutbox().pending() == 0);
        central.mailOutbox().awaitPass();
    }

    @Test
    void aPinMailTheMailServerTookIsToldOnThePatronsScreen(FxRobot robot) throws Exception {
        try (CentralServer central = central(mail.getSmtp().getPort())) {
            issueDirectly("409900910", "Okafor", "Amara", LocalDate.of(1994, 3, 8), "amara@example.org",
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            pushAndAwaitMail(central);
            assertThat(mail.getReceivedMessages()).hasSize(1);
            scan(robot, "409900910");
            waitUntil(() -> text(robot, "#pinMailStatus").startsWith("PIN e-mailed"));
            assertThat(robot.lookup("#pinMailStatus").queryLabeled().getStyleClass()).doesNotContain("warning");
            waitUntil(() -> text(robot, "#service-CARD_PIN_LOGIN").equals("Log in with card number and PIN: yes"));
        }
    }

    @Test
    void aRefusedAddressIsToldAndANewPinIsMailedOnlyWhenStaffSaySo(FxRobot robot) throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer();
             CentralServer central = central(refusing.port())) {
            issueDirectly("409900911", "Okafor", "Chidi", LocalDate.of(1991, 7, 1), "chidi@example.invalid",
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            pushAndAwaitMail(central);
            assertThat(refusing.refused()).isEqualTo(1);
            scan(robot, "409900911");
            waitUntil(() -> text(robot, "#pinMailStatus").contains("refused the e-mail address"));
            assertThat(robot.lookup("#pinMailStatus").queryLabeled().getStyleClass()).contains("warning");
            // The patron has no PIN they know: logging in with card and PIN is not theirs yet.
            waitUntil(() -> text(robot, "#service-CARD_PIN_LOGIN").equals("Log in with card number and PIN: not yet: "
                    + "the PIN mail did not arrive (see above)"));
            assertThat(robot.lookup("#service-CARD_PIN_LOGIN").queryLabeled().getStyleClass()).contains("warning");

            // Asked first; Enter keeps the PIN the patron has.
            click(robot, "#newPinButton");
            waitUntil(() -> openDialog().map(w -> "confirm-NEW_PIN".equals(w.getScene().getRoot().getId()))
                    .orElse(false));
            type(KeyCode.ENTER);
            waitUntil(() -> openDialog().isEmpty());
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'PIN_EMAIL_REQUESTED'")).isZero();

            click(robot, "#newPinButton");
            waitUntil(() -> openDialog().isPresent());
            click(robot, "#confirmGoAhead");
            waitUntil(() -> text(robot, "#patronSuccess").contains("A new PIN is asked for")
                    && text(robot, "#pinMailStatus").startsWith("A PIN mail waits at this desk"));
            assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'PIN_EMAIL_REQUESTED'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'NEW_PIN_EMAIL_REQUESTED'"))
                    .isEqualTo(1);
            waitUntil(() -> text(robot, "#service-CARD_PIN_LOGIN").equals("Log in with card number and PIN: yes, once "
                    + "the PIN mail has arrived"));

            // Sent on to the central register, which asks the mail server again; the screen, still
            // open, follows the mail without the patron being opened again.
            pushAndAwaitMail(central);
            assertThat(refusing.refused()).isEqualTo(2);
            waitUntil(15, () -> text(robot, "#pinMailStatus").contains("refused the e-mail address"));
        }
    }
}
