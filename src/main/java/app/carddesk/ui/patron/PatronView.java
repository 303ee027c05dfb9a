package app.carddesk.ui.patron;

import app.carddesk.domain.Address;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.DigitalAccess;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PickupLibrary;
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
    private final LibraryProfile profile;
    private final Messages messages;

    @FXML private Label title, success, message, balanceProblem, identityProblem, destroyText;
    @FXML private Label currentName, currentBirth, currentAddress, registerName, registerBirth, registerAddress;
    @FXML private GridPane facts, compareGrid;
    @FXML private TextField feesField, creditField, identityField;
    @FXML private Button registerIdButton, saveButton;
    @FXML private VBox conversionBox, destroyBox, servicesBox;
    @FXML private CheckBox cardCut;
    @FXML private javafx.scene.control.ComboBox<PickupLibrary> pickupBox;

    public PatronView(PatronViewModel vm, LibraryProfile profile, Messages messages) {
        this.vm = vm;
        this.profile = profile;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        feesField.textProperty().bindBidirectional(vm.fees);
        creditField.textProperty().bindBidirectional(vm.printCredit);
        identityField.textProperty().bindBidirectional(vm.identityText);
        identityField.setOnAction(e -> {
            e.consume();
            vm.fetch();
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
        ProblemDisplay.bind(vm.balanceProblem, balanceProblem, feesField, messages);
        ProblemDisplay.bind(vm.identityProblem, identityProblem, identityField, messages);
        ProblemDisplay.bind(vm.message, message, null, messages);
        success.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.success.get()), vm.success));
        visible(success, vm.success.isNotNull());
        visible(registerIdButton, vm.canRegisterNationalId.and(vm.converting.not()));
        visible(conversionBox, vm.converting);
        visible(compareGrid, vm.fetched.isNotNull());
        visible(destroyBox, vm.awaitingDestruction);
        saveButton.disableProperty().bind(vm.fetched.isNull().or(vm.awaitingDestruction));
        identityField.disableProperty().bind(vm.awaitingDestruction);
        vm.patron.addListener((obs, old, p) -> show(p));
        vm.digitalAccess.addListener((javafx.collections.ListChangeListener<DigitalAccess.Access>) c -> showAccess());
        vm.fetched.addListener((obs, old, p) -> showFetched(p));
        show(vm.patron.get());
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
        row = fact(row, "patron.identity", p.identity() == null ? messages.get("patron.noIdentity")
                : messages.get("identityKind." + p.identity().kind()) + " " + p.identity().masked()
                + (p.identity().needsReRegistration() ? " " + messages.get("patron.replacementNumber") : ""));
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
    private void saveReport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(messages.get("report.fileName"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File file = chooser.showSaveDialog(title.getScene().getWindow());
        if (file != null) {
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
