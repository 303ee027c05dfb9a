package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.text.Messages;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import app.carddesk.ui.scan.ScannerInput;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * The checklist screen: the steps in a list, the current step's view ({@code fx:include}d, one view
 * per step), the card being issued in sight, and Cancel, Back and Next. The card and pickup steps
 * are a field each and stay here.
 */
public final class IssueCardView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private VBox stepList, cardPane, pickupPane;
    @FXML private VBox identityPane, detailsPane, pinPane, relationsPane, handoverPane;
    @FXML private IdentityStepView identityPaneController;
    @FXML private DetailsStepView detailsPaneController;
    @FXML private PinStepView pinPaneController;
    @FXML private RelationsStepView relationsPaneController;
    @FXML private HandoverStepView handoverPaneController;
    @FXML private Label stepTitle, success, message, cardProblem, cardBadge;
    @FXML private TextField cardField;
    @FXML private Label cardSeries;
    @FXML private javafx.scene.control.Button retiredOwnerButton;
    @FXML private SearchableComboBox<PickupLibrary> pickupBox;
    @FXML private Button nextButton, backButton;
    @FXML private ScrollPane stepScroller;

    public IssueCardView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.lifetime = lifetime;
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        bindSteps();
        app.carddesk.ui.Scrolling.followFocus(stepScroller);
        ScannerInput.markCardField(cardField);
        cardField.textProperty().bindBidirectional(vm.cardText);
        ProblemDisplay.bind(lifetime.of(vm.cardProblem), cardProblem, cardField, messages);
        app.carddesk.ui.Controls.visible(retiredOwnerButton, vm.retiredCardOwner.isNotNull());
        cardField.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(cardField::selectAll);
            }
        });
        // The card being issued stays in sight on every step.
        cardBadge.textProperty().bind(lifetime.of(vm.card).map(c -> messages.get("checklist.card", c.value()))
                .orElse(""));
        cardBadge.visibleProperty().bind(vm.card.isNotNull().and(vm.step.isNotEqualTo(Step.CARD)));
        pickupBox.getItems().setAll(vm.choices.get().pickupLibraries());
        pickupBox.setConverter(Controls.converter(PickupLibrary::name));
        pickupBox.valueProperty().bindBidirectional(vm.pickup);
        lifetime.onChange(vm.choices, (obs, old, p) -> {
            PickupLibrary chosen = vm.pickup.get();
            pickupBox.getItems().setAll(p.pickupLibraries());
            vm.pickup.set(chosen);
        });
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
        stepList.getParent().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !nextButton.isDisabled() && entersNext(e.getTarget())) {
                e.consume();
                next();
            }
        });
    }

    /** Whether Enter on this control means "next step" rather than something of its own. */
    private boolean entersNext(Object target) {
        if (target instanceof javafx.scene.control.ButtonBase b && !(b instanceof Button)) {
            return true;
        }
        if (target instanceof javafx.scene.control.ListView<?>) {
            return relationsPaneController.entersNext(target);
        }
        if (vm.step.get() == Step.PICKUP && target instanceof Node n && Controls.isInside(n, pickupBox)) {
            return !pickupBox.isShowing();
        }
        return vm.step.get() == Step.HANDOVER && target instanceof Button b && b.getParent() != null
                && b.getParent().getStyleClass().contains("letter-bar");
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
            // Which blank cards are the library's, as its settings say now (a sync may have changed them).
            String patterns = vm.profile().cardNumberPolicy().patterns();
            cardSeries.setText(patterns.isEmpty() ? "" : messages.get("card.series", patterns));
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
        // Back on the checklist from another screen (F2), the keyboard is where the checklist stands:
        // at its first step, in the card field, so that a typed number goes there. Once laid out: a
        // checklist never shown yet (built in another language, or left at once for Administration) has
        // its steps in the window only when its scroller's skin is made, at its first layout.
        lifetime.onChange(stepList.sceneProperty(), (obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> {
                    Node field = firstField(vm.step.get());
                    if (field.getScene() != null) {
                        field.requestFocus();
                    } else if (stepList.getScene() != null) {
                        app.carddesk.ui.AfterLayout.once(stepList.getScene(), () -> Platform.runLater(() ->
                                firstField(vm.step.get()).requestFocus()));
                    }
                });
            }
        });
        lifetime.onSetChange(vm.completed, (javafx.collections.SetChangeListener<Step>) c -> refresh.run());
        refresh.run();
    }

    /** The view of a step that has one of its own (the card and pickup steps are part of this one). */
    private StepView stepView(Step s) {
        return switch (s) {
            case IDENTITY -> identityPaneController;
            case DETAILS -> detailsPaneController;
            case PIN -> pinPaneController;
            case RELATIONS -> relationsPaneController;
            case HANDOVER -> handoverPaneController;
            case CARD, LOOKUP, PICKUP -> null;
        };
    }

    private Node firstField(Step s) {
        return switch (s) {
            case CARD, LOOKUP -> cardField;
            case PICKUP -> pickupBox;
            default -> stepView(s).firstField();
        };
    }

    @FXML
    private void lookUp() {
        vm.lookUpCard();
    }

    /** A patron shows an old card: the desk opens the patron it was retired from. */
    @FXML
    private void openRetiredOwner() {
        vm.openExisting(vm.retiredCardOwner.get());
    }

    /** Next; when the step stays for a problem, the keyboard goes to the field to put right. */
    @FXML
    private void next() {
        Step before = vm.step.get();
        vm.next();
        StepView view = stepView(before);
        Node wrong = vm.step.get() == before && view != null ? view.fieldInError() : null;
        if (wrong != null) {
            // After the marks are on the fields: marking a field can take the focus from it.
            Platform.runLater(wrong::requestFocus);
        }
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void cancel() {
        if (!vm.dirty.get() || Confirm.ask(cardField, messages, app.carddesk.ui.Question.CANCEL_CHECKLIST)) {
            vm.reset();
        }
    }
}
