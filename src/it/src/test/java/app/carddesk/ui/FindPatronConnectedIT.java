package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Find a patron on a connected desk: patrons registered at other desks come from the central register. */
class FindPatronConnectedIT extends DeskUiIT {

    private static final String TOKEN = "ui-find-token";
    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    @Test
    void findsAPatronOfAnotherDeskThroughTheCentralRegisterAndSaysWhenItCannot(FxRobot robot) throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true));
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            var other = app.carddesk.SignedInDesk.open(new DeskConfig(dataDir.resolve("other"), profile(),
                    Locale.ENGLISH, "http://127.0.0.1:" + port, TOKEN, 15), Clock.systemUTC());
            try {
                other.issuing().issue(new app.carddesk.issuing.IssueRequest(other.profile().cardNumberPolicy()
                        .check("409900610").value(), app.carddesk.domain.RegistrationKind.EXPECTS_NATIONAL_ID, null,
                        new app.carddesk.issuing.PatronDetails("Dahl", "Karin", LocalDate.of(1991, 1, 1),
                                "karin@example.org", "", new app.carddesk.domain.Address("Vej 2", "1000",
                                "København K", "")), null, app.carddesk.domain.PinDelivery.OWN_PIN, "4826", true,
                        "STUDENT", "KB-SK", "en"));
                assertThat(other.sync().orElseThrow().syncOnce().sent()).isEqualTo(1);
            } finally {
                other.close();
            }

            type(KeyCode.F5);
            waitUntil(() -> visible(robot, "#findQuery"));
            setText(robot, "#findQuery", "karin dahl");
            click(robot, "#findQuery");
            type(KeyCode.ENTER);
            waitForText(robot, "#findSummary", "One patron found (this desk and the central register searched).");
            assertThat(count("SELECT COUNT(*) FROM patron")).as("not taken before it is opened").isZero();
            // By card number and by e-mail the central register finds her too (she is not at this desk yet).
            for (String key : new String[] {"409900610", "karin@example.org"}) {
                setText(robot, "#findQuery", key);
                click(robot, "#findQuery");
                type(KeyCode.ENTER);
                // The answer to this search, not the one before it: the search runs in the background.
                waitUntilIdle(robot);
                waitUntil(() -> robot.lookup("#findTable").queryTableView().getItems().size() == 1
                        && robot.lookup("#findTable").queryTableView().getItems().get(0).toString().contains("CENTRAL"));
            }
            type(KeyCode.ENTER);
            waitForText(robot, "#patronTitle", "Karin Dahl");
            assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo(1);
            int audited = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_SEARCH' AND detail LIKE 'by=name;%'")
                    .mapTo(Integer.class).one());
            assertThat(audited).as("the central register audits the search too").isEqualTo(1);
            int byKey = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(DISTINCT detail) FROM audit_event WHERE action = 'PATRON_SEARCH'")
                    .mapTo(Integer.class).one());
            assertThat(byKey).as("name, card, e-mail: each audited with its key").isEqualTo(3);
        }
        type(KeyCode.F5);
        setText(robot, "#findQuery", "sofie");
        click(robot, "#findQuery");
        type(KeyCode.ENTER);
        waitForText(robot, "#findSummary", "The central register cannot be reached now");
    }
}
