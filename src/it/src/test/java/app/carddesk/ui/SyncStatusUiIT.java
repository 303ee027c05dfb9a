package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.domain.RegistrationKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The status bar tells staff what waits for the central register, and since when; refused
 * changes wait in "needs attention" for staff's choice.
 */
class SyncStatusUiIT extends DeskUiIT {

    private static final String TOKEN = "ui-sync-token";
    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    /** The central register this desk syncs with, on the desk's port, with the demo libraries. */
    private CentralServer startCentral() {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true));
        return CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC());
    }

    @Test
    void saysWhatWaitsWhileOfflineAndWhenItIsSent(FxRobot robot) throws Exception {
        issueDirectly("409900300", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.sync().orElseThrow().syncOnce();
        waitForText(robot, "#syncLabel", "unreachable: one change waiting since");
        // Offline, the hand-over and the letter say an e-mailed PIN goes out once the desk is connected.
        waitUntil(() -> !context.issue().letter.settings().centralRegister());
        waitForText(robot, "#staffLabel", "Signed in offline: ");
        assertThat(text(robot, "#staffLabel")).doesNotContain("answers again");

        try (CentralServer central = startCentral()) {
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "up to date");
            waitUntil(() -> context.issue().letter.settings().centralRegister());
            // Signed in without it, the person is told how to reach the register's screens now.
            waitForText(robot, "#staffLabel", "the central register answers again: Switch user and sign in once more");
            int patrons = central.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron")
                    .mapTo(Integer.class).one());
            assertThat(patrons).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRegistrationWaitsForStaffsChoiceAndIsResolved(FxRobot robot) throws Exception {
        try (CentralServer central = startCentral()) {
            // This desk issues the card first; another desk issues the same card and reaches the register first.
            var mine = issueDirectly("409900310", "Holm", "Ida", LocalDate.of(1992, 2, 2), null,
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            var other = app.carddesk.SignedInDesk.open(new DeskConfig(dataDir.resolve("other"), profile(),
                    Locale.ENGLISH, "http://127.0.0.1:" + port, TOKEN, 15), Clock.systemUTC());
            try {
                other.issuing().issue(new app.carddesk.issuing.IssueRequest(other.profile().cardNumberPolicy()
                        .check("409900310").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                        new app.carddesk.issuing.PatronDetails("Dahl", "Eva", LocalDate.of(1991, 1, 1), "", "",
                                new app.carddesk.domain.Address("Vej 2", "1000", "København K", "")), null,
                        app.carddesk.domain.PinDelivery.OWN_PIN, "4826", true, "STUDENT", "KB-SK", "en"));
                other.sync().orElseThrow().syncOnce();
            } finally {
                other.close();
            }
            assertThat(backend.sync().orElseThrow().syncOnce().refused()).isEqualTo(1);
            waitForText(robot, "#syncLabel", "One change needs attention");

            type(javafx.scene.input.KeyCode.F4);
            waitUntil(() -> robot.lookup("#attentionTable").queryTableView().getItems().size() == 1);
            // The first row is chosen already, and its whole text is read under the list.
            waitForText(robot, "#attentionDetail", "Another desk issued this card number first, so this registration "
                    + "did not reach the central register. Someone else: open the patron and give them a new card "
                    + "(New card); they are then registered again with their details. The same person: remove this "
                    + "registration here.");
            assertThat(robot.lookup("#attentionTable").queryTableView().getSelectionModel().getSelectedIndex())
                    .isZero();
            // The patron's own screen says so too: Enter on the row opens it.
            interact(() -> robot.lookup("#attentionTable").query().requestFocus());
            type(javafx.scene.input.KeyCode.ENTER);
            waitForText(robot, "#patronMessage", "The central register did not take this registration");
            type(javafx.scene.input.KeyCode.F4);
            waitUntil(() -> robot.lookup("#attentionTable").queryTableView().getSelectionModel().getSelectedIndex() == 0);
            clickOn(robot, "#choice-DISCARD_LOCAL");
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            // A card scanned into this question does not answer it either.
            scan(robot, "409900311");
            waitUntil(() -> openDialog().map(w -> ((javafx.scene.control.DialogPane) w.getScene().getRoot())
                    .getHeaderText()).orElse("").contains("409900311"));
            assertThat(backend.issuing().patron(mine)).as("nothing removed by the scan").isPresent();
            clickOn(robot, "#confirmGoAhead");
            waitForText(robot, "#attentionMessage", "Done.");
            waitUntil(() -> robot.lookup("#attentionTable").queryTableView().getItems().isEmpty());
            assertThat(backend.issuing().patron(mine)).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM sync_problem WHERE resolution = 'DISCARD_LOCAL' "
                    + "AND resolved_by IS NOT NULL")).isEqualTo(1);
            assertThat(backend.issuing().lookUp("409900310")).isInstanceOf(
                    app.carddesk.issuing.CardLookup.Issued.class);
        }
    }

    @Test
    void aChangedConfigurationReachesTheChecklistAndTheStatusBarAtTheNextSync(FxRobot robot) throws Exception {
        try (CentralServer central = startCentral()) {
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "Settings: version 1");

            var http = java.net.http.HttpClient.newHttpClient();
            String path = "http://127.0.0.1:" + port + "/api/v1/libraries/DEMO-DK/configuration";
            var json = app.carddesk.api.Json.mapper();
            var now = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(http.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(path)).header("Authorization", "Bearer "
                            + CentralConfig.DEMO_ADMIN_TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) now.withArray("categories").get(0).get("names"))
                    .put("en", "Degree student");
            now.put("name", "Research Library Copenhagen");
            var put = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(path))
                    .header("Authorization", "Bearer " + CentralConfig.DEMO_ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(now.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            backend.sync().orElseThrow().syncOnce();

            waitForText(robot, "#syncLabel", "Settings: version 2");
            waitForText(robot, "#profileLabel", "Research Library Copenhagen");
            waitUntil(() -> robot.lookup("#categoryList").queryListView().getItems().stream()
                    .anyMatch(c -> ((app.carddesk.domain.PatronCategory) c).nameEn().equals("Degree student")));
            assertThat(backend.issuing().profile().name()).isEqualTo("Research Library Copenhagen");
        }
    }

    @Test
    void saysHowManyChangesHaveArrivedWhileALongPullIsUnderWay(FxRobot robot) throws Exception {
        try (CentralServer central = startCentral()) {
            int patrons = app.carddesk.api.Api.FEED_PAGE_MAX + 1_000;
            app.carddesk.central.CentralPatronRows.withCardsAndFeed(central.database().jdbi(), patrons);
            var sync = backend.sync().orElseThrow();
            var told = new java.util.concurrent.CountDownLatch(1);
            var goOn = new java.util.concurrent.CountDownLatch(1);
            // The round waits at its first report of what arrived (the status bar has been told by then),
            // so that the test sees the bar while the pull is under way, whichever round pulls.
            sync.onStatus(status -> {
                if (status.receiving() > 0 && told.getCount() > 0) {
                    told.countDown();
                    try {
                        goOn.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            var round = java.util.concurrent.CompletableFuture.runAsync(sync::syncOnce);
            assertThat(told.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("a page with more behind it").isTrue();
            waitForText(robot, "#syncLabel", "Central register: receiving changes (5,000 so far)");
            goOn.countDown();
            round.get(60, java.util.concurrent.TimeUnit.SECONDS);
            waitForText(robot, "#syncLabel", "Central register: up to date");
            assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo((long) patrons);
        }
    }

    @Test
    void thePinStepSaysAMailedPinWaitsOnlyWhileTheCentralRegisterCannotBeReached(FxRobot robot) throws Exception {
        backend.sync().orElseThrow().syncOnce();
        waitForText(robot, "#syncLabel", "unreachable");
        scanToDetails(robot, "409900320");
        fill(robot, "#surnameField", "Okafor");
        fill(robot, "#givenNameField", "Chidi");
        fill(robot, "#birthDateField", "14-03-2001");
        fill(robot, "#addressField", "Amagerfælledvej 56");
        fill(robot, "#postalCodeField", "2300");
        fill(robot, "#cityField", "København S");
        fill(robot, "#emailField", "chidi.okafor@example.org");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#emailPinRadio"));
        waitUntil(() -> visible(robot, "#pinEmailLater"));

        try (CentralServer central = startCentral()) {
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "up to date");
            waitUntil(() -> !visible(robot, "#pinEmailLater"));
        }
    }
}
