package app.carddesk.ui.patron;

import app.carddesk.ui.Controls;
import app.carddesk.issuing.PatronUpkeep;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.Scrolling;
import app.carddesk.ui.ViewLifetime;
import app.carddesk.ui.scan.ScannerInput;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** A new card for the patron, scanned from the stack of blanks, with why the old one goes. */
public final class NewCardView {

    private final PatronViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private TextField newCardField;
    @FXML private VBox newCardReasonBox;
    @FXML private Label newCardReasonLabel, newCardProblem;
    @FXML private RadioButton lostRadio, replacedRadio;

    public NewCardView(PatronViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        ScannerInput.markCardField(newCardField);
        // Escape closes the panel, as Cancel does.
        newCardReasonBox.getParent().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && vm.newCardOpen.get()) {
                e.consume();
                vm.cancelNewCard();
            }
        });
        newCardField.textProperty().bindBidirectional(vm.newCardText);
        newCardField.setOnAction(e -> vm.issueNewCard());
        ToggleGroup reasons = new ToggleGroup();
        lostRadio.setToggleGroup(reasons);
        replacedRadio.setToggleGroup(reasons);
        reasons.selectedToggleProperty().addListener((obs, old, t) -> vm.newCardReason.set(
                t == lostRadio ? PatronUpkeep.CardReplacement.LOST
                        : t == replacedRadio ? PatronUpkeep.CardReplacement.REPLACED : null));
        lifetime.onChange(vm.newCardReason, (obs, old, r) -> {
            if (r == null) {
                reasons.selectToggle(null);
            }
        });
        // Why the old card goes is asked only of a card that is the patron's to retire.
        Controls.visible(newCardReasonBox, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.patron.get() != null && vm.patron.get().cardNumber() != null && vm.cardHeld.get(),
                lifetime.of(vm.patron), lifetime.of(vm.cardHeld)));
        newCardReasonLabel.textProperty().bind(lifetime.of(vm.patron).map(p -> p.cardNumber() == null ? ""
                : messages.get("newCard.reason", p.cardNumber())).orElse(""));
        ProblemDisplay.bind(lifetime.of(vm.newCardProblem), newCardProblem, newCardField, messages);
        lifetime.onChange(vm.newCardOpen, (obs, was, open) -> {
            if (open) {
                Scrolling.showAndFocus(newCardField.getParent().getParent(), newCardField);
            }
        });
    }

    boolean hasFocus() {
        return newCardField.isFocused();
    }

    @FXML
    private void cancelNewCard() {
        vm.cancelNewCard();
    }

    @FXML
    private void issueNewCard() {
        vm.issueNewCard();
    }
}
