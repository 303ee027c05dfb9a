package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The whole checklist with the keyboard and a scanner only: Enter moves on from every step, the
 * card being issued stays in sight, and the keys it takes are counted.
 */
class KeyboardChecklistIT extends DeskUiIT {

    private int keys;

    private void key(FxRobot robot, KeyCode... codes) {
        for (KeyCode c : codes) {
            type(c);
            keys++;
        }
    }

    private void write(FxRobot robot, String text) {
        // At a person's pace (TestFX pauses after every character): a burst would be a scan.
        robot.write(text, 0);
        keys += text.length();
    }

    private void tabTo(FxRobot robot, String query) {
        for (int i = 0; i < 12 && !robot.lookup(query).query().isFocused(); i++) {
            key(robot, KeyCode.TAB);
        }
        assertThat(robot.lookup(query).query().isFocused()).as(query + " reached with Tab").isTrue();
    }

    @Test
    void backOnTheChecklistFromAnotherScreenTheCardFieldHasTheKeyboard(FxRobot robot) {
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        // Which blank cards are the library's is said before one is refused.
        assertThat(text(robot, "#cardSeries")).isEqualTo("This library’s cards look like 4099##### (each # a digit).");
        type(javafx.scene.input.KeyCode.F5);
        waitUntil(() -> robot.lookup("#findQuery").query().isFocused());
        type(javafx.scene.input.KeyCode.F2);
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        typeSlowly(robot, "409900809");
        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#withoutRadio"));
    }

    @Test
    void eachScreenOpenedByItsKeyStartsWithTheKeyboardInItsList(FxRobot robot) {
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        // The work queue's list sits in a tab: it is part of the screen once the screen is laid out.
        type(KeyCode.F3);
        waitUntil(() -> visible(robot, "#expiringTable") && robot.lookup("#expiringTable").query().isFocused());
        type(KeyCode.F4);
        waitUntil(() -> visible(robot, "#attentionTable") && robot.lookup("#attentionTable").query().isFocused());
        type(KeyCode.F3);
        waitUntil(() -> robot.lookup("#expiringTable").query().isFocused());
    }

    @Test
    void altAndTheLanguagesLetterReachesTheLanguageBox(FxRobot robot) {
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        type(KeyCode.ALT, KeyCode.G);
        waitUntil(() -> robot.lookup("#languageBox").query().isFocused());
        // A number typed by hand from there goes to the card field, not nowhere.
        typeSlowly(robot, "409");
        waitUntil(() -> robot.lookup("#cardField").query().isFocused() && text(robot, "#cardField").equals("409"));
    }

