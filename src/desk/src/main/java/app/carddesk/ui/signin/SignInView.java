package app.carddesk.ui.signin;

import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in screen over the desk: user name, password, Enter. */
public final class SignInView {

    private final SignInViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;
    private final javafx.beans.property.ObjectProperty<java.util.Locale> locale;

    @FXML private javafx.scene.control.ComboBox<java.util.Locale> languageBox;
    @FXML private Label languageLabel;

    @FXML private StackPane root;
    @FXML private Label demoHint, problem;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField, newField, repeatField;
    @FXML private VBox changeBox;
    @FXML private Button signInButton, enrolToggle;
    @FXML private VBox enrolBox;
    @FXML private TextField addressField, codeField;
    @FXML private Button enrolButton, enrolClose;
    @FXML private Label enrolProblem, enrolDone;

    public SignInView(SignInViewModel vm, Messages messages, ViewLifetime lifetime,
                      javafx.beans.property.ObjectProperty<java.util.Locale> locale) {
        this.locale = locale;
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    /**
     * The field a problem is about: while a new password is chosen, the new one (or its repeat, when
     * the two differ) unless the one signed in with was refused; the request to choose one marks
     * nothing.
     */
    private javafx.scene.control.Control fieldOf(app.carddesk.domain.Problem p) {
        if (!vm.mustChange.get()) {
            return passwordField;
        }
        return switch (p.key()) {
            case "signin.mustChange" -> null;
            case "signin.passwordsDiffer" -> repeatField;
            case "signin.wrong", "signin.wrongCurrent", "signin.lastTry" -> passwordField;
            default -> newField;
        };
    }

    @FXML
    private void initialize() {
        // The whole window is built again in the new language; what was typed lives in the ViewModel.
        app.carddesk.ui.Controls.languageChoice(languageBox, locale, messages);
        // Set here, not in the FXML: there the box comes after its label and the reference found nothing.
        languageLabel.setLabelFor(languageBox);
        userField.textProperty().bindBidirectional(vm.userName);
        passwordField.textProperty().bindBidirectional(vm.password);
        newField.textProperty().bindBidirectional(vm.newPassword);
        repeatField.textProperty().bindBidirectional(vm.repeatPassword);
        vm.demoAccount().ifPresentOrElse(demo -> demoHint.setText(messages.get("signin.demo", demo.get(0),
                demo.get(1))), () -> {
                    demoHint.setVisible(false);
                    demoHint.setManaged(false);
                });
        changeBox.visibleProperty().bind(lifetime.of(vm.mustChange));
        changeBox.managedProperty().bind(changeBox.visibleProperty());
        userField.disableProperty().bind(lifetime.of(vm.mustChange));
        // Mapped from the lifetime-bound value itself: a binding that reads the property directly
        // would leave that value invalid after the first change and miss every later one.
        signInButton.textProperty().bind(lifetime.of(vm.mustChange).map(change -> messages.get(
                change ? "signin.changeButton" : "signin.button")));
        signInButton.disableProperty().bind(lifetime.of(vm.busy));
        ProblemDisplay.bindMarking(lifetime.of(vm.problem), problem, this::fieldOf, messages);
        // Choosing one's own password at the first sign-in is the next step, not something gone wrong.
        lifetime.onChange(vm.problem, (obs, was, now) -> {
            problem.getStyleClass().remove("problem");
            if (now == null || !"signin.mustChange".equals(now.key())) {
                problem.getStyleClass().add("problem");
            }
        });
        root.visibleProperty().bind(lifetime.of(vm.signedIn).map(in -> !in));
        userField.setOnAction(e -> passwordField.requestFocus());
        passwordField.setOnAction(e -> submit());
        newField.setOnAction(e -> repeatField.requestFocus());
        repeatField.setOnAction(e -> submit());
        lifetime.onChange(vm.mustChange, (obs, was, now) -> {
            if (now) {
                newField.requestFocus();
            }
        });
        lifetime.onChange(root.visibleProperty(), (obs, was, now) -> {
            if (now) {
                focusFirst();
            }
        });
        javafx.application.Platform.runLater(this::focusFirst);
        enrolToggle.setVisible(vm.canEnrol());
        enrolToggle.setManaged(vm.canEnrol());
        enrolBox.visibleProperty().bind(lifetime.of(vm.enrolOpen));
        enrolBox.managedProperty().bind(enrolBox.visibleProperty());
        addressField.textProperty().bindBidirectional(vm.enrolAddress);
        codeField.textProperty().bindBidirectional(vm.enrolCode);
        addressField.setOnAction(e -> codeField.requestFocus());
        codeField.setOnAction(e -> vm.enrol());
        // A problem with the code marks the code; any other (the address, the register's answer) the address.
        ProblemDisplay.bindMarking(lifetime.of(vm.enrolProblem), enrolProblem,
                p -> p.key().startsWith("enrol.code") ? codeField : addressField, messages);
        enrolDone.textProperty().bind(lifetime.of(vm.enrolDone).map(messages::text).orElse(""));
        // Joined: nothing more to type here; the desk works with the central register from its next start.
        javafx.beans.value.ObservableValue<Boolean> joined = lifetime.of(vm.enrolDone).map(d -> true).orElse(false);
        for (javafx.scene.Node n : new javafx.scene.Node[] {addressField, codeField, enrolButton}) {
            n.disableProperty().bind(joined);
        }
        enrolClose.visibleProperty().bind(joined);
        enrolClose.managedProperty().bind(enrolClose.visibleProperty());
        lifetime.onChange(vm.enrolDone, (obs, was, now) -> {
            if (now != null) {
                enrolClose.requestFocus();
            }
        });
    }

    @FXML
    private void toggleEnrol() {
        vm.enrolOpen.set(!vm.enrolOpen.get());
        if (vm.enrolOpen.get()) {
            // After the key that opened it is done with: its mnemonic (Alt+O) leaves the focus on the
            // button otherwise, and what is typed next would go nowhere (or be taken for a scan).
            javafx.application.Platform.runLater(addressField::requestFocus);
        }
    }

    @FXML
    private void enrol() {
        vm.enrol();
    }

    /** As when staff close the window: the desk ends, and starts connected the next time. */
    @FXML
    private void closeAfterEnrolment() {
        javafx.stage.Window window = root.getScene().getWindow();
        window.fireEvent(new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    private void focusFirst() {
        if (!root.isVisible()) {
            return;
        }
        if (vm.enrolOpen.get() && vm.demoAccount().isEmpty()) {
            addressField.requestFocus();
            return;
        }
        if (vm.userName.get() == null || vm.userName.get().isBlank()) {
            userField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
    }

    @FXML
    private void submit() {
        vm.submit();
    }
}
