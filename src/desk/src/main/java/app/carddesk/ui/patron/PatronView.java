package app.carddesk.ui.patron;

import app.carddesk.ui.ViewLifetime;
import app.carddesk.issuing.PatronUpkeep;
import app.carddesk.domain.Address;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.DigitalAccess;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.domain.SamePerson;
import app.carddesk.identity.PersonRecord;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

    @FXML private Label title, success, message, balanceProblem, identityProblem, destroyText;
    @FXML private Label currentName, currentBirth, currentAddress, registerName, registerBirth, registerAddress;
    @FXML private GridPane facts, compareGrid;
    @FXML private TextField feesField, creditField, identityField;
    @FXML private Button registerIdButton, saveButton;
    @FXML private VBox conversionBox, destroyBox, servicesBox;
    @FXML private CheckBox cardCut, mergedCardCut;
    @FXML private VBox mergeBox, librariesBox;
    @FXML private javafx.scene.layout.HBox standingBox;
    @FXML private TextField loansField, remindersField, claimsField;
    @FXML private Label standingProblem;
    @FXML private Button unsubscribeButton;
    @FXML private GridPane mergeGrid;
    @FXML private Label mergeDestroyText;
    @FXML private javafx.scene.control.RadioButton keepThisRadio, keepOtherRadio;
    @FXML private javafx.scene.control.ComboBox<PickupLibrary> pickupBox;
    @FXML private javafx.scene.control.ScrollPane scroller;
    @FXML private TextField emailField, phoneField, addressField, postalCodeField, cityField, countryField, newCardField;
    @FXML private Label contactProblem, addressFromRegister, newCardProblem, newCardReasonLabel;
    @FXML private VBox relativesBox, newCardBox, newCardReasonBox;
    @FXML private Label homeElsewhere;
    @FXML private GridPane contactGrid;
    @FXML private javafx.scene.layout.HBox balancesRow, pickupRow;
    @FXML private javafx.scene.control.RadioButton lostRadio, replacedRadio;
    @FXML private Button newCardButton;
    @FXML private Label emailRowLabel, currentEmail, phoneRowLabel, currentPhone, differencesText, mergeDifferencesText;
    @FXML private CheckBox keepEmailBox, keepPhoneBox, samePersonBox, mergeSamePersonBox;

    private final app.carddesk.ui.DeskPreferences preferences;

    public PatronView(PatronViewModel vm, LibraryProfile profile, Messages messages,
                      app.carddesk.ui.DeskPreferences preferences, ViewLifetime lifetime) {
        this.lifetime = lifetime;
        this.vm = vm;
        this.profile = profile;
        this.messages = messages;
        this.preferences = preferences;
    }

    @FXML
    private void initialize() {
        feesField.textProperty().bindBidirectional(vm.fees);
        creditField.textProperty().bindBidirectional(vm.printCredit);
        identityField.textProperty().bindBidirectional(vm.identityText);
        identityField.setOnAction(e -> {
            e.consume();
            vm.fetchOrSave();
        });
        app.carddesk.ui.Scrolling.followFocus(scroller);
        bindContact();
        bindNewCard();
        lifetime.onListChange(vm.relatives, (javafx.collections.ListChangeListener<app.carddesk.issuing.PatronSummary>) c ->
                showRelatives());
        message.textProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isEmpty()) {
                app.carddesk.ui.Scrolling.reveal(message);
            }
        });
        keepEmailBox.selectedProperty().bindBidirectional(vm.keepEmail);
        keepPhoneBox.selectedProperty().bindBidirectional(vm.keepPhone);
        samePersonBox.selectedProperty().bindBidirectional(vm.samePersonConfirmed);
        mergeSamePersonBox.selectedProperty().bindBidirectional(vm.samePersonConfirmed);
        var differ = Bindings.isNotEmpty(vm.differences);
        visible(differencesText, differ.and(vm.fetched.isNotNull()));
        visible(samePersonBox, differ.and(vm.fetched.isNotNull()));
        visible(mergeDifferencesText, differ.and(vm.mergeWith.isNotNull()));
        visible(mergeSamePersonBox, differ.and(vm.mergeWith.isNotNull()));
        lifetime.onSetChange(vm.differences, (javafx.collections.SetChangeListener<SamePerson.Difference>) c -> showDifferences());
        lifetime.onChange(vm.fetched, (obs, old, p) -> {
            if (p != null) {
                // Save comes after the comparison: in view, the whole comparison is.
                showAndFocus(saveButton, vm.differences.isEmpty() ? saveButton : samePersonBox);
            }
        });
        lifetime.onChange(vm.awaitingDestruction, (obs, was, now) -> {
            if (now) {
                showAndFocus(destroyBox, cardCut);
            }
        });
        lifetime.onChange(vm.mergeWith, (obs, old, other) -> {
            if (other != null) {
                showAndFocus(mergeBox, vm.differences.isEmpty() ? keepThisRadio : mergeSamePersonBox);
            }
        });
        // In the Register national ID panel Enter goes on (save, merge, finish) from a tick box or choice too.
        conversionBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && (e.getTarget() instanceof CheckBox
                    || e.getTarget() instanceof javafx.scene.control.RadioButton)) {
                e.consume();
                if (vm.awaitingDestruction.get()) {
                    vm.finishConversion();
                } else if (vm.mergeWith.get() != null) {
                    vm.merge();
                } else {
                    vm.save();
                }
            }
        });
        cardCut.selectedProperty().bindBidirectional(vm.cardCut);
        pickupBox.getItems().setAll(profile.pickupLibraries());
        pickupBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PickupLibrary l) {
                return l == null ? "" : l.name();
            }

            @Override
            public PickupLibrary fromString(String s) {
                return null;
            }
        });
        pickupBox.valueProperty().bindBidirectional(vm.pickup);
        ProblemDisplay.bind(lifetime.of(vm.balanceProblem), balanceProblem, feesField, messages);
        ProblemDisplay.bind(lifetime.of(vm.identityProblem), identityProblem, identityField, messages);
        ProblemDisplay.bind(lifetime.of(vm.message), message, null, messages);
        success.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.success.get()), vm.success));
        visible(success, vm.success.isNotNull());
        visible(registerIdButton, vm.canRegisterNationalId.and(vm.converting.not()));
        visible(conversionBox, vm.converting);
        visible(compareGrid, vm.fetched.isNotNull());
        visible(destroyBox, vm.awaitingDestruction);
        saveButton.disableProperty().bind(vm.fetched.isNull().or(vm.awaitingDestruction));
        identityField.disableProperty().bind(vm.awaitingDestruction);
        lifetime.onChange(vm.patron, (obs, old, p) -> show(p));
        lifetime.onListChange(vm.digitalAccess, (javafx.collections.ListChangeListener<DigitalAccess.Access>) c -> showAccess());
        lifetime.onChange(vm.fetched, (obs, old, p) -> showFetched(p));
        javafx.scene.control.ToggleGroup keep = new javafx.scene.control.ToggleGroup();
        keepThisRadio.setToggleGroup(keep);
        keepOtherRadio.setToggleGroup(keep);
        keepThisRadio.selectedProperty().bindBidirectional(vm.keepThisCard);
        lifetime.onChange(vm.keepThisCard, (obs, old, v) -> keepOtherRadio.setSelected(!v));
        mergedCardCut.selectedProperty().bindBidirectional(vm.mergedCardCut);
        visible(mergeBox, vm.mergeWith.isNotNull());
        lifetime.onChange(vm.mergeWith, (obs, old, other) -> showMerge(other));
        unsubscribeButton.disableProperty().bind(vm.patron.isNull());
        visible(standingBox, vm.standingEditable.and(vm.patron.isNotNull()));
        loansField.textProperty().bindBidirectional(vm.loans);
        remindersField.textProperty().bindBidirectional(vm.reminders);
        claimsField.textProperty().bindBidirectional(vm.claims);
        ProblemDisplay.bind(lifetime.of(vm.standingProblem), standingProblem, loansField, messages);
        lifetime.onListChange(vm.libraries, (javafx.collections.ListChangeListener<app.carddesk.issuing.NationalRegister.Membership>) c ->
                showLibraries());
        lifetime.onChange(vm.keepThisCard, (obs, old, v) -> showMerge(vm.mergeWith.get()));
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
        visible(homeElsewhere, elsewhere);
        homeElsewhere.textProperty().bind(lifetime.of(vm.homeElsewhere).map(m -> messages.get("patron.homeElsewhere",
                m.libraryName())).orElse(""));
        for (Node n : new Node[] {contactGrid, balancesRow, pickupRow}) {
            n.disableProperty().bind(elsewhere);
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
        visible(addressFromRegister, vm.addressEditable.not().and(vm.patron.isNotNull()));
        ProblemDisplay.bind(lifetime.of(vm.contactProblem), contactProblem, emailField, messages);
        for (TextField f : new TextField[] {emailField, phoneField, addressField, postalCodeField, cityField,
            countryField}) {
            f.setOnAction(e -> vm.saveContact());
        }
    }

    private void bindNewCard() {
        app.carddesk.ui.scan.ScannerInput.markCardField(newCardField);
        newCardField.textProperty().bindBidirectional(vm.newCardText);
        newCardField.setOnAction(e -> vm.issueNewCard());
        javafx.scene.control.ToggleGroup reasons = new javafx.scene.control.ToggleGroup();
        lostRadio.setToggleGroup(reasons);
        replacedRadio.setToggleGroup(reasons);
        reasons.selectedToggleProperty().addListener((obs, old, t) -> vm.newCardReason.set(
                t == lostRadio ? app.carddesk.issuing.PatronUpkeep.CardReplacement.LOST
                        : t == replacedRadio ? app.carddesk.issuing.PatronUpkeep.CardReplacement.REPLACED : null));
        lifetime.onChange(vm.newCardReason, (obs, old, r) -> {
            if (r == null) {
                reasons.selectToggle(null);
            }
        });
        visible(newCardBox, vm.newCardOpen);
        visible(newCardReasonBox, lifetime.of(vm.patron).map(p -> p.cardNumber() != null).orElse(false));
        newCardReasonLabel.textProperty().bind(lifetime.of(vm.patron).map(p -> p.cardNumber() == null ? ""
                : messages.get("newCard.reason", p.cardNumber())).orElse(""));
        ProblemDisplay.bind(lifetime.of(vm.newCardProblem), newCardProblem, newCardField, messages);
        lifetime.onChange(vm.newCardOpen, (obs, was, open) -> {
            if (open) {
                showAndFocus(newCardBox, newCardField);
            } else if (newCardField.isFocused() || vm.patron.get() != null) {
                newCardButton.requestFocus();
            }
        });
    }

    /** Scrolls a panel that just opened into view and puts the focus in it, once it is laid out. */
    private void showAndFocus(Node panel, Node focus) {
        javafx.application.Platform.runLater(() -> {
            scroller.layout();
            app.carddesk.ui.Scrolling.reveal(panel);
            if (focus != null) {
                focus.requestFocus();
            }
        });
    }

    /** The patron's guardians and the children they are guardian of, one line each. */
    private void showRelatives() {
        relativesBox.getChildren().clear();
        for (app.carddesk.issuing.PatronSummary r : vm.relatives) {
            Label line = new Label(messages.get("GUARDIAN".equals(r.reason()) ? "relatives.guardian"
                    : "relatives.child", r.givenName(), r.surname(), r.cardNumber() == null
                    ? messages.get("card.none") : r.cardNumber()));
            line.setId("relative-" + r.reason() + "-" + r.surname());
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
    private void cancelNewCard() {
        vm.cancelNewCard();
    }

    @FXML
    private void issueNewCard() {
        vm.issueNewCard();
    }

    /** Marks what differs between this record and the other person, and says it in words. */
    private void showDifferences() {
        boolean name = vm.differences.contains(SamePerson.Difference.NAME);
        boolean birth = vm.differences.contains(SamePerson.Difference.BIRTH_DATE);
        mark(registerName, name);
        mark(registerBirth, birth);
        java.util.List<String> what = new java.util.ArrayList<>();
        if (name) {
            what.add(messages.get("samePerson.name"));
        }
        if (birth) {
            what.add(messages.get("samePerson.birthDate"));
        }
        String text = what.isEmpty() ? "" : messages.get("samePerson.differs", String.join(", ", what));
        differencesText.setText(text);
        mergeDifferencesText.setText(text);
    }

    private static void mark(Node n, boolean differs) {
        n.getStyleClass().remove("differs");
        if (differs) {
            n.getStyleClass().add("differs");
        }
    }

    /** Both records side by side, the card choice, and which card to cut in half. */
    private void showMerge(Patron other) {
        mergeGrid.getChildren().clear();
        Patron self = vm.patron.get();
        if (other == null || self == null) {
            return;
        }
        mergeGrid.addRow(0, new Label(), head("merge.thisRecord"), head("merge.otherRecord"));
        int row = 1;
        var differ = SamePerson.differences(self, other);
        row = compare(row, "details.name", self.fullName(), other.fullName(), differ.contains(SamePerson.Difference.NAME));
        row = compare(row, "details.birthDate", DateInput.format(self.birthDate()), DateInput.format(other.birthDate()),
                differ.contains(SamePerson.Difference.BIRTH_DATE));
        row = compare(row, "patron.card", card(self), card(other));
        row = compare(row, "patron.identity", identity(self), identity(other));
        row = compare(row, "details.email", nz(self.email()), nz(other.email()));
        row = compare(row, "details.phone", nz(self.phone()), nz(other.phone()));
        row = compare(row, "patron.fees", app.carddesk.domain.MinorUnits.format(self.feesOwedMinor()),
                app.carddesk.domain.MinorUnits.format(other.feesOwedMinor()));
        row = compare(row, "patron.printCredit", app.carddesk.domain.MinorUnits.format(self.printCreditMinor()),
                app.carddesk.domain.MinorUnits.format(other.printCreditMinor()));
        compare(row, "merge.registeredOn", DateInput.format(self.createdAt().atZone(java.time.ZoneId.systemDefault())
                .toLocalDate()), DateInput.format(other.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()));
        keepThisRadio.setText(messages.get("merge.keepThis", card(self)));
        keepOtherRadio.setText(messages.get("merge.keepOther", card(other)));
        keepThisRadio.setDisable(self.cardNumber() == null);
        keepOtherRadio.setDisable(other.cardNumber() == null);
        keepOtherRadio.setSelected(!vm.keepThisCard.get());
        String retired = vm.cardToRetire();
        mergeDestroyText.setText(retired == null ? "" : messages.get("merge.destroy", retired));
        mergedCardCut.setVisible(retired != null);
        mergedCardCut.setManaged(retired != null);
    }

    private Label head(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("column-head");
        return l;
    }

    private int compare(int row, String key, String self, String other) {
        return compare(row, key, self, other, false);
    }

    private int compare(int row, String key, String self, String other, boolean differs) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("muted");
        Label a = new Label(self);
        a.setId("mergeThis-" + key.substring(key.indexOf('.') + 1));
        Label b = new Label(other);
        b.setId("mergeOther-" + key.substring(key.indexOf('.') + 1));
        mark(a, differs);
        mark(b, differs);
        mergeGrid.addRow(row, name, a, b);
        return row + 1;
    }

    private String card(Patron p) {
        return p.cardNumber() == null ? messages.get("patron.noCard") : p.cardNumber();
    }

    private String identity(Patron p) {
        if (PatronViewModel.heldByHomeLibrary(p)) {
            return messages.get("patron.identityAtHome", messages.get("identityKind." + p.identity().kind()));
        }
        return p.identity() == null ? messages.get("patron.noIdentity")
                : messages.get("identityKind." + p.identity().kind()) + " " + p.identity().masked();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @FXML
    private void saveStanding() {
        vm.saveStanding();
    }

    @FXML
    private void unsubscribe() {
        Patron p = vm.patron.get();
        if (p != null && app.carddesk.ui.Confirm.ask(title, messages, app.carddesk.ui.Question.UNSUBSCRIBE,
                p.fullName(), p.cardNumber() == null ? messages.get("card.none") : p.cardNumber())) {
            vm.unsubscribe();
        }
    }

    @FXML
    private void merge() {
        vm.merge();
    }

    /** One line per service: usable, or not and why, so staff can explain it. */
    private void showAccess() {
        servicesBox.getChildren().clear();
        for (DigitalAccess.Access a : vm.digitalAccess) {
            String name = messages.get("service." + a.service());
            Label line = new Label(a.allowed() ? messages.get("service.allowed", name)
                    : messages.get("service.notAllowed", name, reason(a)));
            line.setId("service-" + a.service());
            line.getStyleClass().add(a.allowed() ? "success" : "warning");
            line.setWrapText(true);
            servicesBox.getChildren().add(line);
        }
    }

    private String reason(DigitalAccess.Access a) {
        if (!"service.reason.needsIdentity".equals(a.reason().key())) {
            return messages.text(a.reason());
        }
        String kinds = String.join(messages.get("service.or"), java.util.Arrays.stream(
                a.reason().args().get(0).toString().split(",")).map(k -> messages.get("identityKind." + k)).toList());
        return messages.get("service.reason.needsIdentity", kinds);
    }

    private static void visible(Node n, javafx.beans.value.ObservableValue<Boolean> when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
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
        row = fact(row, "patron.identity", identity(p) + (p.identity() != null
                && p.identity().needsReRegistration() ? " " + messages.get("patron.replacementNumber") : ""));
        row = fact(row, "details.birthDate", DateInput.format(p.birthDate()));
        row = fact(row, "patron.registration", messages.get("registration." + p.registrationKind()));
        if (p.expiresOn() != null) {
            row = fact(row, "patron.expires", DateInput.format(p.expiresOn()));
        }
        row = fact(row, "patron.category", profile.categories().stream().filter(c -> c.code().equals(p.categoryCode()))
                .findFirst().map(c -> c.name(messages.locale())).orElse(p.categoryCode()));
        fact(row, "patron.pickup", profile.pickupLibraries().stream()
                .filter(l -> l.code().equals(p.pickupLibraryCode())).findFirst().map(PickupLibrary::name)
                .orElse(p.pickupLibraryCode()));
        currentName.setText(p.fullName());
        currentBirth.setText(DateInput.format(p.birthDate()));
        currentAddress.setText(address(p.address()));
        currentEmail.setText(nz(p.email()));
        currentPhone.setText(nz(p.phone()));
        for (Node n : new Node[] {emailRowLabel, currentEmail, keepEmailBox}) {
            n.setVisible(p.email() != null);
            n.setManaged(p.email() != null);
        }
        for (Node n : new Node[] {phoneRowLabel, currentPhone, keepPhoneBox}) {
            n.setVisible(p.phone() != null);
            n.setManaged(p.phone() != null);
        }
        destroyText.setText(messages.get("convert.destroy", p.cardNumber() == null ? "" : p.cardNumber()));
    }

    private int fact(int row, String key, String value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("muted");
        Label v = new Label(value);
        v.setId("fact-" + key.substring(key.indexOf('.') + 1));
        facts.addRow(row, name, v);
        return row + 1;
    }

    private void showFetched(PersonRecord p) {
        registerName.setText(p == null ? "" : p.givenName() + " " + p.surname());
        registerBirth.setText(p == null ? "" : DateInput.format(p.birthDate()));
        registerAddress.setText(p == null ? "" : address(p.address()));
    }

    private static String address(Address a) {
        return a == null ? "" : a.line() + ", " + a.postalCode() + " " + a.city();
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
            vm.saveLetter(file.toPath(), messages.locale());
        }
    }

    @FXML
    private void saveReport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(messages.get("report.fileName"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialDirectory(preferences.startFolder());
        java.io.File file = chooser.showSaveDialog(title.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.saveStoredDataReport(file.toPath(), messages.locale());
        }
    }

    @FXML
    private void saveBalances() {
        vm.saveBalances();
    }

    @FXML
    private void startConversion() {
        vm.startConversion();
        identityField.requestFocus();
    }

    @FXML
    private void fetch() {
        vm.fetch();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void finish() {
        vm.finishConversion();
    }

    @FXML
    private void cancelConversion() {
        vm.closeConversion();
    }

}
