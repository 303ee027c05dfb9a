package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.FetchResult;
import app.carddesk.issuing.GuardianChoice;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.PatronDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The patron screen: a new card for a patron with none or a lost one, contact data, guardians. */
class PatronCardAndContactIT extends DeskUiIT {

    private void openByName(FxRobot robot, String name) {
        type(KeyCode.F5);
        waitUntil(() -> visible(robot, "#findQuery"));
        setText(robot, "#findQuery", name);
        click(robot, "#findQuery");
        type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#findTable").queryTableView().isFocused());
        type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#patronTitle"));
    }

    @Test
    void aPatronWhoseTemporaryCardWasDestroyedGetsANewOneByScanning(FxRobot robot) {
        UUID id = issueDirectly("409900700", "Hassan", "Amira", LocalDate.of(2001, 6, 30), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        var issuing = backend.issuing();
        var master = ((FetchResult.Found) issuing.fetch(issuing.checkIdentity("3006014002").value())).person();
        assertThat(issuing.upkeep().registerNationalId(id, master)).isEmpty();

        openByName(robot, "amira hassan");
        waitForText(robot, "#fact-card", "none");
        waitForText(robot, "#noCardHint", "This patron has no card: give them one with New card");
        waitForText(robot, "#service-CARD_PIN_LOGIN", "the patron has no card");
        click(robot, "#newCardButton");
        waitUntil(() -> visible(robot, "#newCardField"));
        // Escape closes the panel; opened again, it takes the scan.
        type(KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, "#newCardField"));
        click(robot, "#newCardButton");
        waitUntil(() -> visible(robot, "#newCardField"));
        assertThat(visible(robot, "#newCardLost")).as("nothing to replace").isFalse();
        // A number refused is replaced by the next scan, not added to.
        scan(robot, "409800001");
        waitUntil(() -> visible(robot, "#newCardProblem"));
        scan(robot, "409900701");
        waitForText(robot, "#patronSuccess", "Card 409900701 is issued to the patron.");
        waitForText(robot, "#fact-card", "409900701");
        waitUntil(() -> !visible(robot, "#noCardHint"));
        waitForText(robot, "#service-CARD_PIN_LOGIN", "Log in with card number and PIN: yes");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900701' AND status = 'ISSUED' "
                + "AND patron_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE patron_id = ? AND kind = 'PATRON_UPDATED'", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE patron_id = ? AND action = 'CARD_ISSUED'", id))
                .isEqualTo(1);
    }

    @Test
    void aCardAnotherDeskIssuedFirstIsNeitherAskedAboutNorRetired(FxRobot robot) {
        // Two desks apart issued 409900740; the central register gave it to Nora, so this desk did too.
        UUID erik = issueDirectly("409900740", "Dahl", "Erik", LocalDate.of(1985, 2, 3), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        UUID nora = issueDirectly("409900741", "Solberg", "Nora", LocalDate.of(1990, 4, 5), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.database().jdbi().useHandle(h -> h.execute("UPDATE card SET patron_id = ? WHERE number = '409900740'",
                nora));
        openByName(robot, "erik dahl");
        waitForText(robot, "#fact-card", "409900740");
        click(robot, "#newCardButton");
        waitUntil(() -> visible(robot, "#newCardField"));
        assertThat(visible(robot, "#newCardLost")).as("no reason asked for a card that was never his").isFalse();
        scan(robot, "409900742");
        waitForText(robot, "#patronSuccess", "Card 409900742 is issued to the patron.");
        assertThat(patronRowCard(erik)).isEqualTo("409900742");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900740' AND status = 'ISSUED' AND patron_id = ?",
                nora)).as("Nora's card is not retired").isEqualTo(1);
    }

