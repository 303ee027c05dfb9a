package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.domain.RegistrationKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The status bar tells staff what waits for the central register, and since when. */
class SyncStatusUiTest extends DeskUiTest {

    private static final String TOKEN = "ui-sync-token";
    private int port;

    @Override
    DeskConfig config(Path dir) {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new DeskConfig(dir, profile(), Locale.ENGLISH, "http://127.0.0.1:" + port, TOKEN, 15);
    }

    @Test
    void saysWhatWaitsWhileOfflineAndWhenItIsSent(FxRobot robot) throws Exception {
        issueDirectly("409900300", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.sync().orElseThrow().syncOnce();
        waitForText(robot, "#syncLabel", "unreachable: 1 change(s) waiting since");

        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, "jdbc:h2:file:" + dataDir.resolve("central/c"));
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "up to date");
            int patrons = central.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron")
                    .mapTo(Integer.class).one());
            assertThat(patrons).isEqualTo(1);
        }
    }
}
