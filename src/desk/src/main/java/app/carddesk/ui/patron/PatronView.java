package app.carddesk.ui.patron;

import app.carddesk.ui.Controls;
import app.carddesk.ui.ViewLifetime;
import app.carddesk.domain.DigitalAccess;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** One patron: the facts staff need, balances, and "Register national ID". */
public final class PatronView {

    private final PatronViewModel vm;
    private final ViewLifetime lifetime;
    private final LibraryProfile profile;
    private final Messages messages;
    private final PatronTexts texts;

    @FXML private Label title, success, message, balanceProblem;
    @FXML private GridPane facts;
    @FXML private TextField feesField, creditField;
    @FXML private Button registerIdButton;
    @FXML private javafx.scene.control.ComboBox<java.util.Locale> documentLanguageBox;
    @FXML private VBox conversionBox, newCardBox, servicesBox, librariesBox, relativesBox;
    @FXML private ConversionView conversionBoxController;
    @FXML private NewCardView newCardBoxController;
    @FXML private TextField emailField, phoneField, addressField, postalCodeField, cityField, countryField;
    @FXML private Label contactProblem, addressFromRegister;
    @FXML private javafx.scene.layout.HBox standingBox;
    @FXML private TextField loansField, remindersField, claimsField;
    @FXML private Label standingProblem;
    @FXML private Button unsubscribeButton;
    @FXML private javafx.scene.control.ComboBox<PickupLibrary> pickupBox;
    @FXML private javafx.scene.control.ScrollPane scroller;
    @FXML private Label homeElsewhere;
    @FXML private GridPane contactGrid;
    @FXML private javafx.scene.layout.HBox balancesRow, pickupRow;
    @FXML private Button newCardButton;
    @FXML private Label noCardHint;

    private final app.carddesk.ui.DeskPreferences preferences;

    private final app.carddesk.ui.StaffPermissions permissions;

    public PatronView(PatronViewModel vm, LibraryProfile profile, Messages messages,
                      app.carddesk.ui.DeskPreferences preferences, ViewLifetime lifetime,
                      app.carddesk.ui.StaffPermissions permissions) {
        this.permissions = permissions;
        this.lifetime = lifetime;
        this.vm = vm;
        this.profile = profile;
        this.messages = messages;
        this.texts = new PatronTexts(messages);
        this.preferences = preferences;
    }

