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
        label.textProperty().bind(Bindings.createStringBinding(() -> messages.text(problem.getValue()), problem));
        label.visibleProperty().bind(problem.map(p -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        if (field != null) {
            problem.addListener((obs, old, p) -> decorate(field, p, messages));
            decorate(field, problem.getValue(), messages);
        }
    }

    private static void decorate(Control field, Problem p, Messages messages) {
        DECORATION.removeDecorations(field);
        if (p != null && field.getScene() != null) {
            DECORATION.applyValidationDecoration(ValidationMessage.error(field, messages.text(p)));
        }
    }
}
