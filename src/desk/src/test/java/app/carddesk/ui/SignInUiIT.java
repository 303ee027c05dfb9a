package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.DemoStaff;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The desk opens on its sign-in screen with nothing of the register open behind it, a scan only
 * says to sign in first, a wrong password says so, the demo account (shown on a demo desk on its own) signs in
 * with the keyboard alone, and "Switch user" brings the screen back for the next person.
 */
class SignInUiIT extends DeskUiIT {

    @Override
    boolean startsSignedIn() {
        return false;
    }

    @Test
    void staffSignInWithTheKeyboardAndAScanBeforeThatOnlySaysToSignInFirst(FxRobot robot) {
        waitUntil(() -> visible(robot, "#signInScreen"));
        assertThat(text(robot, "#signInDemo")).contains("demo.dk").contains(DemoStaff.PASSWORD);
        assertThat(robot.lookup("#navIssue").tryQuery()).as("no desk behind the screen yet").isEmpty();
        assertThat(context).isNull();
        waitUntil(() -> robot.lookup("#signInUser").query().isFocused());

        scan(robot, "409900001");
        waitUntil(() -> text(robot, "#signInProblem").startsWith("Sign in first"));
        assertThat(text(robot, "#signInUser")).isEmpty();

        typeSlowly(robot, "demo.dk");
        waitUntil(() -> text(robot, "#signInProblem").isEmpty());
        type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#signInPassword").query().isFocused());
        typeSlowly(robot, "not-the-password");
        type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#signInProblem").equals("Wrong user name or password."));
        assertThat(text(robot, "#signInPassword")).as("a refused password is not kept").isEmpty();
        assertThat(visible(robot, "#signInScreen")).isTrue();

        typeSlowly(robot, DemoStaff.PASSWORD);
        type(KeyCode.ENTER);
        awaitDesk();
        waitUntil(() -> !visible(robot, "#signInScreen"));
        assertThat(text(robot, "#staffLabel")).contains("demo.dk");
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        assertThat(robot.lookup("#navIssue").query().isDisabled()).isFalse();
        assertThat(context.issue().card.get()).as("the scan before sign-in was not kept").isNull();
        assertThat(context.issue().step.get()).isEqualTo(app.carddesk.ui.issuecard.Step.CARD);

        scan(robot, "409900001");
        waitUntil(() -> visible(robot, "#withoutRadio"));
    }

    @Test
    void switchUserBringsTheSignInScreenBackAndTheNextPersonSignsIn(FxRobot robot) {
        waitUntil(() -> visible(robot, "#signInScreen"));
        signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
        awaitDesk();
        waitUntil(() -> !visible(robot, "#signInScreen"));
        assertThat(backend.signIn().staff().staffUser()).isEqualTo("demo.dk");

        // Alt + the underlined letter, as staff switch without the mouse.
        type(KeyCode.ALT, KeyCode.T);
        waitUntil(() -> visible(robot, "#signInScreen"));
        // The screen turns at once; the desk lets the session go on its background thread, after
        // whatever the person had started there.
        waitUntil(() -> backend.signIn().staff().current().isEmpty());
        assertThat(text(robot, "#signInUser")).isEmpty();
        waitUntil(() -> robot.lookup("#signInUser").query().isFocused());
        assertThat(robot.lookup("#navIssue").query().isDisabled()).isTrue();
    }

    @Test
    void theNextPersonInAnotherLanguageFindsTheKeyboardInTheCardField(FxRobot robot) {
        waitUntil(() -> visible(robot, "#signInScreen"));
        signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
        awaitDesk();
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        type(KeyCode.ALT, KeyCode.T);
        waitUntil(() -> visible(robot, "#signInScreen"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<java.util.Locale> language = robot.lookup("#signInLanguage").queryAs(
                javafx.scene.control.ComboBox.class);
        interact(() -> language.setValue(java.util.Locale.forLanguageTag("da")));
        waitUntil(() -> text(robot, "#signInButton").replace("_", "").equals("Log ind"));
        signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
        waitUntil(() -> !visible(robot, "#signInScreen"));
        // A number typed by hand goes where card numbers belong.
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());

        // The language chosen on the main screen, from its box, and the next person after that.
        interact(() -> robot.lookup("#languageBox").query().requestFocus());
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<java.util.Locale>>query()
                .setValue(java.util.Locale.ENGLISH));
        waitUntil(() -> robot.lookup("#navIssue").<javafx.scene.control.Labeled>query().getText().startsWith("Issue"));
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
        click(robot, "#switchUser");
        waitUntil(() -> visible(robot, "#signInScreen"));
        signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
        waitUntil(() -> !visible(robot, "#signInScreen"));
        waitUntil(() -> robot.lookup("#cardField").query().isFocused());
    }

    @Test
    void altAndAFieldsLetterPutsTheCursorThere(FxRobot robot) {
        waitUntil(() -> robot.lookup("#signInUser").query().isFocused());
        type(KeyCode.ALT, KeyCode.P);
        waitUntil(() -> robot.lookup("#signInPassword").query().isFocused());
        type(KeyCode.ALT, KeyCode.U);
        waitUntil(() -> robot.lookup("#signInUser").query().isFocused());
        type(KeyCode.ALT, KeyCode.G);
        waitUntil(() -> robot.lookup("#signInLanguage").query().isFocused());
    }

    @Test
    void theNextPersonChoosesTheirLanguageBeforeSigningIn(FxRobot robot) {
        waitUntil(() -> visible(robot, "#signInScreen"));
        interact(() -> signIn.userName.set("demo.dk"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<java.util.Locale> language = robot.lookup("#signInLanguage").queryAs(
                javafx.scene.control.ComboBox.class);
        interact(() -> language.setValue(java.util.Locale.forLanguageTag("da")));
        waitUntil(() -> text(robot, "#signInButton").replace("_", "").equals("Log ind"));
        assertThat(text(robot, "#signInUser")).as("what was typed stays").isEqualTo("demo.dk");
        assertThat(visible(robot, "#signInScreen")).isTrue();
    }

    @Test
    void theDeskLocksItselfWhenLeftUnusedAndTheSamePersonSignsInAgain(FxRobot robot) {
        signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
        awaitDesk();
        waitUntil(() -> !visible(robot, "#signInScreen"));
        // What the desk's idle timer does when it runs out (after carddesk.idle.minutes).
        interact(() -> signIn.lockIdle(10));
        waitUntil(() -> visible(robot, "#signInScreen"));
        assertThat(text(robot, "#signInProblem")).contains("10 minutes");
        assertThat(text(robot, "#signInUser")).isEqualTo("demo.dk");
        waitUntil(() -> robot.lookup("#signInPassword").query().isFocused());
        typeSlowly(robot, DemoStaff.PASSWORD);
        type(KeyCode.ENTER);
        waitUntil(() -> !visible(robot, "#signInScreen"));
    }
}