    @Test
    void aLanguageChosenFromTheOpenListWithTheKeyboardLeavesTheChecklistWhereItWas(FxRobot robot) {
        scan(robot, "409900808");
        waitUntil(() -> visible(robot, "#withoutRadio") && robot.lookup("#withoutRadio").query().isFocused());
        interact(() -> robot.lookup("#languageBox").query().requestFocus());
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<?>>query().isShowing());
        // English is the last in the list; the one above it is Norwegian.
        key(robot, KeyCode.UP);
        assertThat(robot.lookup("#navIssue").<javafx.scene.control.Labeled>query().getText())
                .as("nothing changes while the list is open").startsWith("Issue");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#navIssue").<javafx.scene.control.Labeled>query().getText().contains("Utsted"));
        assertThat(context.issue().step.get()).as("the Enter chose the language and moved nothing on")
                .isEqualTo(app.carddesk.ui.issuecard.Step.IDENTITY);
        waitUntil(() -> visible(robot, "#withoutRadio"));
    }

    @Test
    void aLanguageChosenOnAnotherScreenLeavesTheKeyboardInItsFirstField(FxRobot robot) {
        // Administration, whose parts show by the person's roles: its first field is laid out last.
        type(KeyCode.F7);
        waitUntil(() -> visible(robot, "#libraryTabs") && robot.lookup("#libraryTabs").query().isFocused());
        // Chosen with the mouse from the open list.
        robot.clickOn("#languageBox");
        waitUntil(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<?>>query().isShowing());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("Norsk bokmål")).<javafx.scene.Node>query());
        waitUntil(() -> robot.lookup("#navIssue").<javafx.scene.control.Labeled>query().getText().contains("Utsted"));
        // What is typed next goes to the screen, not nowhere (where a fast burst counts as a scan).
        waitUntil(() -> visible(robot, "#libraryTabs") && robot.lookup("#libraryTabs").query().isFocused());
    }

    @Test
    void fieldsPassedOverEmptyAreNotMarkedUntilNext(FxRobot robot) {
        scan(robot, "409900807");
        waitUntil(() -> visible(robot, "#withoutRadio") && robot.lookup("#withoutRadio").query().isFocused());
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#surnameField").query().isFocused());
        tabTo(robot, "#birthDateField");
        write(robot, "31-02-2001");
        tabTo(robot, "#emailField");
        assertThat(text(robot, "#surnameProblem")).as("passed over empty").isEmpty();
        assertThat(text(robot, "#givenNameProblem")).isEmpty();
        waitForText(robot, "#birthDateProblem", "There is no such day");
        interact(() -> robot.lookup("#nextButton").queryButton().fire());
        waitForText(robot, "#surnameProblem", "Type the patron’s surname.");
        waitForText(robot, "#givenNameProblem", "Type the patron’s first name.");
        // In another language the same fields stay marked.
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<java.util.Locale>>query()
                .setValue(java.util.Locale.forLanguageTag("nb")));
        waitForText(robot, "#surnameProblem", "Skriv lånerens etternavn.");
        waitUntil(() -> {
            var marks = org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup("#surnameField").query());
            return marks != null && !marks.isEmpty();
        });
        waitForText(robot, "#message", "se de merkede feltene");
        // Put right, field by field: the summary goes with the last mark.
        fill(robot, "#surnameField", "Okafor");
        fill(robot, "#givenNameField", "Chidi");
        assertThat(text(robot, "#message")).contains("se de merkede feltene");
        fill(robot, "#birthDateField", "14.03.2001");
        fill(robot, "#addressField", "Storgata 1");
        fill(robot, "#postalCodeField", "0150");
        fill(robot, "#cityField", "Oslo");
        waitUntil(() -> !visible(robot, "#message"));
    }

    @Test
    void aStudentWithAnEmailedPinWithEnterThroughEveryStep(FxRobot robot) {
        scan(robot, "409900801");
        waitUntil(() -> visible(robot, "#withoutRadio") && robot.lookup("#withoutRadio").query().isFocused());
        waitForText(robot, "#cardBadge", "Card 409900801");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#surnameField").query().isFocused());
        write(robot, "Okafor");
        tabTo(robot, "#givenNameField");
        write(robot, "Chidi");
        tabTo(robot, "#birthDateField");
        write(robot, "14-03-2001");
        tabTo(robot, "#addressField");
        write(robot, "Amagerfælledvej 56");
        tabTo(robot, "#postalCodeField");
        write(robot, "2300");
        tabTo(robot, "#cityField");
        write(robot, "København S");
        tabTo(robot, "#emailField");
        write(robot, "chidi@example.org");
        tabTo(robot, "#phoneField");
        // Past the last field, Tab reaches Next before Back and Cancel.
        key(robot, KeyCode.TAB);
        assertThat(robot.lookup("#nextButton").query().isFocused()).as("Tab after the phone").isTrue();
        key(robot, KeyCode.TAB);
        assertThat(robot.lookup("#backButton").query().isFocused()).isTrue();
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        keys++;
        assertThat(robot.lookup("#nextButton").query().isFocused()).as("Shift+Tab back to Next").isTrue();
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#emailPinRadio").query().isFocused());
        assertThat(text(robot, "#cardBadge")).isEqualTo("Card 409900801");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#categoryList").query().isFocused());
        key(robot, KeyCode.DOWN, KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#pickupBox"));
        key(robot, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#toldComeBack").query().isFocused());
        key(robot, KeyCode.SPACE, KeyCode.TAB, KeyCode.SPACE, KeyCode.TAB, KeyCode.SPACE, KeyCode.ENTER);
        waitForText(robot, "#success", "Card 409900801 is issued to Chidi Okafor");
        assertThat(count("SELECT COUNT(*) FROM patron WHERE card_number = '409900801'")).isEqualTo(1);
        System.out.println("KEYSTROKES student-emailed-pin " + keys);
    }

    @Test
    void aCprFetchedWithEnterThenEnterAgainMovesOn(FxRobot robot) {
        scan(robot, "409900802");
        waitUntil(() -> visible(robot, "#withIdRadio"));
        // The national ID choice comes first in Tab order from the focused "without" choice.
        key(robot, KeyCode.UP);
        waitUntil(() -> robot.lookup("#withIdRadio").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        tabTo(robot, "#identityField");
        write(robot, "150390-1001");
        key(robot, KeyCode.ENTER);
        waitForText(robot, "#fetchedName", "Maja Lindqvist");
        key(robot, KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#phoneField"));
        key(robot, KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#pinField"));
        tabTo(robot, "#pinField");
        write(robot, "7391");
        tabTo(robot, "#pinRepeatField");
        write(robot, "7391");
        key(robot, KeyCode.ENTER);
        waitForText(robot, "#pinProblem", "Ask the patron to change the PIN soon");
        waitUntil(() -> robot.lookup("#changeAdvised").query().isFocused());
        assertThat(robot.lookup("#changeAdvised").query().getPseudoClassStates().toString()).contains("error");
        // The mark is on the box the sentence is about; the PIN typed is fine and carries none.
        waitUntil(() -> marks(robot, "#changeAdvised") == 1);
        waitUntil(() -> marks(robot, "#pinField") == 0);
        key(robot, KeyCode.SPACE, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#categoryList").query().isFocused());
        // The list takes the keyboard with its first row chosen, in sight: Enter goes on with it.
        var categories = robot.lookup("#categoryList").<app.carddesk.domain.PatronCategory>queryListView();
        assertThat(categories.getSelectionModel().getSelectedIndex()).isZero();
        key(robot, KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#pickupBox"));
        assertThat(context.issue().category.get()).isEqualTo(categories.getItems().get(0));
        key(robot, KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#toldLoanRules"));
        key(robot, KeyCode.SPACE, KeyCode.TAB, KeyCode.SPACE, KeyCode.ENTER);
        waitForText(robot, "#success", "Card 409900802 is issued to Maja Lindqvist");
        System.out.println("KEYSTROKES cpr-fetched " + keys);
    }

    @Test
    void aRefusedPinIsTypedAgainFromTheFirstField(FxRobot robot) {
        scanToDetails(robot, "409900803");
        setText(robot, "#surnameField", "Nowak");
        setText(robot, "#givenNameField", "Piotr");
        setText(robot, "#birthDateField", "05-09-1999");
        setText(robot, "#addressField", "Jagtvej 1");
        setText(robot, "#postalCodeField", "2200");
        setText(robot, "#cityField", "København N");
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pinField"));
        setText(robot, "#pinField", "1234");
        setText(robot, "#pinRepeatField", "1234");
        click(robot, "#pinRepeatField");
        key(robot, KeyCode.ENTER);
        waitForText(robot, "#pinProblem", "straight run");
        waitUntil(() -> robot.lookup("#pinField").query().isFocused());
    }

    /** The problem marks (ControlsFX decorations) on a control; none when it never had one. */
    private static int marks(FxRobot robot, String query) {
        var marks = org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup(query).query());
        return marks == null ? 0 : marks.size();
    }
}
