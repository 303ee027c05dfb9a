package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.security.Argon2PinHasher;
import java.time.LocalDate;
import java.util.Map;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class IssueCardFlowIT extends DeskUiIT {

    @Test
    void studentWithoutCprGetsAnEmailedPin(FxRobot robot) {
        scan(robot, "409900001");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        assertThat(robot.lookup("#withoutRadio").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#expectsRadio").queryAs(RadioButton.class).isSelected()).isTrue();
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#surnameField"));
        fill(robot, "#surnameField", "Okafor");
        fill(robot, "#givenNameField", "Chidi");
        fill(robot, "#birthDateField", "14-03-2001");
        fill(robot, "#addressField", "Amagerfælledvej 56, vær. 412");
        assertThat(visible(robot, "#addressAlert")).as("no alert for an ordinary address").isFalse();
        fill(robot, "#postalCodeField", "2300");
        fill(robot, "#cityField", "København S");
        fill(robot, "#emailField", "chidi.okafor@example.org");
        // A wrong field keeps the step, and the keyboard goes to it.
        fill(robot, "#birthDateField", "31-02-2001");
        clickOn(robot, "#nextButton");
        waitUntil(() -> robot.lookup("#birthDateField").query().isFocused());
        assertThat(visible(robot, "#surnameField")).isTrue();
        fill(robot, "#birthDateField", "14-03-2001");
        // A postal code problem: the keyboard goes to the postal code.
        fill(robot, "#postalCodeField", "230");
        clickOn(robot, "#nextButton");
        waitUntil(() -> robot.lookup("#postalCodeField").query().isFocused());
        waitForText(robot, "#message", "Some details need correcting");
        fill(robot, "#postalCodeField", "2300");
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#emailPinRadio"));
        assertThat(robot.lookup("#emailPinRadio").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#pinEmailLater")).as("a desk on its own says when the mail goes out")
                .contains("goes out once it does");
        assertThat(visible(robot, "#pinEmailLater")).isTrue();
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#categoryList"));
        clickOn(robot, "Exchange student");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#toldComeBack"));
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        // What Finish registers, for staff to read back to the patron.
        assertThat(text(robot, "#summary-name")).isEqualTo("Chidi Okafor");
        assertThat(text(robot, "#summary-birthDate")).isEqualTo("14-03-2001");
        assertThat(text(robot, "#summary-card")).isEqualTo("409900001");
        assertThat(text(robot, "#summary-registration")).isEqualTo("Temporary: expects a national ID");
        assertThat(text(robot, "#summary-category")).isEqualTo("Exchange student");
        assertThat(text(robot, "#summary-pickup")).isEqualTo("Den Sorte Diamant, Slotsholmen");
        assertThat(text(robot, "#summary-pin")).as("a desk on its own mails the PIN once connected")
                .isEqualTo("By e-mail to chidi.okafor@example.org, once this desk is connected");
        // The central register answering, or gone, while the summary shows: it says so at once.
        var settings = context.issue().letter.settings();
        interact(() -> context.issue().letter.settings(new app.carddesk.letter.LetterSettings(settings.paper(),
                settings.dataDir(), true)));
        waitForText(robot, "#summary-pin", "By e-mail to chidi.okafor@example.org, within minutes");
        interact(() -> context.issue().letter.settings(settings));
        waitForText(robot, "#summary-pin", "By e-mail to chidi.okafor@example.org, once this desk is connected");
        assertThat(robot.lookup("#summary-guardian").tryQuery()).as("an adult has no guardian line").isEmpty();
        clickOn(robot, "#toldComeBack");
        clickOn(robot, "#toldLoanRules");
        clickOn(robot, "#cardHandedOver");
        clickOn(robot, "#nextButton");

        waitForText(robot, "#success", "Card 409900001 is issued to Chidi Okafor");
        Map<String, Object> row = patronRow("card_number", "409900001");
        assertThat(row).containsEntry("registration_kind", "EXPECTS_NATIONAL_ID")
                .containsEntry("identity_kind", "NONE").containsEntry("pin_delivery", "EMAIL")
                .containsEntry("category_code", "EXCHANGE").containsEntry("pickup_library_code", "KB-SK")
                .containsEntry("email", "chidi.okafor@example.org");
        assertThat(row.get("pin_hash")).as("the PIN is made and hashed centrally, never at the desk").isNull();
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = ? AND status = 'ISSUED'", "409900001"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'PIN_EMAIL_REQUESTED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_ISSUED'")).isEqualTo(1);
        assertThat(visible(robot, "#cardField")).as("the desk is ready for the next card").isTrue();
    }

    @Test
    void aChildIsRegisteredWithANewGuardianWhoConsents(FxRobot robot) {
        scanToDetails(robot, "409900009");
        fill(robot, "#surnameField", "Jensen");
        fill(robot, "#givenNameField", "Alma");
        fill(robot, "#birthDateField", "01-03-2015");
        fill(robot, "#addressField", "Nørrebrogade 20");
        fill(robot, "#postalCodeField", "2200");
        fill(robot, "#cityField", "København N");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pinField"));
        fill(robot, "#pinField", "4826");
        fill(robot, "#pinRepeatField", "4826");
        clickOn(robot, "#changeAdvised");
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#guardianBox"));
        assertThat(text(robot, "#guardianBox .column-head")).contains("Under 18");
        // The library's ages for a category: an 11-year-old is offered only the categories for their age.
        assertThat(robot.lookup("#categoryList").<app.carddesk.domain.PatronCategory>queryListView().getItems())
                .extracting(c -> c.code()).containsExactly("STUDENT", "EXCHANGE", "PUBLIC");
        clickOn(robot, "Student");
        clickOn(robot, "#nextButton");
        waitForText(robot, "#message", "registered with a guardian");
        clickOn(robot, "#guardianNew");
        fill(robot, "#guardianSurname", "Jensen");
        fill(robot, "#guardianGivenName", "Mikkel");
        fill(robot, "#guardianBirth", "12-08-2012");
        clickOn(robot, "#nextButton");
        waitForText(robot, "#message", "must be 18 or older");
        fill(robot, "#guardianBirth", "12-08-1984");
        fill(robot, "#guardianEmail", "mikkel.jensen@example.org");
        clickOn(robot, "#nextButton");
        // The guardian is a patron in their own right, in a category staff choose.
        waitForText(robot, "#message", "Choose a category for the guardian.");
        javafx.scene.control.ComboBox<app.carddesk.domain.PatronCategory> category =
                robot.lookup("#guardianCategory").query();
        assertThat(category.getItems()).extracting(c -> c.name(java.util.Locale.ENGLISH))
                .contains("Private patron", "Student", "Visiting researcher");
        interact(() -> category.setValue(category.getItems().stream()
                .filter(c -> c.code().equals("PUBLIC")).findFirst().orElseThrow()));
        clickOn(robot, "#nextButton");
        waitForText(robot, "#message", "The guardian must consent");
        clickOn(robot, "#guardianConsent");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#toldComeBack"));
        assertThat(text(robot, "#summary-guardian")).isEqualTo("Mikkel Jensen (Private patron)");
        assertThat(text(robot, "#summary-category")).isEqualTo("Student");
        assertThat(text(robot, "#summary-pin")).isEqualTo("Chosen by the patron");
        clickOn(robot, "#toldComeBack");
        clickOn(robot, "#toldLoanRules");
        clickOn(robot, "#cardHandedOver");
        clickOn(robot, "#nextButton");
        waitForText(robot, "#success", "Card 409900009 is issued to Alma Jensen");

        Map<String, Object> child = patronRow("card_number", "409900009");
        Map<String, Object> guardian = patronRow("email", "mikkel.jensen@example.org");
        assertThat(guardian).containsEntry("given_name", "Mikkel").containsEntry("address_line", "Nørrebrogade 20")
                .containsEntry("category_code", "PUBLIC");
        assertThat(guardian.get("card_number")).as("the guardian gets no card of their own").isNull();
        assertThat(count("SELECT COUNT(*) FROM guardian_link WHERE child_id = ? AND guardian_id = ? "
                + "AND consent_at IS NOT NULL", child.get("id"), guardian.get("id"))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'GUARDIAN_CONSENT' AND patron_id = ?",
                child.get("id"))).isEqualTo(1);
        assertThat(count("SELECT MIN(seq) FROM outbox WHERE patron_id = ?", guardian.get("id")))
                .as("the guardian reaches the central register before the child")
                .isLessThan(count("SELECT MIN(seq) FROM outbox WHERE patron_id = ?", child.get("id")));
    }

    @Test
    void shortStayVisitorWithOwnPinAndExpiryDate(FxRobot robot) {
        clickOn(robot, "#cardField");
        typeSlowly(robot, "4099 00002");
        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#shortStayRadio"));
        clickOn(robot, "#shortStayRadio");
        clickOn(robot, "#nextButton");
        waitUntil(() -> robot.lookup("#expiryField").query().isFocused());
        fill(robot, "#expiryField", "30-11-2027");
        clickOn(robot, "#nextButton");
        waitForText(robot, "#expiryProblem", "at most 365 days");

        fill(robot, "#expiryField", "15-02-2027");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#surnameField"));
        fill(robot, "#surnameField", "Moreau");
        fill(robot, "#givenNameField", "Élise");
        fill(robot, "#birthDateField", "1987-06-02");
        fill(robot, "#addressField", "Hotel Nora, Vesterbrogade 10");
        fill(robot, "#postalCodeField", "1620");
        fill(robot, "#cityField", "København V");
        // The library's address alert warns, in its own words, and refuses nothing.
        waitForText(robot, "#addressAlert", "Note about this address: A hotel is not a home: ask for the patron's "
                + "address, or register a short stay.");
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#pinField"));
        assertThat(robot.lookup("#emailPinRadio").queryAs(RadioButton.class).isDisabled())
                .as("no e-mail address, so no e-mailed PIN").isTrue();
        assertThat(text(robot, "#pinNoEmail")).as("and staff are told why").startsWith("No e-mail address was given");
        assertThat(visible(robot, "#pinNoEmail")).isTrue();
        assertThat(visible(robot, "#pinEmailLater")).as("only beside an e-mailed PIN").isFalse();
        fill(robot, "#pinField", "4826");
        fill(robot, "#pinRepeatField", "4826");
        clickOn(robot, "#changeAdvised");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#categoryList"));
        clickOn(robot, "Visiting researcher");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        interact(() -> robot.lookup("#pickupBox").<org.controlsfx.control.SearchableComboBox<
                app.carddesk.domain.PickupLibrary>>query().getSelectionModel().select(2));
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#toldLoanRules"));
        assertThat(visible(robot, "#toldComeBack")).as("a short stay will not come back with an ID").isFalse();
        assertThat(text(robot, "#summary-registration")).isEqualTo("Short stay until 15-02-2027");
        assertThat(text(robot, "#summary-pickup")).as("the library chosen").isEqualTo("Universitetsbiblioteket, Aarhus");
        // Back to the pickup step and another library: the summary says so when the step shows again.
        clickOn(robot, "#backButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        interact(() -> robot.lookup("#pickupBox").<org.controlsfx.control.SearchableComboBox<
                app.carddesk.domain.PickupLibrary>>query().getSelectionModel().select(1));
        clickOn(robot, "#nextButton");
        waitForText(robot, "#summary-pickup", "Søndre Campus, Amager");
        clickOn(robot, "#toldLoanRules");
        clickOn(robot, "#cardHandedOver");
        clickOn(robot, "#nextButton");

        waitForText(robot, "#success", "Card 409900002 is issued to Élise Moreau");
        Map<String, Object> row = patronRow("card_number", "409900002");
        assertThat(row).containsEntry("registration_kind", "SHORT_STAY").containsEntry("pin_delivery", "OWN_PIN")
                .containsEntry("pin_change_advised", true).containsEntry("pickup_library_code", "KB-AMA");
        assertThat(row.get("expires_on").toString()).isEqualTo("2027-02-15");
        String hash = (String) row.get("pin_hash");
        assertThat(hash).startsWith("$argon2id$").doesNotContain("4826");
        assertThat(new Argon2PinHasher().matches("4826", hash)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE CAST(payload AS VARCHAR) LIKE '%4826%'")).isZero();
    }

    /** From the PIN step on: the patron's own PIN, a category, the home library, the hand-over. */
    private void ownPinToTheEnd(FxRobot robot, String pin, String category) {
        ownPinToTheEnd(robot, pin, category, () -> { });
    }

    /** As above, checking the hand-over step with {@code atHandover} before it is ticked off. */
    private void ownPinToTheEnd(FxRobot robot, String pin, String category, Runnable atHandover) {
        waitUntil(() -> visible(robot, "#pinField"));
        fill(robot, "#pinField", pin);
        fill(robot, "#pinRepeatField", pin);
        clickOn(robot, "#changeAdvised");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#categoryList"));
        clickOn(robot, category);
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#toldLoanRules"));
        atHandover.run();
        clickOn(robot, "#toldLoanRules");
        clickOn(robot, "#cardHandedOver");
        clickOn(robot, "#nextButton");
    }

    /** Scans a card and fetches the patron's master data with their national ID. */
    private void scanAndFetch(FxRobot robot, String card, String nationalId, String expectedName) {
        scan(robot, card);
        waitUntil(() -> visible(robot, "#withIdRadio"));
        clickOn(robot, "#withIdRadio");
        fill(robot, "#identityField", nationalId);
        clickOn(robot, "#fetchButton");
        waitForText(robot, "#fetchedName", expectedName);
        clickOn(robot, "#nextButton");
    }

    @Test
    void patronWithCprFetchedFromThePopulationRegister(FxRobot robot) {
        scanAndFetch(robot, "409900003", "150390-1001", "Maja Lindqvist");

        waitUntil(() -> visible(robot, "#surnameField"));
        assertThat(text(robot, "#surnameField")).isEqualTo("Lindqvist");
        assertThat(text(robot, "#birthDateField")).isEqualTo("15-03-1990");
        assertThat(robot.lookup("#surnameField").queryTextInputControl().isEditable())
                .as("master data from the register is not typed over").isFalse();
        fill(robot, "#phoneField", "+45 20 30 40 50");
        clickOn(robot, "#nextButton");
        ownPinToTheEnd(robot, "7391", "Private patron", () -> {
            assertThat(text(robot, "#summary-registration")).isEqualTo("With national ID");
            assertThat(robot.lookup("#handoverSummary .label").queryAllAs(javafx.scene.control.Label.class)
                    .stream().map(javafx.scene.control.Label::getText).toList())
                    .as("the national ID is not read out at the desk").contains("Maja Lindqvist")
                    .noneMatch(t -> t.contains("150390") || t.contains("1001"));
        });

        waitForText(robot, "#success", "Card 409900003 is issued to Maja Lindqvist");
        Map<String, Object> row = patronRow("card_number", "409900003");
        assertThat(row).containsEntry("identity_kind", "CPR").containsEntry("identity_number", "1503901001")
                .containsEntry("registration_kind", "NATIONAL_ID").containsEntry("city", "København K")
                .containsEntry("phone_key", "20304050");
    }

    @Test
    void enterMovesOnFromAChoiceAndTheDetailsAreLabelledPlainly(FxRobot robot) {
        scan(robot, "409900008");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        clickOn(robot, "#expectsRadio");
        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#surnameField"));
        assertThat(robot.lookup("E-mail").tryQuery()).isPresent();
        assertThat(robot.lookup("Phone").tryQuery()).isPresent();
    }

    @Test
    void refusesAWeakPinAndSaysWhy(FxRobot robot) {
        scanToDetails(robot, "409900004");
        fill(robot, "#surnameField", "Nowak");
        fill(robot, "#givenNameField", "Piotr");
        fill(robot, "#birthDateField", "05-09-1999");
        fill(robot, "#addressField", "Jagtvej 1");
        fill(robot, "#postalCodeField", "2200");
        fill(robot, "#cityField", "København N");
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pinField"));
        for (String[] weak : new String[][] {{"1234", "straight run"}, {"0509", "birthday"}, {"1999", "year"}}) {
            fill(robot, "#pinField", weak[0]);
            fill(robot, "#pinRepeatField", weak[0]);
            clickOn(robot, "#nextButton");
            waitForText(robot, "#pinProblem", weak[1]);
            assertThat(text(robot, "#pinField")).as("a refused PIN is wiped").isEmpty();
        }
        fill(robot, "#pinField", "4826");
        fill(robot, "#pinRepeatField", "4862");
        clickOn(robot, "#nextButton");
        waitForText(robot, "#pinProblem", "differ");
        assertThat(visible(robot, "#pinField")).as("still on the PIN step").isTrue();
        assertThat(count("SELECT COUNT(*) FROM patron")).as("nothing saved half-way").isZero();
    }

    @Test
    void refusesForeignRetiredAndMalformedCardsAndOpensAnIssuedOne(FxRobot robot) {
        scan(robot, "512345678");
        waitForText(robot, "#cardProblem", "not a card of this library");
        scan(robot, "40991234");
        waitForText(robot, "#cardProblem", "has 5 digits after it; this one has 4");

        var id = issueDirectly("409900010", "Hansen", "Karen", LocalDate.of(1970, 1, 2), null,
                app.carddesk.domain.RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.database().jdbi().useHandle(h -> h.execute(
                "UPDATE card SET status = 'RETIRED', retired_reason = 'DESTROYED' WHERE number = '409900010'"));
        scan(robot, "409900010");
        waitForText(robot, "#cardProblem", "can never be issued again");

        issueDirectly("409900011", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                app.carddesk.domain.RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scan(robot, "409900011");
        waitForText(robot, "#patronTitle", "Ole Berg");
        assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo(2);
        assertThat(id).isNotNull();
    }

    @Test
    void refusesToRegisterTheSamePersonTwice(FxRobot robot) {
        issueDirectly("409900020", "Ahmadi", "Sara", LocalDate.of(1995, 4, 12), "sara@example.org",
                app.carddesk.domain.RegistrationKind.EXPECTS_NATIONAL_ID, null);
        scanToDetails(robot, "409900021");
        fill(robot, "#surnameField", "AHMADI ");
        fill(robot, "#givenNameField", "Sara");
        fill(robot, "#birthDateField", "12.04.1995");
        fill(robot, "#addressField", "Tagensvej 10");
        fill(robot, "#postalCodeField", "2200");
        fill(robot, "#cityField", "København N");
        clickOn(robot, "#nextButton");

        waitUntil(() -> visible(robot, "#similarList"));
        ListView<?> similar = robot.lookup("#similarList").queryListView();
        assertThat(similar.getItems()).hasSize(1);
        waitForText(robot, "#message", "must not be registered twice");
        assertThat(visible(robot, "#surnameField")).as("the flow does not move on by itself").isTrue();
        interact(() -> similar.getSelectionModel().select(0));
        clickOn(robot, "Open selected patron");
        waitForText(robot, "#patronTitle", "Sara Ahmadi");
        assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = '409900021'")).isZero();
    }

    @Test
    void refusesANationalIdThatIsRegisteredAlready(FxRobot robot) {
        scanAndFetch(robot, "409900030", "0211852003", "Anders Peter Østergaard");
        waitUntil(() -> visible(robot, "#phoneField"));
        clickOn(robot, "#nextButton");
        ownPinToTheEnd(robot, "7391", "Private patron");
        waitForText(robot, "#success", "409900030");

        scan(robot, "409900031");
        waitUntil(() -> visible(robot, "#withIdRadio"));
        clickOn(robot, "#withIdRadio");
        fill(robot, "#identityField", "021185-2003");
        clickOn(robot, "#fetchButton");
        waitForText(robot, "#identityProblem", "registered already");
        assertThat(visible(robot, "#openExisting")).isTrue();
        clickOn(robot, "#openExisting");
        waitForText(robot, "#patronTitle", "Anders Peter Østergaard");
        assertThat(count("SELECT COUNT(*) FROM patron")).isEqualTo(1);
    }
}
