package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.domain.PinDelivery;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;

/** The PIN step: mailed by the central register, or the patron's own typed twice. */
public final class PinStepView implements StepView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private RadioButton emailPinRadio, ownPinRadio;
    @FXML private javafx.scene.control.Label noEmail;
    @FXML private ToggleGroup pinGroup;
    @FXML private GridPane ownPinGrid;
    @FXML private PasswordField pinField, pinRepeatField;
    @FXML private CheckBox changeAdvised;
    @FXML private Label pinProblem, emailLater;

    public PinStepView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        Controls.selectToggle(lifetime, pinGroup, vm.pin.delivery, Map.of(emailPinRadio, PinDelivery.EMAIL,
                ownPinRadio, PinDelivery.OWN_PIN));
        emailPinRadio.disableProperty().bind(vm.pin.emailAvailable.not());
        noEmail.visibleProperty().bind(lifetime.of(vm.pin.emailAvailable).map(available -> !available));
        noEmail.managedProperty().bind(noEmail.visibleProperty());
        // While the desk does not reach a central register, a mailed PIN waits: staff are told before they choose.
        var settings = lifetime.of(vm.letter.settings);
        var delivery = lifetime.of(vm.pin.delivery);
        emailLater.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                settings.getValue() != null && !settings.getValue().centralRegister()
                        && delivery.getValue() == PinDelivery.EMAIL, settings, delivery));
        emailLater.managedProperty().bind(emailLater.visibleProperty());
        ownPinGrid.disableProperty().bind(vm.pin.delivery.isNotEqualTo(PinDelivery.OWN_PIN));
        pinField.textProperty().bindBidirectional(vm.pin.pin);
        pinRepeatField.textProperty().bindBidirectional(vm.pin.pinRepeat);
        changeAdvised.selectedProperty().bindBidirectional(vm.pin.changeAdvised);
        ProblemDisplay.bindMarking(lifetime.of(vm.pin.problem), pinProblem,
                p -> "pin.adviseChange".equals(p.key()) ? changeAdvised : pinField, messages);
        // A refused PIN is checked again on Next; typing it again or ticking the box takes the problem away.
        for (ObservableValue<?> changed : List.of(vm.pin.pin, vm.pin.pinRepeat, vm.pin.changeAdvised,
                vm.pin.delivery)) {
            lifetime.onChange(changed, (obs, old, now) -> {
                if (vm.step.get() == Step.PIN && (!vm.pin.pin.get().isEmpty() || changed == vm.pin.changeAdvised
                        || changed == vm.pin.delivery)) {
                    vm.pin.problem.set(null);
                }
            });
        }
        // A refused PIN is typed again from the first field; a missing "ask to change it" marks its box.
        lifetime.onChange(vm.pin.problem, (obs, old, p) -> {
            changeAdvised.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"),
                    p != null && "pin.adviseChange".equals(p.key()));
            if (p != null && vm.step.get() == Step.PIN) {
                Platform.runLater(("pin.adviseChange".equals(p.key()) ? changeAdvised : pinField)::requestFocus);
            }
        });
    }

    @Override
    public Node firstField() {
        return vm.pin.delivery.get() == PinDelivery.EMAIL ? emailPinRadio : pinField;
    }
}
