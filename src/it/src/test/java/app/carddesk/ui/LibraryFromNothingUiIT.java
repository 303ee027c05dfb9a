package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.DemoStaff;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.TestLibraries;
import app.carddesk.domain.LibraryConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A library from nothing, on screens: the organisation's administrator creates it on the
 * Administration screen (card series, categories with an age range, two pickup libraries, loan rules
 * version 1); a new desk enrols for it with the code the operator made and its first administrator
 * issues a card there; then that administrator renames a category and publishes loan rules version
 * 2, and after one sync the desk's checklist offers the new name and its register has version 2.
 */
class LibraryFromNothingUiIT extends DeskUiIT {

    private static final String TOKEN = "library-from-nothing-token";

    /** The desk the test runs: first one of the demo library's, then the new library's own. */
    private DeskConfig desk;

    @Override
    boolean startsSignedIn() {
        return false;
    }

    @Override
    DeskConfig config(Path dir) {
        if (desk == null) {
            desk = connected(dir.resolve("demo-desk"), TOKEN);
        }
        return desk;
    }

    @Test
    void anOrganisationCreatesALibraryOnScreenAndItsNewDeskIssuesUnderItsRules(FxRobot robot) throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            signIn(robot, DemoStaff.ORGANISATION_ADMIN, DemoStaff.PASSWORD);
            type(KeyCode.F7);
            waitForText(robot, "#libraryVersion", "Demo Research Library Copenhagen");

            click(robot, "#libraryNew");
            waitForText(robot, "#librarySave", "Create the library");
            fill(robot, "#libraryCode", "ODENSE-UB");
            fill(robot, "#libraryName", "Odense University Library");
            fill(robot, "#libraryAddressLine", "Campusvej 55");
            fill(robot, "#libraryPostalCode", "5230");
            fill(robot, "#libraryCity", "Odense M");

            showTab(robot, "#libraryTabs", "#libraryTabBranches");
            fill(robot, "#libraryBranchCode", "ODE-MAIN");
            fill(robot, "#libraryBranchName", "Main library, Campusvej");
            click(robot, "#libraryBranchAdd");
            fill(robot, "#libraryBranchCode", "ODE-HEALTH");
            fill(robot, "#libraryBranchName", "Health sciences library");
            click(robot, "#libraryBranchAdd");
            waitUntil(() -> robot.lookup("#libraryBranches").queryAs(ListView.class).getItems().size() == 2);
            interact(() -> robot.lookup("#libraryHome").<ComboBox<String>>query().getSelectionModel().select(
                    "ODE-MAIN"));

            showTab(robot, "#libraryTabs", "#libraryTabSeries");
            fill(robot, "#librarySeriesPrefix", "4300");
            fill(robot, "#librarySeriesDigits", "5");
            fill(robot, "#librarySeriesFrom", "0");
            fill(robot, "#librarySeriesTo", "99999");
            click(robot, "#librarySeriesAdd");
            waitUntil(() -> robot.lookup("#librarySeries").queryAs(ListView.class).getItems().size() == 1);

            showTab(robot, "#libraryTabs", "#libraryTabCategories");
            category(robot, "STUDENT", "Student", "Studerende", "", "");
            // A category whose ages are wrong way round is refused at once, with the field and reason.
            category(robot, "RESEARCHER", "Visiting researcher", "Gæsteforsker", "40", "25");
            waitUntil(() -> robot.lookup("#libraryProblems").queryAs(ListView.class).getItems().stream()
                    .anyMatch(p -> p.toString().equals("categories[1].maxAge: At least the lowest age, 40.")));
            fill(robot, "#libraryCategoryMinAge", "25");
            fill(robot, "#libraryCategoryMaxAge", "");
            click(robot, "#libraryCategoryAdd");
            waitUntil(() -> robot.lookup("#libraryCategories").queryAs(ListView.class).getItems().size() == 2);

