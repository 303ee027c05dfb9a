package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.config.ConfigurationFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The library's administrator keeps its settings on the Administration screen: sees the version
 * and the series' stock, exports them to a file, imports the file changed (a category renamed, loan
 * rules version 2 published) and the desk works with it after the sync; a file with problems is
 * refused with each field and reason, and changes nothing.
 */
class LibrarySettingsUiIT extends DeskUiIT {

    private static final String TOKEN = "library-settings-ui-token";
    private static final ObjectMapper JSON = Json.mapper();

    @Override
    boolean startsSignedIn() {
        return false;
    }

    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    @Test
    void theAdministratorExportsChangesAndImportsTheLibrarysSettings(FxRobot robot) throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            interact(() -> {
                signIn.userName.set("demo.dk");
                signIn.password.set(DemoStaff.PASSWORD);
            });
            interact(() -> signIn.submit());
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            waitUntil(() -> visible(robot, "#navAdmin"));
            type(javafx.scene.input.KeyCode.F7);
            waitUntil(() -> visible(robot, "#adminScroller"));
            waitForText(robot, "#libraryVersion", "Settings version 1: Demo Research Library Copenhagen (DEMO-DK)");
            // A library's administrator sees its country and test setting, and cannot change them.
            assertThat(robot.lookup("#libraryCountry").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#libraryTestProfile").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#libraryName").query().isDisabled()).isFalse();
            TableView<?> stock = robot.lookup("#libraryStock").queryAs(TableView.class);
            waitUntil(() -> stock.getItems().size() == 1);

            Path file = dataDir.resolve("demo-dk.json");
            showTab(robot, "#libraryTabs", "#libraryTabFile");
            interact(() -> robot.lookup("#libraryFile").queryAs(TextField.class).setText(file.toString()));
            click(robot, "#libraryExport");
            waitForText(robot, "#libraryMessage", "Written to " + file);
            ObjectNode exported = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
            assertThat(ConfigurationFile.read(Files.readAllBytes(file)).problems()).isEmpty();

            ((ObjectNode) exported.withArray("categories").get(0).get("names")).put("en", "Degree student");
            exported.withArray("loanRules").addObject().put("version", 2).putObject("text")
                    .put("da", "Låneregler, version 2.").put("en", "Loan rules, version 2.");
            Files.write(file, JSON.writeValueAsBytes(exported));
            click(robot, "#libraryImport");
            waitForText(robot, "#libraryMessage", "Version 2 is stored");
            // The desk's sync timer asks for a round at once; the test desk has no timer and runs it here.
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "Settings: version 2");
            waitUntil(() -> context.issue().choices.get().categories().get(0).nameEn().equals("Degree student"));

            // New loan rules are typed and published on the screen as the next version.
            showTab(robot, "#libraryTabs", "#libraryTabLoanRules");
            waitForText(robot, "#libraryPublishRules", "Publish as version 3");
            interact(() -> robot.lookup("#libraryRulesEn").queryAs(javafx.scene.control.TextArea.class)
                    .setText("Loan rules, version 3."));
            click(robot, "#libraryPublishRules");
            waitForText(robot, "#libraryMessage", "Loan rules version 3 are published");
            var rules = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT text_en FROM loan_rules WHERE library_code = 'DEMO-DK' ORDER BY version")
                    .mapTo(String.class).list());
            assertThat(rules).hasSize(3).endsWith("Loan rules, version 3.");

            ((ObjectNode) exported.withArray("categories").get(1)).put("minAge", 30).put("maxAge", 20);
            exported.put("homeLibrary", "NOWHERE");
            Files.write(file, JSON.writeValueAsBytes(exported));
            showTab(robot, "#libraryTabs", "#libraryTabFile");
            click(robot, "#libraryImport");
            waitForText(robot, "#libraryMessage", "The file was not imported and nothing changed");
            ListView<?> problems = robot.lookup("#libraryProblems").queryAs(ListView.class);
            waitUntil(() -> problems.getItems().size() == 2);
            assertThat(problems.getItems()).map(Object::toString).containsExactly(
                    "homeLibrary: The code of one of the pickup libraries above.",
                    "categories[1].maxAge: At least the lowest age, 30.");
            int version = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT config_version FROM library WHERE code = 'DEMO-DK'").mapTo(Integer.class).one());
            assertThat(version).as("a refused file changed nothing").isEqualTo(3);
        }
    }


    @Test
    void theOrganisationsAdministratorCreatesALibraryFromAFileOnTheScreen(FxRobot robot) throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            ObjectNode file = app.carddesk.central.TestLibraries.aarhus();
            ((ObjectNode) file.withArray("categories").get(3)).put("minAge", 25);
            file.putArray("pickupLibraries").add(JSON.createObjectNode().put("code", "AAR-HOV").put("name", "Dokk1"))
                    .add(JSON.createObjectNode().put("code", "AAR-VIB").put("name", "Viby"));
            file.put("homeLibrary", "AAR-HOV");
            Path path = dataDir.resolve("kb-test.json");
            Files.write(path, JSON.writeValueAsBytes(file));

            interact(() -> {
                signIn.userName.set(DemoStaff.ORGANISATION_ADMIN);
                signIn.password.set(DemoStaff.PASSWORD);
            });
            interact(() -> signIn.submit());
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            waitUntil(() -> visible(robot, "#navAdmin"));
            type(javafx.scene.input.KeyCode.F7);
            waitUntil(() -> visible(robot, "#libraryTabs"));
            showTab(robot, "#libraryTabs", "#libraryTabFile");
            waitUntil(() -> visible(robot, "#libraryFile"));
            interact(() -> robot.lookup("#libraryFile").queryAs(TextField.class).setText(path.toString()));
            click(robot, "#libraryImport");

            waitForText(robot, "#libraryMessage", "Test Library Aarhus (KB-TEST) is stored as version 1");
            var stored = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM pickup_library WHERE library_code = 'KB-TEST'").mapTo(Integer.class).one());
            assertThat(stored).isEqualTo(2);
            var series = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT prefix FROM card_series WHERE library_code = 'KB-TEST'").mapTo(String.class).list());
            assertThat(series).containsExactly("4100");
        }
    }
}
