package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scanner ends every scan with Enter. Scanned while a question is open, a card must not answer
 * it: the question stays, nothing changes, and staff are offered the card afterwards.
 */
class DialogScanIT extends DeskUiIT {

    @Test
    void aScanIntoUnsubscribeKeepsThePatronAndOffersTheCardAfterwards(FxRobot robot) {
        UUID id = issueDirectly("409900400", "Hassan", "Amira", LocalDate.of(2001, 6, 30), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900400");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        long queued = count("SELECT COUNT(*) FROM outbox");
        clickOn(robot, "#unsubscribeButton");

        scanIntoQuestion(robot, "UNSUBSCRIBE", "409900401");
        assertThat(text(robot, "#confirmGoAhead")).isEqualTo("Unsubscribe");
        assertThat(text(robot, "#confirmKeep")).isEqualTo("Keep the patron");
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty());
        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", id)).as("Enter keeps the patron").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM card WHERE status = 'RETIRED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox")).as("nothing queued for the register").isEqualTo(queued);

        waitForText(robot, "#heldLabel", "Card 409900401 was scanned while a question was open.");
        clickOn(robot, "#continueHeld");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        assertThat(context.issue().card.get().value()).isEqualTo("409900401");
        assertThat(visible(robot, "#heldBar")).isFalse();
    }

    @Test
    void aScanIntoDeleteExpiredDeletesNothing(FxRobot robot) {
        UUID expired = issueDirectly("409900410", "Silva", "João", LocalDate.of(1990, 1, 1), null,
                RegistrationKind.SHORT_STAY, TODAY.plusDays(10));
        backend.database().jdbi().useHandle(h -> h.execute("UPDATE patron SET expires_on = ? WHERE id = ?",
                TODAY.minusDays(3), expired));
        type(KeyCode.F3);
        waitUntil(() -> robot.lookup("#expiringTable").queryTableView().getItems().size() == 1);
        clickOn(robot, "#deleteExpired");

        scanIntoQuestion(robot, "DELETE_EXPIRED", "409900411");
        clickOn(robot, "#confirmKeep");
        waitUntil(() -> openDialog().isEmpty());
        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", expired)).isEqualTo(1);
        waitForText(robot, "#heldLabel", "409900411");
        clickOn(robot, "#dismissHeld");
        waitUntil(() -> !visible(robot, "#heldBar"));
    }

    @Test
    void aScanIntoCancelLeaveAndCloseKeepsTheChecklist(FxRobot robot) {
        scanToDetails(robot, "409900420");
        setText(robot, "#surnameField", "Larsen");

        clickOn(robot, "#cancelButton");
        scanIntoQuestion(robot, "CANCEL_CHECKLIST", "409900421");
        clickOn(robot, "#confirmKeep");
        waitUntil(() -> openDialog().isEmpty());
        assertThat(text(robot, "#surnameField")).isEqualTo("Larsen");

        type(KeyCode.F3);
        scanIntoQuestion(robot, "LEAVE_CHECKLIST", "409900422");
        type(KeyCode.ESCAPE);
        waitUntil(() -> openDialog().isEmpty());
        assertThat(visible(robot, "#surnameField")).isTrue();

        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        scanIntoQuestion(robot, "CLOSE_WINDOW", "409900423");
        clickOn(robot, "#confirmKeep");
        waitUntil(() -> openDialog().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(text(robot, "#surnameField")).isEqualTo("Larsen");
        assertThat(context.issue().card.get().value()).isEqualTo("409900420");
        waitForText(robot, "#heldLabel", "409900423");
    }

    @Test
    void aCardAloneIsLeftOrReplacedWithoutAQuestion(FxRobot robot) {
        scan(robot, "409900440");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        scan(robot, "409900441");
        waitUntil(() -> context.issue().card.get() != null
                && context.issue().card.get().value().equals("409900441"));
        assertThat(openDialog()).as("nothing typed, nothing to lose: the new card is taken").isEmpty();
        clickOn(robot, "#cancelButton");
        waitUntil(() -> visible(robot, "#cardField"));
        assertThat(openDialog()).isEmpty();
    }

    @Test
    void aSecondScanIntoTheNewCardQuestionKeepsWhatWasTyped(FxRobot robot) {
        scanToDetails(robot, "409900430");
        setText(robot, "#surnameField", "Larsen");
        scan(robot, "409900431");
        scanIntoQuestion(robot, "SCAN_DISCARDS", "409900432");
        clickOn(robot, "#confirmKeep");
        waitUntil(() -> openDialog().isEmpty());
        assertThat(context.issue().card.get().value()).isEqualTo("409900430");
        assertThat(text(robot, "#surnameField")).isEqualTo("Larsen");
        waitForText(robot, "#heldLabel", "409900432");
    }

    @Test
    void afterTheQuestionsTheKeyboardIsBackWhereStaffWereTyping(FxRobot robot) {
        scanToDetails(robot, "409900450");
        setText(robot, "#surnameField", "Wang");
        fill(robot, "#givenNameField", "Xiao");
        scan(robot, "409900451");
        scanIntoQuestion(robot, "SCAN_DISCARDS", "409900452");
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty() && visible(robot, "#heldBar"));
        // Answered, staff go on typing where they were; the bar waits for them.
        var given = robot.lookup("#givenNameField").queryAs(javafx.scene.control.TextField.class);
        waitUntil(given::isFocused);
        assertThat(given.getSelectedText()).as("the next key adds to the name, it does not replace it").isEmpty();
        assertThat(given.getCaretPosition()).isEqualTo(4);
        typeSlowly(robot, "ming");
        assertThat(text(robot, "#givenNameField")).isEqualTo("Xiaoming");
        // Offered the held card from the bar and kept the typing again, they are back in the name too.
        clickOn(robot, "#continueHeld");
        waitUntil(() -> openDialog().isPresent());
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty() && !visible(robot, "#heldBar"));
        waitUntil(given::isFocused);
        assertThat(given.getSelectedText()).isEmpty();
        typeSlowly(robot, " Li");
        assertThat(text(robot, "#givenNameField")).isEqualTo("Xiaoming Li");
        assertThat(text(robot, "#surnameField")).isEqualTo("Wang");
        assertThat(context.issue().card.get().value()).isEqualTo("409900450");
    }

    @Test
    void questionsSpeakTheDesksLanguage(FxRobot robot) {
        interact(() -> context.main().locale.set(java.util.Locale.forLanguageTag("da")));
        scanToDetails(robot, "409900442");
        setText(robot, "#surnameField", "Larsen");
        clickOn(robot, "#cancelButton");
        waitUntil(() -> openDialog().isPresent());
        assertThat(text(robot, "#confirmGoAhead")).isEqualTo("Kassér det, jeg har skrevet");
        assertThat(text(robot, "#confirmKeep")).isEqualTo("Behold det, jeg har skrevet");
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty());
        assertThat(context.issue().card.get().value()).as("Enter keeps").isEqualTo("409900442");
    }

    /** Scans a card into the open question: it stays open, unanswered, and says which card came. */
    private void scanIntoQuestion(FxRobot robot, String question, String card) {
        waitUntil(() -> openDialog().map(w -> ("confirm-" + question).equals(w.getScene().getRoot().getId()))
                .orElse(false));
        scan(robot, card);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = (DialogPane) openDialog().orElseThrow(() -> new AssertionError("the scan answered "
                + question)).getScene().getRoot();
        waitUntil(() -> pane.getHeaderText() != null && pane.getHeaderText().contains(card));
    }
}
