package app.carddesk.ui.activate;

import app.carddesk.ui.Controls;
import app.carddesk.ui.ViewLifetime;
import app.carddesk.issuing.NationalRegister;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Patron from another library: search, the loan rules to accept, activate. */
public final class ActivateView {

    private final ActivateViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private TextField queryField;
    @FXML private Label message, rulesTitle, alreadyHere, pinMessage;
    @FXML private VBox foundBox, rulesBox;
    @FXML private GridPane facts;
    @FXML private TextArea rulesText;
    @FXML private CheckBox acceptedBox, makeHomeBox;
    @FXML private Button openButton;
    @FXML private PasswordField pinField;

    public ActivateView(ActivateViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.lifetime = lifetime;
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        vm.language.set(messages.locale());
        queryField.textProperty().bindBidirectional(vm.query);
        queryField.setOnAction(e -> {
            e.consume();
            vm.search();
        });
        acceptedBox.selectedProperty().bindBidirectional(vm.accepted);
        // Only Space ticks a box: Enter moves on (to the PIN, then activates), so that a Return meant
        // for something else never says the patron accepted the loan rules.
        acceptedBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                pinField.requestFocus();
            }
        });
        makeHomeBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                vm.activate();
            }
        });
        makeHomeBox.selectedProperty().bindBidirectional(vm.makeHome);
        pinField.textProperty().bindBidirectional(vm.pin);
        pinField.setOnAction(e -> {
            e.consume();
            vm.activate();
        });
        ProblemDisplay.bind(lifetime.of(vm.message), message, queryField, messages);
        ProblemDisplay.bind(lifetime.of(vm.pinProblem), pinMessage, pinField, messages);
        pinField.textProperty().addListener((obs, old, typed) -> {
            if (!typed.isEmpty()) {
                vm.pinProblem.set(null);
            }
        });
        Controls.visible(foundBox, vm.found.isNotNull());
        Controls.visible(rulesBox, vm.rules.isNotNull());
        lifetime.onChange(vm.found, (obs, old, p) -> show(p));
        lifetime.onChange(vm.rules, (obs, old, r) -> showRules(r));
        show(vm.found.get());
        showRules(vm.rules.get());
    }

    private void show(NationalRegister.NationalPatron p) {
        facts.getChildren().clear();
        if (p == null) {
            return;
        }
        int row = 0;
        row = fact(row, "details.name", app.carddesk.domain.PersonName.full(p.givenName(), p.surname()));
        row = fact(row, "details.birthDate", messages.date(p.birthDate()));
        row = fact(row, "patron.card", p.cardNumber() == null ? messages.get("patron.noCard") : p.cardNumber());
        fact(row, "activate.homeLibrary", p.homeLibraryName());
        alreadyHere.setVisible(p.activeHere());
        alreadyHere.setManaged(p.activeHere());
        openButton.setVisible(p.activeHere());
        openButton.setManaged(p.activeHere());
        makeHomeBox.setText(messages.get("activate.makeHome"));
    }

    private void showRules(NationalRegister.LoanRules r) {
        if (r != null && (queryField.isFocused() || queryField.getScene() == null)) {
            // The rules are what staff show next: the box to tick is where the keyboard goes.
            javafx.application.Platform.runLater(acceptedBox::requestFocus);
        }
        rulesTitle.setText(r == null ? "" : messages.get("activate.rulesTitle", r.version()));
        rulesText.setText(r == null ? "" : r.text());
        acceptedBox.setText(r == null ? "" : messages.get("activate.accepted", r.version()));
    }

    private int fact(int row, String key, String value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("muted");
        Label v = new Label(value);
        v.setId("activate-" + key.substring(key.indexOf('.') + 1));
        facts.addRow(row, name, v);
        return row + 1;
    }

    @FXML
    private void search() {
        vm.search();
    }

    @FXML
    private void activate() {
        vm.activate();
    }

    @FXML
    private void open() {
        vm.openFound();
    }
}