    @Test
    void aLostCardIsRetiredAsLostWhenTheNewOneIsIssued(FxRobot robot) throws Exception {
        UUID id = issueDirectly("409900710", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900710");
        waitForText(robot, "#patronTitle", "Ole Berg");
        click(robot, "#newCardButton");
        waitUntil(() -> visible(robot, "#newCardField"));
        scan(robot, "409900711");
        waitForText(robot, "#newCardProblem", "Say why card 409900710 is replaced");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900711'")).isZero();
        click(robot, "#newCardLost");
        click(robot, "#newCardIssue");
        waitForText(robot, "#patronSuccess", "Card 409900711 is issued to the patron; card 409900710 is retired");
        assertThat(patronRowCard(id)).isEqualTo("409900711");
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900710' AND retired_reason = 'LOST'"))
                .isEqualTo(1);
        // The patron's documents are in a language the library writes in, the staff's own to start with.
        javafx.scene.control.ComboBox<java.util.Locale> language = robot.lookup("#documentLanguageBox").query();
        assertThat(language.getItems()).extracting(java.util.Locale::getLanguage).containsExactly("da", "en");
        assertThat(language.getValue().getLanguage()).isEqualTo("en");
        interact(() -> language.setValue(language.getItems().get(0)));
        java.nio.file.Path letter = dataDir.resolve("letter.pdf");
        interact(() -> context.patron().saveLetter(letter));
        waitForText(robot, "#patronSuccess", "The welcome letter was saved as letter.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(letter.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).as("the letter names the new card")
                    .contains("409900711").doesNotContain("409900710")
                    .as("in the language chosen for the patron").contains("Kære Ole");
        }
        scan(robot, "409900710");
        waitForText(robot, "#cardProblem", "Card 409900710 was reported lost or stolen and can never be issued again. "
                + "Whoever shows it may not be its patron");
        // The patron shows their old card: the desk knows whose it was.
        click(robot, "#retiredOwner");
        waitForText(robot, "#patronTitle", "Ole Berg");
        waitForText(robot, "#fact-card", "409900711");
    }

    @Test
    void contactDataAreEditedWithTheChecksOfTheChecklistAndGuardiansAreListed(FxRobot robot) {
        var issuing = backend.issuing();
        UUID child = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                .check("409900720").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Demir",
                "Ada", TODAY.minusYears(9), null, "", new Address("Vej 1", "1000", "København K", "")), null,
                PinDelivery.OWN_PIN, "4826", true, "PUBLIC", "KB-SK", "en", GuardianChoice.registered(
                new PatronDetails("Demir", "Elif", LocalDate.of(1980, 1, 1), null, "", null), "PUBLIC",
                Instant.now()))))
                .patronId();
        scan(robot, "409900720");
        waitForText(robot, "#patronTitle", "Ada Demir");
        waitForText(robot, "#relative-GUARDIAN-Demir", "Guardian: Elif Demir (no card)");

        setText(robot, "#patronEmail", "ada.demir@");
        click(robot, "#saveContact");
        waitForText(robot, "#contactProblem", "e-mail");
        setText(robot, "#patronEmail", "ada.demir@example.org");
        setText(robot, "#patronPostalCode", "100");
        click(robot, "#saveContact");
        waitForText(robot, "#contactProblem", "A Danish postal code has 4 digits");
        setText(robot, "#patronPostalCode", "2100");
        click(robot, "#saveContact");
        waitForText(robot, "#patronSuccess", "The contact data are saved.");
        assertThat(patronRow("id", child)).containsEntry("email", "ada.demir@example.org")
                .containsEntry("postal_code", "2100");

        // The guardian opens from the child's screen, and the child from the guardian's.
        click(robot, "#relative-GUARDIAN-Demir");
        waitForText(robot, "#patronTitle", "Elif Demir");
        waitForText(robot, "#relative-CHILD-Demir", "Guardian of: Ada Demir (card 409900720)");
        // Her only guardian is not unsubscribed before the child: said at once, nothing asked.
        click(robot, "#unsubscribeButton");
        waitForText(robot, "#patronMessage", "Elif Demir consented as guardian to the registration of Ada Demir");
        assertThat(openDialog()).as("no question to confirm").isEmpty();
        click(robot, "#relative-CHILD-Demir");
        waitForText(robot, "#patronTitle", "Ada Demir");
    }

    private String patronRowCard(UUID id) {
        return (String) patronRow("id", id).get("card_number");
    }

    @Test
    void altAndTheUnderlinedLetterPressesTheButtonStaffCanSee(FxRobot robot) {
        UUID id = issueDirectly("409900730", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900730");
        waitForText(robot, "#patronTitle", "Ole Berg");
        setText(robot, "#patronEmail", "ole.berg@example.org");
        // "Save _contact data" shares its letter with the hidden panels' "_Cancel" buttons.
        type(KeyCode.ALT, KeyCode.C);
        waitForText(robot, "#patronSuccess", "The contact data are saved.");
        assertThat(patronRow("id", id)).containsEntry("email", "ole.berg@example.org");
    }
}
