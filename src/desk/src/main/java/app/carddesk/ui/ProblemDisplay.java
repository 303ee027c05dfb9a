package app.carddesk.ui;

import app.carddesk.text.Messages;
import app.carddesk.domain.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/** Shows a ViewModel's problem beside its field: the sentence in a label, the mark on the field. */
public final class ProblemDisplay {

    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private ProblemDisplay() {
    }

    public static void bind(ObservableValue<Problem> problem, Label label, Control field, Messages messages) {
        bindMarking(problem, label, p -> field, messages);
    }

    /**
     * The same, the mark on the field each problem is about ({@code fieldFor}; null for none): a
     * problem with a box beside a field marks the box, not the field.
     */
    public static void bindMarking(ObservableValue<Problem> problem, Label label,
                                   java.util.function.Function<Problem, Control> fieldFor, Messages messages) {
        label.textProperty().bind(Bindings.createStringBinding(() -> messages.text(problem.getValue()), problem));
        label.visibleProperty().bind(problem.map(p -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        Control[] marked = new Control[1];
        problem.addListener((obs, old, p) -> {
            marked[0] = decorate(marked[0], problem, fieldFor, messages);
            app.carddesk.ui.scan.ScannerInput.replacedByNextScan(marked[0]);
        });
        marked[0] = decorate(null, problem, fieldFor, messages);
    }

    /**
     * Takes the mark off {@code marked} and puts one on the problem's field; that field, or null. A
     * field not yet on screen (a view built again in another language) is marked once it is shown
     * with its skin, if the problem is still the same: without a skin, the mark would be put among
     * the field's children by reflection, which the installed desk's modules do not allow.
     */
    private static Control decorate(Control marked, ObservableValue<Problem> problem,
                                    java.util.function.Function<Problem, Control> fieldFor, Messages messages) {
        if (marked != null) {
            DECORATION.removeDecorations(marked);
        }
        Problem p = problem.getValue();
        Control field = p == null ? null : fieldFor.apply(p);
        if (field == null) {
            return null;
        }
        if (field.getScene() == null || field.getSkin() == null) {
            // The mark is drawn among the field's skin's children: it waits until the field has both.
            javafx.beans.InvalidationListener[] ready = new javafx.beans.InvalidationListener[1];
            ready[0] = obs -> {
                if (field.getScene() != null && field.getSkin() != null) {
                    field.sceneProperty().removeListener(ready[0]);
                    field.skinProperty().removeListener(ready[0]);
                    if (problem.getValue() == p) {
                        DECORATION.applyValidationDecoration(ValidationMessage.error(field, messages.text(p)));
                    }
                }
            };
            field.sceneProperty().addListener(ready[0]);
            field.skinProperty().addListener(ready[0]);
            return field;
        }
        DECORATION.applyValidationDecoration(ValidationMessage.error(field, messages.text(p)));
        return field;
    }
}
