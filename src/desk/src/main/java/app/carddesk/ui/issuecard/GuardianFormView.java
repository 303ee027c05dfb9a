package app.carddesk.ui.issuecard;

import app.carddesk.domain.PatronCategory;
import app.carddesk.text.Messages;
import app.carddesk.ui.Controls;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import app.carddesk.ui.scan.ScannerInput;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Under the profile's guardian age: a guardian (a patron already, by card, or registered here) and their consent. */
public final class GuardianFormView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private Label guardianPrompt, guardianFoundLabel, guardianProblemLabel;
    @FXML private RadioButton guardianExistingRadio, guardianNewRadio;
    @FXML private TextField guardianCardField, guardianSurname, guardianGivenName, guardianBirth, guardianEmail,
            guardianPhone;
    @FXML private GridPane guardianGrid;
    @FXML private CheckBox guardianConsentBox;
    @FXML private ComboBox<PatronCategory> guardianCategory;

    public GuardianFormView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        VBox box = (VBox) guardianPrompt.getParent();
        box.visibleProperty().bind(vm.guardianNeeded);
        box.managedProperty().bind(vm.guardianNeeded);
        guardianPrompt.setText(messages.get("guardian.prompt", vm.profile().guardianAge()));
        ToggleGroup group = new ToggleGroup();
        guardianExistingRadio.setToggleGroup(group);
        guardianNewRadio.setToggleGroup(group);
        guardianNewRadio.selectedProperty().bindBidirectional(vm.guardian.isNew);
        guardianExistingRadio.setSelected(!vm.guardian.isNew.get());
        lifetime.onChange(vm.guardian.isNew, (obs, old, v) -> guardianExistingRadio.setSelected(!v));
        guardianGrid.disableProperty().bind(vm.guardian.isNew.not());
        guardianCardField.disableProperty().bind(vm.guardian.isNew);
        ScannerInput.markCardField(guardianCardField);
        guardianCardField.textProperty().bindBidirectional(vm.guardian.card);
        guardianCardField.setOnAction(e -> {
            e.consume();
            vm.findGuardian();
        });
        guardianSurname.textProperty().bindBidirectional(vm.guardian.details.surname);
        guardianGivenName.textProperty().bindBidirectional(vm.guardian.details.givenName);
        guardianBirth.textProperty().bindBidirectional(vm.guardian.details.birthDate);
        guardianEmail.textProperty().bindBidirectional(vm.guardian.details.email);
        guardianPhone.textProperty().bindBidirectional(vm.guardian.details.phone);
        CategoryOffer.follow(vm, vm.guardian.details.birthDate, vm.guardian.details::birthDateValue,
                guardianCategory.getItems(), vm.guardian.category, lifetime);
        guardianCategory.setCellFactory(v -> Controls.cell(c -> c.name(messages.locale())));
        guardianCategory.setButtonCell(Controls.cell(c -> c.name(messages.locale())));
        guardianCategory.valueProperty().bindBidirectional(vm.guardian.category);
        guardianConsentBox.selectedProperty().bindBidirectional(vm.guardian.consent);
        guardianFoundLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.guardian.found.get() == null ? "" : vm.guardian.found.get().fullName(), vm.guardian.found));
        ProblemDisplay.bind(lifetime.of(vm.guardian.problem), guardianProblemLabel, null, messages);
    }

    @FXML
    private void findGuardian() {
        vm.findGuardian();
    }
}
