package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The identity step: with a national ID (fetched from the register) or without one, and for how long. */
public final class IdentityStepView implements StepView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private RadioButton withIdRadio, withoutRadio, expectsRadio, shortStayRadio;
    @FXML private ToggleGroup identityGroup, withoutGroup;
    @FXML private VBox withIdBox, withoutBox;
    @FXML private TextField identityField, expiryField;
    @FXML private Label identityWarning, identityProblem, expiryProblem, fetchedName, fetchedBirth, fetchedAddress;
    @FXML private CheckBox warningsConfirmed;
    @FXML private Button openExistingButton, registerLaterButton;
    @FXML private GridPane fetchedGrid;

    public IdentityStepView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        Controls.selectToggle(lifetime, identityGroup, vm.identity.mode, Map.of(withIdRadio, IdentityMode.NATIONAL_ID,
                withoutRadio, IdentityMode.WITHOUT));
        Controls.selectToggle(lifetime, withoutGroup, vm.identity.withoutKind, Map.of(expectsRadio,
                RegistrationKind.EXPECTS_NATIONAL_ID, shortStayRadio, RegistrationKind.SHORT_STAY));
        withIdBox.disableProperty().bind(vm.identity.mode.isNotEqualTo(IdentityMode.NATIONAL_ID));
        withoutBox.disableProperty().bind(vm.identity.mode.isNotEqualTo(IdentityMode.WITHOUT));
        expiryField.disableProperty().bind(vm.identity.withoutKind.isNotEqualTo(RegistrationKind.SHORT_STAY));
        identityField.textProperty().bindBidirectional(vm.identity.text);
        identityField.setOnAction(e -> {
            e.consume();
            vm.fetchOrNext();
        });
        expiryField.textProperty().bindBidirectional(vm.identity.expiryText);
        ProblemDisplay.bind(lifetime.of(vm.identity.problem), identityProblem, identityField, messages);
        ProblemDisplay.bind(lifetime.of(vm.identity.expiryProblem), expiryProblem, expiryField, messages);
        identityWarning.textProperty().bind(Bindings.createStringBinding(() -> String.join(" ",
                vm.identity.warnings.stream().map(messages::text).toList()), vm.identity.warnings));
        identityWarning.visibleProperty().bind(Bindings.isNotEmpty(vm.identity.warnings));
        warningsConfirmed.visibleProperty().bind(identityWarning.visibleProperty());
        warningsConfirmed.selectedProperty().bindBidirectional(vm.identity.warningsConfirmed);
        openExistingButton.visibleProperty().bind(vm.identity.existingPatron.isNotNull());
        fetchedGrid.visibleProperty().bind(vm.identity.fetched.isNotNull());
        lifetime.onChange(vm.identity.fetched, (obs, old, p) -> {
            fetchedName.setText(p == null ? "" : app.carddesk.domain.PersonName.full(p.givenName(), p.surname()));
            fetchedBirth.setText(p == null ? "" : messages.date(p.birthDate()));
            fetchedAddress.setText(p == null ? "" : String.join(", ", p.address().line(),
                    p.address().postalCode() + " " + p.address().city()));
        });
        for (Node n : List.of(warningsConfirmed, openExistingButton, fetchedGrid, identityWarning)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        registerLaterButton.visibleProperty().bind(vm.identity.registerLaterOffered);
        registerLaterButton.managedProperty().bind(vm.identity.registerLaterOffered);
    }

    @Override
    public Node firstField() {
        return identityGroup.getSelectedToggle() == withIdRadio ? identityField : withoutRadio;
    }

    @Override
    public Node fieldInError() {
        if (vm.identity.expiryProblem.get() != null && !expiryField.isDisabled()) {
            return expiryField;
        }
        return vm.identity.problem.get() != null && !identityField.isDisabled() ? identityField : null;
    }

    @FXML
    private void fetch() {
        vm.fetch();
    }

    @FXML
    private void openExisting() {
        vm.openExisting(vm.identity.existingPatron.get());
    }

    @FXML
    private void registerWithoutNow() {
        vm.registerWithoutNow();
    }
}