    @FXML
    private void initialize() {
        feesField.textProperty().bindBidirectional(vm.fees);
        creditField.textProperty().bindBidirectional(vm.printCredit);
        app.carddesk.ui.Scrolling.followFocus(scroller);
        bindContact();
        lifetime.onListChange(vm.relatives, (javafx.collections.ListChangeListener<app.carddesk.issuing.PatronSummary>) c ->
                showRelatives());
        pickupBox.getItems().setAll(profile.pickupLibraries());
        pickupBox.setConverter(Controls.converter(PickupLibrary::name));
        pickupBox.valueProperty().bindBidirectional(vm.pickup);
        ProblemDisplay.bind(lifetime.of(vm.balanceProblem), balanceProblem, feesField, messages);
        ProblemDisplay.bind(lifetime.of(vm.message), message, null, messages);
        // Said where the staff look: a refusal under the buttons is scrolled into view.
        lifetime.onChange(vm.message, (obs, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(() -> app.carddesk.ui.Scrolling.revealOnceLaidOut(message));
            }
        });
        success.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.success.get()), vm.success));
        Controls.visible(success, vm.success.isNotNull());
        // Only what the signed-in person's roles allow is offered.
        Controls.visible(registerIdButton, vm.canRegisterNationalId.and(vm.conversion.converting.not())
                .and(permissions.may("register_national_id")));
        Controls.visible(newCardButton, permissions.may("issue"));
        // A patron left without a card (the temporary one destroyed) is told of beside the button that gives one.
        // Read from the lifetime-bound value itself, so that it stays valid and tells of the next patron.
        var shown = lifetime.of(vm.patron);
        Controls.visible(noCardHint, javafx.beans.binding.Bindings.createBooleanBinding(() -> shown.getValue() != null
                && shown.getValue().cardNumber() == null, shown).and(permissions.may("issue")));
        Controls.visible(unsubscribeButton, permissions.may("unsubscribe"));
        Controls.visible(conversionBox, vm.conversion.converting);
        Controls.visible(newCardBox, vm.newCardOpen);
        lifetime.onChange(vm.newCardOpen, (obs, was, open) -> {
            if (!open && (newCardBoxController.hasFocus() || vm.patron.get() != null)) {
                newCardButton.requestFocus();
            }
        });
        // The temporary card destroyed, the patron has none: the keyboard goes to New card.
        lifetime.onChange(vm.success, (obs, was, now) -> {
            if (now != null && now.key().equals("convert.doneCardRetired") && newCardButton.isVisible()) {
                app.carddesk.ui.Scrolling.showAndFocus(newCardButton, newCardButton);
            }
        });
        lifetime.onChange(vm.patron, (obs, old, p) -> show(p));
        vm.documentLanguage.show(documentLanguageBox, l -> messages.get("language." + l.getLanguage()), lifetime);
        lifetime.onListChange(vm.digitalAccess, (javafx.collections.ListChangeListener<DigitalAccess.Access>) c -> showAccess());
        // Logging in with card and PIN waits for the PIN mail: said beside the service, as the mail goes.
        lifetime.onChange(vm.pinMail.status, (obs, was, now) -> showAccess());
        unsubscribeButton.disableProperty().bind(vm.patron.isNull());
        Controls.visible(standingBox, vm.standingEditable.and(vm.patron.isNotNull()).and(permissions.may("edit")));
        loansField.textProperty().bindBidirectional(vm.loans);
        remindersField.textProperty().bindBidirectional(vm.reminders);
        claimsField.textProperty().bindBidirectional(vm.claims);
        ProblemDisplay.bind(lifetime.of(vm.standingProblem), standingProblem, loansField, messages);
        lifetime.onListChange(vm.libraries, (javafx.collections.ListChangeListener<app.carddesk.issuing.NationalRegister.Membership>) c ->
                showLibraries());
        bindHomeElsewhere();
        show(vm.patron.get());
        // A view built again (another language) shows what the view model holds already.
        showAccess();
        showLibraries();
    }

    private void showLibraries() {
        librariesBox.getChildren().clear();
        if (!vm.libraries.isEmpty()) {
            Label head = new Label(messages.get("memberships.title"));
            head.getStyleClass().add("column-head");
            librariesBox.getChildren().add(head);
        }
        for (app.carddesk.issuing.NationalRegister.Membership m : vm.libraries) {
            Label line = new Label(messages.get("unsubscribe.standing", m.libraryName()
                    + (m.home() ? " " + messages.get("memberships.home") : ""), m.loans(), m.reminders(),
                    m.claims()));
            line.setId("library-" + m.library());
            librariesBox.getChildren().add(line);
        }
    }

    /**
     * A patron whose home library is another: what that library owns (details, card, PIN, balances,
     * pickup library) is shown but not offered for change here (ADR 0008).
     */
    private void bindHomeElsewhere() {
        javafx.beans.binding.BooleanBinding elsewhere = vm.homeElsewhere.isNotNull();
        Controls.visible(homeElsewhere, elsewhere);
        homeElsewhere.textProperty().bind(lifetime.of(vm.homeElsewhere).map(m -> messages.get("patron.homeElsewhere",
                m.libraryName())).orElse(""));
        // Nor to someone whose roles do not include editing (a data-protection officer reads the record).
        javafx.beans.binding.BooleanBinding readOnly = elsewhere.or(permissions.may("edit").not());
        for (Node n : new Node[] {contactGrid, balancesRow, pickupRow}) {
            n.disableProperty().bind(readOnly);
        }
        newCardButton.disableProperty().bind(elsewhere);
        registerIdButton.disableProperty().bind(elsewhere);
    }

    private void bindContact() {
        emailField.textProperty().bindBidirectional(vm.email);
        phoneField.textProperty().bindBidirectional(vm.phone);
        addressField.textProperty().bindBidirectional(vm.addressLine);
        postalCodeField.textProperty().bindBidirectional(vm.postalCode);
        cityField.textProperty().bindBidirectional(vm.city);
        countryField.textProperty().bindBidirectional(vm.country);
        for (TextField f : new TextField[] {addressField, postalCodeField, cityField, countryField}) {
            f.disableProperty().bind(vm.addressEditable.not());
        }
        Controls.visible(addressFromRegister, vm.addressEditable.not().and(vm.patron.isNotNull()));
        ProblemDisplay.bind(lifetime.of(vm.contactProblem), contactProblem, emailField, messages);
        for (TextField f : new TextField[] {emailField, phoneField, addressField, postalCodeField, cityField,
            countryField}) {
            f.setOnAction(e -> vm.saveContact());
        }
    }

    /** The patron's guardians and the children they are guardian of, one line each. */
    private void showRelatives() {
        relativesBox.getChildren().clear();
        for (app.carddesk.issuing.PatronSummary r : vm.relatives) {
            // A link: staff who need to reach the guardian (or see the child) open them from here.
            javafx.scene.control.Hyperlink line = new javafx.scene.control.Hyperlink(messages.get(
                    "GUARDIAN".equals(r.reason()) ? "relatives.guardian" : "relatives.child",
                    app.carddesk.domain.PersonName.full(r.givenName(), r.surname()),
                    PatronTexts.cardInSentence(messages, r.cardNumber())));
            line.setId("relative-" + r.reason() + "-" + r.surname());
            line.setOnAction(e -> vm.load(r.id()));
            relativesBox.getChildren().add(line);
        }
    }

    @FXML
    private void saveContact() {
        vm.saveContact();
    }

    @FXML
    private void startNewCard() {
        vm.startNewCard();
    }

    @FXML
    private void saveStanding() {
        vm.saveStanding();
    }

    @FXML
    private void unsubscribe() {
        vm.askToUnsubscribe(() -> {
            Patron p = vm.patron.get();
            if (p != null && app.carddesk.ui.Confirm.ask(title, messages, app.carddesk.ui.Question.UNSUBSCRIBE,
                    p.fullName(), PatronTexts.cardInSentence(messages, p.cardNumber()))) {
                vm.unsubscribe();
            }
        });
    }

    /** One line per service: usable, or not and why, so staff can explain it. */
    private void showAccess() {
        servicesBox.getChildren().clear();
        for (DigitalAccess.Access a : vm.digitalAccess) {
            String name = messages.get("service." + a.service());
            String pin = a.allowed() ? pinMailPending(a) : null;
            Label line = new Label(pin != null ? messages.get(pin, name) : a.allowed()
                    ? messages.get("service.allowed", name) : messages.get("service.notAllowed", name, reason(a)));
            line.setId("service-" + a.service());
            line.getStyleClass().add(a.allowed() && !"service.allowed.pinFailed".equals(pin) ? "success" : "warning");
            line.setWrapText(true);
            servicesBox.getChildren().add(line);
        }
    }

    /**
     * For logging in with card and PIN while the patron's PIN is in a mail not known to have arrived,
     * what to say instead: also where the mail's state is not known here (the register not reached, or
     * not this person's to know), since the PIN is then only as good as the mail.
     */
    private String pinMailPending(DigitalAccess.Access a) {
        if (!DigitalAccess.CARD_PIN_LOGIN.equals(a.service())) {
            return null;
        }
        app.carddesk.issuing.PinMailStatus mail = vm.pinMail.status.get();
        boolean emailed = vm.patron.get() != null
                && vm.patron.get().pinDelivery() == app.carddesk.domain.PinDelivery.EMAIL;
        return switch (mail == null ? app.carddesk.issuing.PinMailStatus.Where.UNKNOWN : mail.where()) {
            case AT_DESK, WAITING -> "service.allowed.pinOnItsWay";
            case REFUSED, GIVEN_UP -> "service.allowed.pinFailed";
            case UNKNOWN, NONE -> emailed ? "service.allowed.pinOnItsWay" : null;
            default -> null;
        };
    }

    private String reason(DigitalAccess.Access a) {
        if (!"service.reason.needsIdentity".equals(a.reason().key())) {
            return messages.text(a.reason());
        }
        String kinds = String.join(messages.get("service.or"), java.util.Arrays.stream(
                a.reason().args().get(0).toString().split(",")).map(this::kindInSentence).toList());
        return messages.get("service.reason.needsIdentity", kinds);
    }

    /** An identity kind as written inside a sentence ("fødselsnummer" is not a name there). */
    private String kindInSentence(String kind) {
        return messages.getOr("identityKind.inSentence." + kind, () -> messages.get("identityKind." + kind));
    }

    private void show(Patron p) {
        facts.getChildren().clear();
        if (p == null) {
            title.setText("");
            return;
        }
        title.setText(p.fullName());
        int row = 0;
        row = fact(row, "patron.card", p.cardNumber() == null ? messages.get("patron.noCard") : p.cardNumber());
        row = fact(row, "patron.identity", texts.identity(p) + (p.identity() != null
                && p.identity().needsReRegistration() ? " " + messages.get("patron.replacementNumber") : ""));
        row = fact(row, "details.birthDate", messages.date(p.birthDate()));
        row = fact(row, "patron.registration", messages.get("registration." + p.registrationKind()));
        if (p.expiresOn() != null) {
            row = fact(row, "patron.expires", messages.date(p.expiresOn()));
        }
        row = fact(row, "patron.category", profile.categories().stream().filter(c -> c.code().equals(p.categoryCode()))
                .findFirst().map(c -> c.name(messages.locale())).orElse(p.categoryCode()));
        fact(row, "patron.pickup", profile.pickupLibraries().stream()
                .filter(l -> l.code().equals(p.pickupLibraryCode())).findFirst().map(PickupLibrary::name)
                .orElse(p.pickupLibraryCode()));
    }

    private int fact(int row, String key, String value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("muted");
        Label v = new Label(value);
        v.setId("fact-" + key.substring(key.indexOf('.') + 1));
        facts.addRow(row, name, v);
        return row + 1;
    }

    @FXML
    private void savePickup() {
        vm.savePickupLibrary();
    }

    @FXML
    private void saveLetter() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(messages.get("letter.fileName", vm.patron.get() == null
                || vm.patron.get().cardNumber() == null ? "" : vm.patron.get().cardNumber()));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialDirectory(preferences.startFolder());
        java.io.File file = chooser.showSaveDialog(title.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.saveLetter(file.toPath());
        }
    }

    @FXML
    private void saveReport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        // Named for the patron's card, so that one patron's report does not overwrite another's.
        chooser.setInitialFileName(messages.get("report.fileName", vm.patron.get() == null
                || vm.patron.get().cardNumber() == null ? "" : vm.patron.get().cardNumber()).replace("-.pdf", ".pdf"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialDirectory(preferences.startFolder());
        java.io.File file = chooser.showSaveDialog(title.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.saveStoredDataReport(file.toPath());
        }
    }

    @FXML
    private void saveBalances() {
        vm.saveBalances();
    }

    @FXML
    private void startConversion() {
        vm.conversion.start();
        conversionBoxController.focusIdentity();
    }

}