            click(robot, "#librarySave");
            waitForText(robot, "#libraryMessage", "Odense University Library (ODENSE-UB) is created");
            waitForText(robot, "#libraryVersion", "Settings version 1: Odense University Library (ODENSE-UB)");
            java.util.List<String> series = central.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT prefix FROM card_series WHERE library_code = 'ODENSE-UB'").mapTo(String.class).list());
            assertThat(series).containsExactly("4300");

            showTab(robot, "#libraryTabs", "#libraryTabLoanRules");
            waitForText(robot, "#libraryPublishRules", "Publish as version 1");
            interact(() -> robot.lookup("#libraryRulesEn").queryAs(TextArea.class).setText("Loan rules, version 1."));
            interact(() -> robot.lookup("#libraryRulesDa").queryAs(TextArea.class).setText("Låneregler, version 1."));
            click(robot, "#libraryPublishRules");
            waitForText(robot, "#libraryMessage", "Loan rules version 1 are published");

            // The library's first administrator and its first desk's code come from the central's machine.
            String password = find(TestLibraries.operator(central, "add-admin", "ODENSE-UB", "ode.admin",
                    "Ole Dam"), "at the first sign-in\\): (\\S+)");
            String code = find(TestLibraries.operator(central, "enrolment-code", "ODENSE-UB", "Front desk 1"),
                    "at ODENSE-UB: (\\S+) ");

            // A new desk joins the library with the code, and is started again.
            desk = new DeskConfig(dataDir.resolve("odense-desk"), "DEMO-DK", Locale.ENGLISH);
            restartDesk();
            waitUntil(() -> visible(robot, "#signInScreen"));
            clickOn(robot, "#enrolToggle");
            fill(robot, "#enrolAddress", "http://127.0.0.1:" + port);
            fill(robot, "#enrolCode", code);
            clickOn(robot, "#enrolButton");
            waitForText(robot, "#enrolDone", "“Front desk 1” of Odense University Library (ODENSE-UB)");
            desk = enrolled(dataDir.resolve("odense-desk"));
            assertThat(desk.profile()).isEqualTo("ODENSE-UB");
            restartDesk();

            waitUntil(() -> visible(robot, "#signInScreen"));
            interact(() -> {
                signIn.userName.set("ode.admin");
                signIn.password.set(password);
            });
            interact(() -> signIn.submit());
            waitUntil(() -> visible(robot, "#signInNewPassword"));
            interact(() -> {
                signIn.newPassword.set("quiet harbour lamp by the fjord");
                signIn.repeatPassword.set("quiet harbour lamp by the fjord");
            });
            interact(() -> signIn.submit());
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            assertThat(backend.profile().name()).isEqualTo("Odense University Library");

            // The first card, under the library's rules: too young for a visiting researcher, who is
            // not offered that category.
            scanToDetails(robot, "430000001");
            detailsAndPin(robot, "Holm", "Ida", "2005-03-09");
            waitUntil(() -> visible(robot, "#categoryList"));
            assertThat(robot.lookup("#categoryList").<app.carddesk.domain.PatronCategory>queryListView().getItems())
                    .extracting(app.carddesk.domain.PatronCategory::code).contains("STUDENT")
                    .doesNotContain("RESEARCHER");
            clickOn(robot, "Student");
            clickOn(robot, "#nextButton");
            waitUntil(() -> visible(robot, "#pickupBox"));
            assertThat(robot.lookup("#pickupBox").<org.controlsfx.control.SearchableComboBox<?>>query().getItems())
                    .hasSize(2);
            clickOn(robot, "#nextButton");
            waitUntil(() -> visible(robot, "#toldLoanRules"));
            clickOn(robot, "#toldComeBack");
            clickOn(robot, "#toldLoanRules");
            clickOn(robot, "#cardHandedOver");
            clickOn(robot, "#nextButton");
            waitForText(robot, "#success", "Card 430000001 is issued to Ida Holm");
            assertThat(patronRow("card_number", "430000001")).containsEntry("category_code", "STUDENT")
                    .containsEntry("pickup_library_code", "ODE-MAIN");

