package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.PatronDetails;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A Norwegian desk: a patron on a D-number moves on to their fødselsnummer and keeps their card. */
class NorwegianIdentityUiIT extends DeskUiIT {

    @Override
    String profile() {
        return "DEMO-NO";
    }

    @Test
    void aDNumberMovesOnToAFodselsnummerAndThePatronKeepsTheCard(FxRobot robot) {
        var issuing = backend.issuing();
        IssueOutcome outcome = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy().check("N000000701")
                .value(), RegistrationKind.NATIONAL_ID, issuing.checkIdentity("41019012393").value(),
                new PatronDetails("Larsen", "Emil", LocalDate.of(1990, 1, 1), null, "", new Address("Storgata 1",
                        "9008", "Tromsø", "Norge")), null, PinDelivery.OWN_PIN, "4826", true, "ADULT", "OSL-HOV",
                "nb"));
        UUID id = ((IssueOutcome.Issued) outcome).patronId();

        scan(robot, "N000000701");
        waitForText(robot, "#patronTitle", "Emil Larsen");
        assertThat(text(robot, "#fact-identity")).startsWith("D-number").doesNotContain("41019012393");
        // The services are listed once the patron's access is worked out, which may follow the title.
        waitUntil(() -> text(robot, "#service-IDPORTEN_LOGIN").contains("yes"));
        click(robot, "#registerIdButton");
        fill(robot, "#convertIdentityField", "07888834537");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Emil Larsen");
        // The stand-in's synthetic numbers carry different birth dates: staff confirm it is one person.
        waitForText(robot, "#differencesText", "birth date");
        click(robot, "#samePerson");
        click(robot, "#convertSave");
        waitForText(robot, "#patronSuccess", "The national ID is registered");

        Map<String, Object> row = patronRow("id", id);
        assertThat(row).containsEntry("identity_kind", "FNR").containsEntry("identity_number", "07888834537")
                .containsEntry("card_number", "N000000701");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = 'N000000701' AND status = 'ISSUED'"))
                .as("a D-number holder keeps the card they have").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'NATIONAL_ID_REGISTERED' AND patron_id = ?", id))
                .isEqualTo(1);
        waitForText(robot, "#fact-identity", "Fødselsnummer");
        assertThat(robot.lookup("#registerIdButton").query().isVisible())
                .as("a fødselsnummer does not move on").isFalse();
    }

    @Test
    void aChildsRecordIsNotGivenAnAdultsNumberAndNoCardIsCutForIt(FxRobot robot) {
        var issuing = backend.issuing();
        IssueOutcome outcome = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy().check("N000000703")
                .value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Haugen", "Ola",
                LocalDate.of(2017, 9, 3), null, "", new Address("Storgata 1", "9008", "Tromsø", "Norge")), null,
                PinDelivery.OWN_PIN, "4826", true, "CHILD", "OSL-HOV", "nb",
                app.carddesk.issuing.GuardianChoice.registered(new PatronDetails("Haugen", "Kari",
                        LocalDate.of(1985, 4, 4), "kari@example.org", "", null), "ADULT", java.time.Instant.now())));
        UUID id = ((IssueOutcome.Issued) outcome).patronId();

        scan(robot, "N000000703");
        waitForText(robot, "#patronTitle", "Ola Haugen");
        click(robot, "#registerIdButton");
        fill(robot, "#convertIdentityField", "02870151236");
        type(KeyCode.ENTER);
        waitForText(robot, "#registerName", "Ola Haugen");
        waitForText(robot, "#differencesText", "birth date");
        click(robot, "#samePerson");
        click(robot, "#convertSave");
        waitForText(robot, "#convertProblem", "this record’s category is for patrons aged 14 or younger");
        assertThat(visible(robot, "#cardCut")).as("no card is cut for a number the record cannot take").isFalse();
        assertThat(patronRow("id", id)).containsEntry("identity_number", null).containsEntry("category_code", "CHILD");
    }

    @Test
    void aDanishSpeakerAtANorwegianLibraryReadsTheNorwegianTermsInDanish(FxRobot robot) {
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<java.util.Locale>>query()
                .setValue(java.util.Locale.forLanguageTag("da")));
        waitForText(robot, "#nextButton", "Næste");
        scan(robot, "N000000702");
        waitForText(robot, "#withoutRadio", "Uden fødselsnummer");
        assertThat(text(robot, "#withIdRadio")).isEqualTo("Med fødselsnummer eller D-nummer");
        assertThat(robot.lookup("#identityField").<javafx.scene.control.TextField>query().getPromptText())
                .isEqualTo("Fødselsnummer eller D-nummer");
        click(robot, "#withIdRadio");
        click(robot, "#nextButton");
        waitUntil(() -> robot.lookup("Tryk først Hent for at hente lånerens navn og adresse fra Folkeregisteret.")
                .tryQuery().isPresent());
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                        && l.getText() != null && l.getText().contains("CPR")).queryAll().stream()
                .filter(n -> n.getId() != null && visible(robot, "#" + n.getId())).toList())
                .as("nothing on the checklist speaks of the Danish number").isEmpty();
    }
}
