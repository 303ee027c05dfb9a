package app.carddesk.ui.issuecard;

import app.carddesk.ui.ViewLifetime;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.PatronSummary;
import app.carddesk.ui.Confirm;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.scan.ScannerInput;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** The checklist screen: binds controls to {@link IssueCardViewModel} and forwards events. */
public final class IssueCardView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private VBox stepList;
    @FXML private Label stepTitle, success, message, cardProblem, identityWarning, identityProblem, expiryProblem;
    @FXML private Label fetchedName, fetchedBirth, fetchedAddress, pinProblem;
    @FXML private Label surnameProblem, givenNameProblem, birthDateProblem, addressProblem, emailProblem, phoneProblem;
    @FXML private VBox cardPane, identityPane, detailsPane, pinPane, relationsPane, pickupPane, handoverPane;
    @FXML private VBox withIdBox, withoutBox, similarBox;
    @FXML private TextField cardField, identityField, expiryField, surnameField, givenNameField, birthDateField;
    @FXML private TextField addressField, postalCodeField, cityField, countryField, emailField, phoneField;
    @FXML private PasswordField pinField, pinRepeatField;
    @FXML private RadioButton withIdRadio, withoutRadio, expectsRadio, shortStayRadio, emailPinRadio, ownPinRadio;
    @FXML private ToggleGroup identityGroup, withoutGroup, pinGroup;
    @FXML private CheckBox warningsConfirmed, changeAdvised, toldComeBack, toldLoanRules, cardHandedOver;
    @FXML private Button openExistingButton, nextButton, backButton;
    @FXML private GridPane fetchedGrid, ownPinGrid;
    @FXML private ListView<PatronSummary> similarList;
    @FXML private ListView<PatronCategory> categoryList;
    @FXML private SearchableComboBox<PickupLibrary> pickupBox;
    @FXML private ComboBox<Locale> letterLanguageBox;
    @FXML private VBox guardianBox;
    @FXML private Label guardianPrompt, guardianFoundLabel, guardianProblemLabel;
    @FXML private RadioButton guardianExistingRadio, guardianNewRadio;
    @FXML private TextField guardianCardField, guardianSurname, guardianGivenName, guardianBirth, guardianEmail,
            guardianPhone;
    @FXML private GridPane guardianGrid;
    @FXML private CheckBox guardianConsentBox;

    @FXML private Label cardBadge;
    @FXML private javafx.scene.control.ScrollPane stepScroller;
    @FXML private Button registerLaterButton;

    private final app.carddesk.ui.DeskPreferences preferences;

    public IssueCardView(IssueCardViewModel vm, Messages messages, app.carddesk.ui.DeskPreferences preferences,
                         ViewLifetime lifetime) {
        this.lifetime = lifetime;
        this.vm = vm;
        this.messages = messages;
        this.preferences = preferences;
    }

    @FXML
    private void initialize() {
        bindSteps();
        app.carddesk.ui.Scrolling.followFocus(stepScroller);
        ScannerInput.markCardField(cardField);
        cardField.textProperty().bindBidirectional(vm.cardText);
        ProblemDisplay.bind(lifetime.of(vm.cardProblem), cardProblem, cardField, messages);
        // After a refused number the next scan or typing replaces it rather than adding to it.
        lifetime.onChange(vm.cardProblem, (obs, old, p) -> {
            if (p != null) {
                cardField.selectAll();
            }
        });
        cardField.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(cardField::selectAll);
            }
        });
        // The card being issued stays in sight on every step.
        cardBadge.textProperty().bind(lifetime.of(vm.card).map(c -> messages.get("checklist.card", c.value())).orElse(""));
        cardBadge.visibleProperty().bind(vm.card.isNotNull().and(vm.step.isNotEqualTo(Step.CARD)));
        bindIdentity();
        registerLaterButton.visibleProperty().bind(vm.registerLaterOffered);
        registerLaterButton.managedProperty().bind(vm.registerLaterOffered);
        bindDetails();
        bindPin();
        bindChoices();
        bindHandover();
        ProblemDisplay.bind(lifetime.of(vm.message), message, null, messages);
        success.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.success.get()), vm.success));
        success.visibleProperty().bind(vm.success.isNotNull());
        backButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.step.get().ordinal() <= Step.IDENTITY.ordinal(), vm.step));
        nextButton.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                vm.step.get() == Step.HANDOVER ? "flow.finish" : "flow.next"), vm.step));
        nextButton.disableProperty().bind(vm.step.isEqualTo(Step.HANDOVER).and(vm.handover.complete.not()));
        // Radio buttons, check boxes, lists and the letter's buttons keep Enter for themselves; on the
        // checklist Enter means Next (Finish on the last step), wherever the focus is.
        stepList.getParent().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !nextButton.isDisabled() && entersNext(e.getTarget())) {
                e.consume();
                vm.next();
            }
        });
        // A refused PIN is typed again from the first field; a missing "ask to change it" marks its box.
        lifetime.onChange(vm.pin.problem, (obs, old, p) -> {
            changeAdvised.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"),
                    p != null && "pin.adviseChange".equals(p.key()));
            if (p != null && vm.step.get() == Step.PIN) {
                Platform.runLater(("pin.adviseChange".equals(p.key()) ? changeAdvised : pinField)::requestFocus);
            }
        });
    }

    /** Whether Enter on this control means "next step" rather than something of its own. */
    private boolean entersNext(Object target) {
        if (target instanceof javafx.scene.control.ButtonBase b && !(b instanceof Button)) {
            return true;
        }
        if (target instanceof ListView<?> list) {
            return list == categoryList;
        }
        if (vm.step.get() == Step.PICKUP && target instanceof Node n && isInside(n, pickupBox)) {
            return !pickupBox.isShowing();
        }
        return vm.step.get() == Step.HANDOVER && target instanceof Button b && b.getParent() != null
                && b.getParent().getStyleClass().contains("letter-bar");
    }

    private static boolean isInside(Node n, Node container) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private void bindSteps() {
        Map<Step, VBox> panes = Map.of(Step.CARD, cardPane, Step.LOOKUP, cardPane, Step.IDENTITY, identityPane,
                Step.DETAILS, detailsPane, Step.PIN, pinPane, Step.RELATIONS, relationsPane, Step.PICKUP, pickupPane,
                Step.HANDOVER, handoverPane);
        for (Step s : Step.values()) {
            Label l = new Label(messages.get("step.number", s.ordinal() + 1, messages.get("step." + s.name())));
            l.getStyleClass().add("step");
            l.setUserData(s);
            stepList.getChildren().add(l);
        }
        Runnable refresh = () -> {
            Step current = vm.step.get();
            panes.values().forEach(p -> p.setVisible(false));
            panes.get(current).setVisible(true);
            stepTitle.setText(messages.get("step." + current.name() + ".title"));
            for (Node n : stepList.getChildren()) {
                Step s = (Step) n.getUserData();
                n.getStyleClass().removeAll("current", "done");
                if (s == current || current == Step.LOOKUP && s == Step.CARD) {
                    n.getStyleClass().add("current");
                } else if (vm.completed.contains(s)) {
                    n.getStyleClass().add("done");
                }
            }
            Platform.runLater(() -> firstField(current).requestFocus());
        };
        lifetime.onChange(vm.step, (obs, old, s) -> refresh.run());
        lifetime.onSetChange(vm.completed, (javafx.collections.SetChangeListener<Step>) c -> refresh.run());
        refresh.run();
    }

    private Node firstField(Step s) {
        return switch (s) {
            case CARD, LOOKUP -> cardField;
            case IDENTITY -> identityGroup.getSelectedToggle() == withIdRadio ? identityField : withoutRadio;
            case DETAILS -> surnameField.isEditable() ? surnameField : emailField;
            case PIN -> vm.pin.delivery.get() == PinDelivery.EMAIL ? emailPinRadio : pinField;
            case RELATIONS -> categoryList;
            case PICKUP -> pickupBox;
            case HANDOVER -> toldComeBack.isVisible() ? toldComeBack : toldLoanRules;
        };
    }

    private void bindIdentity() {
        selectToggle(identityGroup, vm.identityMode, Map.of(withIdRadio, IdentityMode.NATIONAL_ID,
                withoutRadio, IdentityMode.WITHOUT));
        selectToggle(withoutGroup, vm.withoutKind, Map.of(expectsRadio, RegistrationKind.EXPECTS_NATIONAL_ID,
                shortStayRadio, RegistrationKind.SHORT_STAY));
        withIdBox.disableProperty().bind(vm.identityMode.isNotEqualTo(IdentityMode.NATIONAL_ID));
        withoutBox.disableProperty().bind(vm.identityMode.isNotEqualTo(IdentityMode.WITHOUT));
        expiryField.disableProperty().bind(vm.withoutKind.isNotEqualTo(RegistrationKind.SHORT_STAY));
        identityField.textProperty().bindBidirectional(vm.identityText);
        identityField.setOnAction(e -> {
            e.consume();
            vm.fetchOrNext();
        });
        expiryField.textProperty().bindBidirectional(vm.expiryText);
        ProblemDisplay.bind(lifetime.of(vm.identityProblem), identityProblem, identityField, messages);
        ProblemDisplay.bind(lifetime.of(vm.expiryProblem), expiryProblem, expiryField, messages);
        identityWarning.textProperty().bind(Bindings.createStringBinding(() -> String.join(" ",
                vm.identityWarnings.stream().map(messages::text).toList()), vm.identityWarnings));
        identityWarning.visibleProperty().bind(Bindings.isNotEmpty(vm.identityWarnings));
        warningsConfirmed.visibleProperty().bind(identityWarning.visibleProperty());
        warningsConfirmed.selectedProperty().bindBidirectional(vm.warningsConfirmed);
        openExistingButton.visibleProperty().bind(vm.existingPatron.isNotNull());
        fetchedGrid.visibleProperty().bind(vm.fetched.isNotNull());
        lifetime.onChange(vm.fetched, (obs, old, p) -> {
            fetchedName.setText(p == null ? "" : p.givenName() + " " + p.surname());
            fetchedBirth.setText(p == null ? "" : DateInput.format(p.birthDate()));
            fetchedAddress.setText(p == null ? "" : String.join(", ", p.address().line(),
                    p.address().postalCode() + " " + p.address().city()));
        });
        for (Node n : List.of(warningsConfirmed, openExistingButton, fetchedGrid, identityWarning)) {
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    private void bindDetails() {
        DetailsForm d = vm.details;
        bindField(surnameField, d.surname, d.surnameProblem, surnameProblem, true);
        bindField(givenNameField, d.givenName, d.givenNameProblem, givenNameProblem, true);
        bindField(birthDateField, d.birthDate, d.birthDateProblem, birthDateProblem, true);
        bindField(addressField, d.addressLine, d.addressProblem, addressProblem, true);
        bindField(emailField, d.email, d.emailProblem, emailProblem, false);
        bindField(phoneField, d.phone, d.phoneProblem, phoneProblem, false);
        for (TextField f : List.of(postalCodeField, cityField, countryField)) {
            f.editableProperty().bind(d.fromRegister.not());
        }
        postalCodeField.textProperty().bindBidirectional(d.postalCode);
        cityField.textProperty().bindBidirectional(d.city);
        countryField.textProperty().bindBidirectional(d.country);
        checkOnLeave(cityField, d.addressProblem);
        checkOnLeave(countryField, d.addressProblem);
        for (javafx.beans.value.ObservableValue<String> part : List.of(d.postalCode, d.city, d.country)) {
            recheckWhileShown(part, d.addressProblem);
        }
        similarList.setItems(vm.similar);
        similarList.setCellFactory(v -> cell(s -> messages.get("similar.row", s.givenName(), s.surname(),
                DateInput.format(s.birthDate()), s.cardNumber() == null ? "-" : s.cardNumber(),
                messages.get("similar.reason." + s.reason()))));
        similarBox.visibleProperty().bind(Bindings.isNotEmpty(vm.similar));
        similarBox.managedProperty().bind(similarBox.visibleProperty());
    }

    private void bindField(TextField field, javafx.beans.property.StringProperty value,
                           ObjectProperty<app.carddesk.domain.Problem> problem, Label label, boolean master) {
        field.textProperty().bindBidirectional(value);
        if (master) {
            field.editableProperty().bind(vm.details.fromRegister.not());
        }
        ProblemDisplay.bind(lifetime.of(problem), label, field, messages);
        // The address is one problem over four fields: it is checked once staff leave the town.
        if (field != addressField) {
            checkOnLeave(field, problem);
        }
        recheckWhileShown(value, problem);
    }

    private void checkOnLeave(TextField field, ObjectProperty<app.carddesk.domain.Problem> problem) {
        field.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now && vm.step.get() == Step.DETAILS) {
                vm.checkField(problem);
            }
        });
    }

    /** A problem on screen goes away as soon as the text is right, not only when the field is left. */
    private void recheckWhileShown(javafx.beans.value.ObservableValue<String> value,
                                   ObjectProperty<app.carddesk.domain.Problem> problem) {
        lifetime.onChange(value, (obs, old, now) -> {
            if (problem.get() != null) {
                vm.checkField(problem);
            }
        });
    }

    private void bindPin() {
        selectToggle(pinGroup, vm.pin.delivery, Map.of(emailPinRadio, PinDelivery.EMAIL, ownPinRadio,
                PinDelivery.OWN_PIN));
        emailPinRadio.disableProperty().bind(vm.pin.emailAvailable.not());
        ownPinGrid.disableProperty().bind(vm.pin.delivery.isNotEqualTo(PinDelivery.OWN_PIN));
        pinField.textProperty().bindBidirectional(vm.pin.pin);
        pinRepeatField.textProperty().bindBidirectional(vm.pin.pinRepeat);
        changeAdvised.selectedProperty().bindBidirectional(vm.pin.changeAdvised);
        ProblemDisplay.bind(lifetime.of(vm.pin.problem), pinProblem, pinField, messages);
        // A refused PIN is checked again on Next; typing it again or ticking the box takes the problem away.
        for (javafx.beans.value.ObservableValue<?> changed : List.of(vm.pin.pin, vm.pin.pinRepeat,
                vm.pin.changeAdvised, vm.pin.delivery)) {
            lifetime.onChange(changed, (obs, old, now) -> {
                if (vm.step.get() == Step.PIN && (!vm.pin.pin.get().isEmpty() || changed == vm.pin.changeAdvised
                        || changed == vm.pin.delivery)) {
                    vm.pin.problem.set(null);
                }
            });
        }
    }

    private void bindChoices() {
        categoryList.getItems().setAll(vm.profile().categories());
        categoryList.setCellFactory(v -> cell(c -> c.name(messages.locale())));
        categoryList.getSelectionModel().select(vm.category.get());
        categoryList.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> vm.category.set(c));
        lifetime.onChange(vm.category, (obs, old, c) -> categoryList.getSelectionModel().select(c));
        pickupBox.getItems().setAll(vm.profile().pickupLibraries());
        pickupBox.setConverter(converter(PickupLibrary::name));
        pickupBox.valueProperty().bindBidirectional(vm.pickup);
        bindGuardian();
    }

    /** Under the profile's guardian age the category step asks for a guardian and their consent. */
    private void bindGuardian() {
        guardianBox.visibleProperty().bind(vm.guardianNeeded);
        guardianBox.managedProperty().bind(vm.guardianNeeded);
        guardianPrompt.setText(messages.get("guardian.prompt", vm.profile().guardianAge()));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        guardianExistingRadio.setToggleGroup(group);
        guardianNewRadio.setToggleGroup(group);
        guardianNewRadio.selectedProperty().bindBidirectional(vm.guardianIsNew);
        guardianExistingRadio.setSelected(!vm.guardianIsNew.get());
        lifetime.onChange(vm.guardianIsNew, (obs, old, v) -> guardianExistingRadio.setSelected(!v));
        guardianGrid.disableProperty().bind(vm.guardianIsNew.not());
        guardianCardField.disableProperty().bind(vm.guardianIsNew);
        ScannerInput.markCardField(guardianCardField);
        guardianCardField.textProperty().bindBidirectional(vm.guardianCard);
        guardianCardField.setOnAction(e -> {
            e.consume();
            vm.findGuardian();
        });
        guardianSurname.textProperty().bindBidirectional(vm.guardianDetails.surname);
        guardianGivenName.textProperty().bindBidirectional(vm.guardianDetails.givenName);
        guardianBirth.textProperty().bindBidirectional(vm.guardianDetails.birthDate);
        guardianEmail.textProperty().bindBidirectional(vm.guardianDetails.email);
        guardianPhone.textProperty().bindBidirectional(vm.guardianDetails.phone);
        guardianConsentBox.selectedProperty().bindBidirectional(vm.guardianConsent);
        guardianFoundLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.guardianFound.get() == null ? "" : vm.guardianFound.get().fullName(), vm.guardianFound));
        ProblemDisplay.bind(lifetime.of(vm.guardianProblem), guardianProblemLabel, null, messages);
    }

    @FXML
    private void findGuardian() {
        vm.findGuardian();
    }

    private void bindHandover() {
        HandoverForm h = vm.handover;
        toldComeBack.visibleProperty().bind(h.comeBackNeeded);
        toldComeBack.managedProperty().bind(h.comeBackNeeded);
        toldComeBack.selectedProperty().bindBidirectional(h.toldComeBack);
        toldLoanRules.selectedProperty().bindBidirectional(h.toldLoanRules);
        cardHandedOver.selectedProperty().bindBidirectional(h.cardHandedOver);
        letterLanguageBox.getItems().setAll(Locale.ENGLISH, Locale.forLanguageTag("da"), Locale.forLanguageTag("nb"));
        letterLanguageBox.setConverter(converter(l -> messages.get("language." + l.getLanguage())));
        letterLanguageBox.valueProperty().bindBidirectional(vm.letterLanguage);
    }

    @FXML
    private void lookUp() {
        vm.lookUpCard();
    }

    @FXML
    private void fetch() {
        vm.fetch();
    }

    @FXML
    private void openExisting() {
        vm.openExisting(vm.existingPatron.get());
    }

    @FXML
    private void openSimilar() {
        PatronSummary s = similarList.getSelectionModel().getSelectedItem();
        if (s != null) {
            vm.openExisting(s.id());
        }
    }

    @FXML
    private void differentPerson() {
        vm.confirmDifferentPerson();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void registerWithoutNow() {
        vm.registerWithoutNow();
    }

    @FXML
    private void cancel() {
        if (!vm.dirty.get() || Confirm.ask(cardField, messages, app.carddesk.ui.Question.CANCEL_CHECKLIST)) {
            vm.reset();
        }
    }

    @FXML
    private void saveLetter() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(messages.get("letter.fileName", vm.cardText.get()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialDirectory(preferences.startFolder());
        File file = chooser.showSaveDialog(cardField.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.saveLetter(file.toPath());
        }
    }

    @FXML
    private void printLetter() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            vm.message.set(app.carddesk.domain.Problem.of("letter.noPrinter"));
            return;
        }
        if (job.showPrintDialog(cardField.getScene().getWindow())) {
            vm.renderLetter(png -> {
                javafx.scene.image.ImageView page = new javafx.scene.image.ImageView(
                        new javafx.scene.image.Image(new java.io.ByteArrayInputStream(png)));
                var layout = job.getJobSettings().getPageLayout();
                page.setPreserveRatio(true);
                page.setFitWidth(layout.getPrintableWidth());
                page.setFitHeight(layout.getPrintableHeight());
                if (job.printPage(page)) {
                    job.endJob();
                }
            });
        }
    }



    private <T> void selectToggle(ToggleGroup group, ObjectProperty<T> value, Map<RadioButton, T> options) {
        options.forEach((radio, v) -> radio.setSelected(v.equals(value.get())));
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                value.set(options.get(t));
            }
        });
        lifetime.onChange(value, (obs, old, v) -> options.forEach((radio, o) -> {
            if (o.equals(v)) {
                radio.setSelected(true);
            }
        }));
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

}
