package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Register national ID and merge let one record take over another person: where names or birth
 * dates differ, staff see it marked and must say it is one person; contact data stays only where
 * staff confirmed it.
 */
class SamePersonGuardIT extends DeskUiIT {

    @Test
    void anotherPersonsNumberNeedsAnExplicitConfirmationAndContactDataIsChosen(FxRobot robot) {
        UUID id = issueDirectly("409900500", "Berg", "Anna", LocalDate.of(1990, 5, 17), "anna@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.database().jdbi().useHandle(h -> h.execute(
                "UPDATE patron SET phone = '+45 12 34 56 78', phone_key = '4512345678' WHERE id = ?", id));
        scan(robot, "409900500");
        waitForText(robot, "#patronTitle", "Anna Berg");
        click(robot, "#registerIdButton");
        setText(robot, "#convertIdentityField", "300601-4002");
        click(robot, "#convertIdentityField");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Amira Hassan");
        waitForText(robot, "#differencesText", "Not the same as this record: name, birth date.");
        assertThat(robot.lookup("#registerName").query().getStyleClass()).contains("differs");
        assertThat(text(robot, "#currentEmail")).isEqualTo("anna@example.org");
        assertThat(robot.lookup("#keepEmail").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("another person's address is not kept unless staff say so").isFalse();

        click(robot, "#convertSave");
        waitForText(robot, "#convertProblem", "The name or birth date differ");
        assertThat(visible(robot, "#cardCut")).isFalse();

        click(robot, "#samePerson");
        click(robot, "#keepPhone");
        click(robot, "#convertSave");
        // What Save would take away is said before it goes.
        waitUntil(() -> robot.lookup("#confirm-DROP_CONTACT").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-DROP_CONTACT").queryAs(javafx.scene.control.DialogPane.class)
                .getContentText()).contains("Saving removes anna@example.org from the record");
        click(robot, "#confirmGoAhead");
        waitUntil(() -> visible(robot, "#cardCut"));
        click(robot, "#cardCut");
        click(robot, "#convertFinish");
        waitForText(robot, "#patronSuccess", "card 409900500 is retired for good");
        Map<String, Object> row = patronRow("id", id);
        assertThat(row).containsEntry("surname", "Hassan").containsEntry("phone", "+45 12 34 56 78");
        assertThat(row.get("email")).as("cleared: staff did not confirm it").isNull();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE patron_id = ? AND action = 'NATIONAL_ID_REGISTERED' "
                + "AND detail LIKE '%emailKept=false;phoneKept=true%'", id)).isEqualTo(1);
    }

    @Test
    void enterAfterSayingItIsTheSamePersonKeepsTheContactDataStaffWereAskedAbout(FxRobot robot) {
        UUID id = issueDirectly("409900505", "Schneider", "Anna", LocalDate.of(1990, 5, 17), "anna@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900505");
        waitForText(robot, "#patronTitle", "Anna Schneider");
        click(robot, "#registerIdButton");
        setText(robot, "#convertIdentityField", "300601-4002");
        click(robot, "#convertIdentityField");
        type(KeyCode.ENTER);
        waitForText(robot, "#differencesText", "Not the same as this record: name, birth date.");
        // The same person: ticked, and Enter on the tick box goes on.
        click(robot, "#samePerson");
        type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#confirm-DROP_CONTACT").tryQuery().isPresent());
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#cardCut"));
        click(robot, "#cardCut");
        click(robot, "#convertFinish");
        waitForText(robot, "#patronSuccess", "retired for good");
        assertThat(patronRow("id", id)).as("kept: Enter answers with the choice that keeps")
                .containsEntry("email", "anna@example.org");
    }

    @Test
    void theSamePersonGoesOnWithEnterAndKeepsTheirContactData(FxRobot robot) {
        UUID id = issueDirectly("409900510", "Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900510");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        click(robot, "#registerIdButton");
        setText(robot, "#convertIdentityField", "300601-4002");
        click(robot, "#convertIdentityField");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Amira Hassan");
        assertThat(visible(robot, "#samePerson")).isFalse();
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#cardCut"));
        click(robot, "#cardCut");
        click(robot, "#convertFinish");
        waitForText(robot, "#patronSuccess", "retired for good");
        assertThat(patronRow("id", id)).containsEntry("email", "amira@example.org");
    }

    @Test
    void aMergeOfDifferentDetailsNeedsAnExplicitConfirmation(FxRobot robot) {
        UUID temporary = issueDirectly("409900520", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        UUID other = issueDirectly("409900521", "Nilsson", "Sofia", LocalDate.of(1989, 2, 1), "sofia@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        registeredWithCpr(other, "1207981504");
        scan(robot, "409900520");
        waitForText(robot, "#patronTitle", "Sofie Nielsen");
        click(robot, "#registerIdButton");
        setText(robot, "#convertIdentityField", "1207981504");
        click(robot, "#convertIdentityField");
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#mergeBox"));
        waitForText(robot, "#mergeDifferencesText", "name, birth date");
        assertThat(robot.lookup("#mergeOther-name").query().getStyleClass()).contains("differs");
        assertThat(robot.lookup("#mergeOther-birthDate").query().getStyleClass()).contains("differs");

        click(robot, "#mergedCardCut");
        click(robot, "#mergeButton");
        waitForText(robot, "#patronMessage", "The name or birth date differ");
        assertThat(count("SELECT COUNT(*) FROM patron")).as("nothing merged").isEqualTo(2);

        click(robot, "#mergeSamePerson");
        click(robot, "#mergeButton");
        waitForText(robot, "#patronSuccess", "retired for good");
        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", temporary)).isZero();
    }
}