            // The library's own administrator renames a category and publishes loan rules version 2.
            type(KeyCode.F7);
            waitForText(robot, "#libraryVersion", "Settings version 2: Odense University Library (ODENSE-UB)");
            showTab(robot, "#libraryTabs", "#libraryTabCategories");
            interact(() -> robot.lookup("#libraryCategories").queryAs(ListView.class).getSelectionModel().select(0));
            waitUntil(() -> text(robot, "#libraryCategoryCode").equals("STUDENT"));
            fill(robot, "#libraryCategoryEn", "Degree student");
            click(robot, "#libraryCategoryChange");
            click(robot, "#librarySave");
            waitForText(robot, "#libraryMessage", "Version 3 is stored");
            showTab(robot, "#libraryTabs", "#libraryTabLoanRules");
            waitForText(robot, "#libraryPublishRules", "Publish as version 2");
            interact(() -> robot.lookup("#libraryRulesEn").queryAs(TextArea.class).setText("Loan rules, version 2."));
            click(robot, "#libraryPublishRules");
            waitForText(robot, "#libraryMessage", "Loan rules version 2 are published");

            // One sync round, and the desk works with both.
            backend.sync().orElseThrow().syncOnce();
            waitForText(robot, "#syncLabel", "Settings: version 4");
            type(KeyCode.F2);
            // The scan goes where the keyboard is: the card field, once the checklist has it.
            waitUntil(() -> robot.lookup("#cardField").query().isFocused());
            scanToDetails(robot, "430000002");
            detailsAndPin(robot, "Lund", "Emil", "1999-11-02");
            waitUntil(() -> visible(robot, "#categoryList"));
            waitUntil(() -> robot.lookup("Degree student").tryQuery().isPresent());
            assertThat(new app.carddesk.store.ProfileRepository(backend.database()).configuration("ODENSE-UB")
                    .orElseThrow().loanRules()).extracting(LibraryConfiguration.LoanRules::version)
                    .containsExactly(1, 2);
        }
    }

    private void signIn(FxRobot robot, String user, String password) {
        interact(() -> {
            signIn.userName.set(user);
            signIn.password.set(password);
        });
        interact(() -> signIn.submit());
        awaitDesk();
        waitUntil(() -> !visible(robot, "#signInScreen"));
        waitUntil(() -> visible(robot, "#navAdmin"));
    }

    /** A patron in Odense with their own PIN, from the details step to the category step. */
    private void detailsAndPin(FxRobot robot, String surname, String givenName, String born) {
        fill(robot, "#surnameField", surname);
        fill(robot, "#givenNameField", givenName);
        fill(robot, "#birthDateField", born);
        fill(robot, "#addressField", "Rugårdsvej 4");
        fill(robot, "#postalCodeField", "5000");
        fill(robot, "#cityField", "Odense C");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pinField"));
        fill(robot, "#pinField", "4826");
        fill(robot, "#pinRepeatField", "4826");
        clickOn(robot, "#changeAdvised");
        clickOn(robot, "#nextButton");
    }

    private void category(FxRobot robot, String code, String en, String da, String min, String max) {
        fill(robot, "#libraryCategoryCode", code);
        fill(robot, "#libraryCategoryEn", en);
        fill(robot, "#libraryCategoryDa", da);
        fill(robot, "#libraryCategoryMinAge", min);
        fill(robot, "#libraryCategoryMaxAge", max);
        click(robot, "#libraryCategoryAdd");
    }

    /** The desk as its settings file says after it joined: the central's address, its credential, its library. */
    private static DeskConfig enrolled(Path dir) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("carddesk.properties"))) {
            p.load(in);
        }
        return new DeskConfig(dir, p.getProperty("carddesk.profile"), Locale.ENGLISH,
                p.getProperty("carddesk.central.url"), p.getProperty("carddesk.central.token"), 15);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
