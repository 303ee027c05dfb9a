package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class PatronScreensIT extends DeskUiIT {

    @Test
    void registersACprOnATemporaryPatronAndRetiresTheDestroyedCard(FxRobot robot) {
        UUID id = issueDirectly("409900040", "Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.issuing().upkeep().updateBalances(id, 2500, 1000);

        scan(robot, "409900040");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        assertThat(text(robot, "#fact-identity")).isEqualTo("none yet");
        // The services are listed once the patron's access is worked out, which may follow the title.
        waitUntil(() -> text(robot, "#service-MITID_LOGIN").equals("Log in with MitID: not possible, it needs a CPR "
                + "number."));
        // Her PIN is in a mail that waits at this desk (no central register here): not hers yet.
        waitUntil(() -> text(robot, "#service-CARD_PIN_LOGIN").equals("Log in with card number and PIN: yes, once the "
                + "PIN mail has arrived"));
        click(robot, "#registerIdButton");
        // The panel opens below the patron's details: it is scrolled into view with the keyboard in its field.
        waitUntil(() -> robot.lookup("#convertIdentityField").query().isFocused()
                && inView(robot, "#convertIdentityField"));
        // The window made lower, the field being typed in stays in view; a number refused there has its
        // reason scrolled into view below it.
        interact(() -> stage.setHeight(600));
        waitUntil(() -> robot.lookup("#convertIdentityField").query().isFocused()
                && inView(robot, "#convertIdentityField"));
        fill(robot, "#convertIdentityField", "12345678901");
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#convertProblem") && inView(robot, "#convertProblem"));
        interact(() -> stage.sizeToScene());
        fill(robot, "#convertIdentityField", "300601-4002");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Amira Hassan");
        click(robot, "#convertSave");
        waitUntil(() -> visible(robot, "#cardCut"));
        assertThat(count("SELECT COUNT(*) FROM patron WHERE identity_number IS NOT NULL"))
                .as("nothing is stored before the temporary card is destroyed").isZero();

        click(robot, "#convertFinish");
        waitForText(robot, "#patronMessage", "Cut the temporary card in half");
        click(robot, "#cardCut");
        click(robot, "#convertFinish");
        waitForText(robot, "#patronSuccess", "card 409900040 is retired for good. Give the patron a new card");
        assertThat(text(robot, "#patronMessage")).as("the refusal before it no longer holds").isEmpty();
        // Left without a card, the patron gets one next: the keyboard is on New card, with the reason beside it.
        waitUntil(() -> robot.lookup("#newCardButton").query().isFocused() && inView(robot, "#newCardButton"));
        waitForText(robot, "#noCardHint", "This patron has no card");
        waitUntil(() -> inView(robot, "#noCardHint"));

        Map<String, Object> row = patronRow("id", id);
        assertThat(row).containsEntry("identity_kind", "CPR").containsEntry("identity_number", "3006014002")
                .containsEntry("registration_kind", "NATIONAL_ID").containsEntry("fees_owed_minor", 2500L)
                .containsEntry("print_credit_minor", 1000L);
        assertThat(row.get("card_number")).isNull();
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900040' AND status = 'RETIRED'"))
                .isEqualTo(1);
        assertThat(text(robot, "#fact-identity")).as("the number is masked on screen").isEqualTo("CPR 300601-XXXX");
        waitForText(robot, "#service-MITID_LOGIN", "Log in with MitID: yes");

        scan(robot, "409900040");
        waitForText(robot, "#cardProblem", "can never be issued again");
    }

    @Test
    void leavingANationalIdNotRegisteredYetAsksFirst(FxRobot robot) {
        issueDirectly("409900045", "Hassan", "Amira", LocalDate.of(2001, 6, 30), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900045");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        click(robot, "#registerIdButton");
        fill(robot, "#convertIdentityField", "300601-4002");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Amira Hassan");
        click(robot, "#convertSave");
        waitUntil(() -> visible(robot, "#cardCut"));

        // F2 and a scan ask first: the number is stored only at Finish, once the card is cut.
        type(KeyCode.F2);
        waitUntil(() -> openDialog().map(w -> "confirm-LEAVE_CONVERSION".equals(w.getScene().getRoot().getId()))
                .orElse(false));
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty() && visible(robot, "#cardCut"));
        scan(robot, "409900046");
        waitUntil(() -> openDialog().map(w -> "confirm-SCAN_DISCARDS".equals(w.getScene().getRoot().getId()))
                .orElse(false));
        type(KeyCode.ENTER);
        waitUntil(() -> openDialog().isEmpty() && visible(robot, "#cardCut"));
        assertThat(text(robot, "#patronTitle")).isEqualTo("Amira Hassan");

        type(KeyCode.F2);
        waitUntil(() -> openDialog().isPresent());
        click(robot, "#confirmGoAhead");
        waitUntil(() -> visible(robot, "#cardField"));
        assertThat(count("SELECT COUNT(*) FROM patron WHERE identity_number IS NOT NULL")).isZero();
        scan(robot, "409900045");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        assertThat(visible(robot, "#cardCut")).as("the panel is closed, not left half done").isFalse();
        assertThat(text(robot, "#fact-identity")).isEqualTo("none yet");
    }

    @Test
    void finishingBeforeTheCardIsCutIsRefusedWhereStaffLook(FxRobot robot) {
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        issueDirectly("409900047", "Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900047");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        // By the keyboard alone: Alt+R, the number, Enter to fetch, Enter to accept, Alt+H to finish.
        type(KeyCode.ALT, KeyCode.R);
        waitUntil(() -> robot.lookup("#convertIdentityField").query().isFocused());
        setText(robot, "#convertIdentityField", "3006014002");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Amira Hassan");
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#cardCut"));
        type(KeyCode.ALT, KeyCode.H);
        waitForText(robot, "#patronMessage", "Cut the temporary card in half and tick the box first.");
        waitUntil(() -> inView(robot, "#patronMessage"));
    }

    @Test
    void refusesToConvertWhenTheNationalIdBelongsToAnotherPatron(FxRobot robot) {
        issueDirectly("409900050", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        UUID other = issueDirectly("409900051", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), "sofie@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900050");
        waitForText(robot, "#patronTitle", "Sofie Nielsen");
        click(robot, "#registerIdButton");
        fill(robot, "#convertIdentityField", "1207981504");
        click(robot, "#convertFetch");
        waitForText(robot, "#registerName", "Sofie Nielsen");
        click(robot, "#convertSave");
        click(robot, "#cardCut");
        backend.database().jdbi().useHandle(h -> h.execute(
                "UPDATE patron SET identity_kind = 'CPR', identity_number = '1207981504' WHERE id = ?", other));
        click(robot, "#convertFinish");
        waitForText(robot, "#patronMessage", "registered already");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900050' AND status = 'ISSUED'"))
                .as("the card stays in use when nothing was converted").isEqualTo(1);
    }

    @Test
    void mergesAPatronWhoRegisteredTwiceKeepingTheCardInHandAndBothBalances(FxRobot robot) {
        UUID temporary = issueDirectly("409900080", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        UUID selfRegistered = issueDirectly("409900081", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12),
                "sofie@example.org", RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.issuing().upkeep().updateBalances(temporary, 2000, 0);
        backend.issuing().upkeep().updateBalances(selfRegistered, 0, 1500);
        registeredWithCpr(selfRegistered, "1207981504");

        scan(robot, "409900080");
        waitForText(robot, "#patronTitle", "Sofie Nielsen");
        click(robot, "#registerIdButton");
        fill(robot, "#convertIdentityField", "1207981504");
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#mergeBox"));
        assertThat(text(robot, "#convertProblem")).contains("belongs to another record");
        assertThat(text(robot, "#mergeThis-card")).isEqualTo("409900080");
        assertThat(text(robot, "#mergeOther-card")).isEqualTo("409900081");
        assertThat(text(robot, "#mergeOther-identity")).as("masked there too").isEqualTo("CPR 120798-XXXX");
        assertThat(text(robot, "#mergeOther-printCredit")).isEqualTo("15,00");

        click(robot, "#mergeButton");
        waitForText(robot, "#patronMessage", "Cut card 409900081 in half");
        assertThat(count("SELECT COUNT(*) FROM patron")).as("nothing merged yet").isEqualTo(2);
        click(robot, "#mergedCardCut");
        click(robot, "#mergeButton");
        waitForText(robot, "#patronSuccess", "card 409900081 is retired for good");

        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", temporary)).isZero();
        Map<String, Object> row = patronRow("id", selfRegistered);
        assertThat(row).containsEntry("card_number", "409900080").containsEntry("identity_number", "1207981504")
                .containsEntry("fees_owed_minor", 2000L).containsEntry("print_credit_minor", 1500L);
        assertThat(text(robot, "#fact-card")).isEqualTo("409900080");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE patron_id = ? AND action = 'PATRON_ISSUED'",
                selfRegistered)).as("both records' history").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'PATRONS_MERGED' AND patron_id = ?",
                selfRegistered)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900081' AND retired_reason = 'MERGED'"))
                .isEqualTo(1);

        scan(robot, "409900081");
        waitForText(robot, "#cardProblem", "can never be issued again");
    }

    @Test
    void aScanIntoTheWrongFieldLosesNothing(FxRobot robot) {
        scanToDetails(robot, "409900060");
        fill(robot, "#surnameField", "Hansen");
        click(robot, "#givenNameField");
        typeSlowly(robot, "Mette");

        scan(robot, "409900061");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(text(robot, "#givenNameField")).as("the burst is taken out of the field").isEqualTo("Mette");
        assertThat(text(robot, "#surnameField")).isEqualTo("Hansen");
        click(robot, "#confirmKeep");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(text(robot, "#givenNameField")).isEqualTo("Mette");
        assertThat(context.issue().card.get().value()).isEqualTo("409900060");

        // Keys sent in a rush right before the scan (held up while the desk was busy) run into it: they
        // stay typed, and the card is still seen.
        interact(() -> robot.lookup("#givenNameField").query().requestFocus());
        scan(robot, "Li409900061");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(text(robot, "#givenNameField")).isEqualTo("MetteLi");
        click(robot, "#confirmKeep");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(text(robot, "#givenNameField")).isEqualTo("MetteLi");

        scan(robot, "409900061");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        click(robot, "#confirmGoAhead");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        assertThat(context.issue().card.get().value()).isEqualTo("409900061");
        assertThat(context.issue().details.surname.get()).isEmpty();
    }

    @Test
    void listsExpiredShortStaysAndKeepsThoseWithABalance(FxRobot robot) {
        UUID paid = issueDirectly("409900070", "Silva", "João", LocalDate.of(1990, 1, 1), null,
                RegistrationKind.SHORT_STAY, TODAY.plusDays(10));
        UUID owing = issueDirectly("409900071", "Rossi", "Giulia", LocalDate.of(1992, 2, 2), null,
                RegistrationKind.SHORT_STAY, TODAY.plusDays(10));
        issueDirectly("409900072", "Kim", "Minji", LocalDate.of(1993, 3, 3), null, RegistrationKind.SHORT_STAY,
                TODAY.plusDays(40));
        backend.issuing().upkeep().updateBalances(owing, 0, 1550);
        backend.database().jdbi().useHandle(h -> h.execute(
                "UPDATE patron SET expires_on = ? WHERE id IN (?, ?)", TODAY.minusDays(3), paid, owing));

        type(KeyCode.F3);
        waitUntil(() -> robot.lookup("#expiringTable").queryAs(TableView.class).getItems().size() == 2);
        click(robot, "#deleteExpired");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        click(robot, "#confirmGoAhead");
        waitForText(robot, "#expiringMessage", "One expired patron deleted");
        waitUntil(() -> robot.lookup("#expiringTable").queryAs(TableView.class).getItems().size() == 1);
        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", paid)).isZero();
        assertThat(count("SELECT COUNT(*) FROM patron WHERE id = ?", owing)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900070' AND status = 'RETIRED'"))
                .isEqualTo(1);
        // The table's rows are drawn at the next pulse.
        waitUntil(() -> robot.lookup("Kept: unsettled balance").tryQuery().isPresent());
    }

    @Test
    void listsPatronsOnReplacementNumbersForReRegistration(FxRobot robot) {
        var issuing = backend.issuing();
        issuing.issue(new app.carddesk.issuing.IssueRequest(issuing.profile().cardNumberPolicy().check("409900095")
                .value(), RegistrationKind.NATIONAL_ID, issuing.checkIdentity("7503901234").value(),
                new app.carddesk.issuing.PatronDetails("Mortensen", "Lise", LocalDate.of(1990, 3, 15), "", "",
                        new app.carddesk.domain.Address("Vej 3", "1000", "København K", "")), null,
                app.carddesk.domain.PinDelivery.OWN_PIN, "4826", true, "PUBLIC", "KB-SK", "en"));
        type(KeyCode.F3);
        waitUntil(() -> visible(robot, "#expiringTable"));
        clickOn(robot, "Re-register");
        waitUntil(() -> robot.lookup("#reRegisterTable").queryTableView().getItems().size() == 1);
        interact(() -> robot.lookup("#reRegisterTable").queryTableView().getSelectionModel().select(0));
        click(robot, "#openReRegister");
        waitForText(robot, "#patronTitle", "Lise Mortensen");
        assertThat(text(robot, "#fact-identity")).contains("replacement number");
        assertThat(visible(robot, "#registerIdButton")).isTrue();
    }

    @Test
    void staffChangeThePatronsPickupLibrary(FxRobot robot) {
        UUID id = issueDirectly("409900096", "Lund", "Jens", LocalDate.of(1985, 4, 4), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900096");
        waitForText(robot, "#patronTitle", "Jens Lund");
        interact(() -> robot.lookup("#patronPickupBox").<ComboBox<app.carddesk.domain.PickupLibrary>>query()
                .getSelectionModel().select(3));
        click(robot, "#savePickup");
        waitForText(robot, "#patronSuccess", "pickup library is changed");
        assertThat(patronRow("id", id)).containsEntry("pickup_library_code", "KB-NOR");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE patron_id = ? AND kind = 'PATRON_UPDATED'", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE patron_id = ? AND action = 'PICKUP_LIBRARY_CHANGED'",
                id)).isEqualTo(1);
    }

    @Test
    void leavingTheChecklistAsksFirst(FxRobot robot) {
        scan(robot, "409900089");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        type(KeyCode.F3);
        waitUntil(() -> visible(robot, "#expiringTable"));
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("a card alone is left without a question").isEmpty();
        scan(robot, "409900090");
        waitUntil(() -> context.issue().card.get() != null
                && context.issue().card.get().value().equals("409900090") && visible(robot, "#withoutRadio"));
        interact(() -> context.issue().identity.text.set("1207981504"));
        waitUntil(() -> context.issue().dirty.get());
        type(KeyCode.F3);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        click(robot, "#confirmKeep");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        assertThat(context.issue().card.get().value()).isEqualTo("409900090");
        type(KeyCode.F3);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        click(robot, "#confirmGoAhead");
        waitUntil(() -> visible(robot, "#expiringTable"));
        assertThat(context.issue().card.get()).isNull();
        type(KeyCode.F2);
        waitUntil(() -> visible(robot, "#cardField"));
    }

    @Test
    void switchingLanguageKeepsWhatWasTyped(FxRobot robot) {
        scanToDetails(robot, "409900080");
        fill(robot, "#surnameField", "Larsen");
        interact(() -> robot.lookup("#languageBox").<ComboBox<java.util.Locale>>query()
                .setValue(java.util.Locale.forLanguageTag("da")));
        waitUntil(() -> robot.lookup("Lånerens oplysninger").tryQuery().isPresent());
        assertThat(text(robot, "#surnameField")).isEqualTo("Larsen");
        assertThat(text(robot, "#nextButton")).isEqualTo("_Næste");
        interact(() -> robot.lookup("#languageBox").<ComboBox<java.util.Locale>>query()
                .setValue(java.util.Locale.forLanguageTag("nb")));
        waitUntil(() -> robot.lookup("Lånerens opplysninger").tryQuery().isPresent());
        assertThat(text(robot, "#surnameField")).isEqualTo("Larsen");
    }
}
