package app.carddesk.ui;

import app.carddesk.text.Messages;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Asks staff before something that cannot be taken back; Enter and Escape keep things as they are. */
public final class Confirm {

    /** Ids of the two buttons, for keyboard tests and screen readers alike. */
    public static final String GO_AHEAD_ID = "confirmGoAhead";
    public static final String KEEP_ID = "confirmKeep";

    private Confirm() {
    }

    /** True only when staff chose the button that goes ahead. */
    public static boolean ask(Node owner, Messages messages, Question question, Object... args) {
        ButtonType goAhead = new ButtonType(messages.get(question.goAhead(), args), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(messages.get(question.keep(), args), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get(question.text(), args), keep, goAhead);
        alert.setHeaderText(null);
        alert.setTitle(messages.get("app.title"));
        alert.getDialogPane().setId("confirm-" + question.name());
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // A fixed width: the texts wrap, and the card-scanned notice does not widen it off the screen.
        alert.getDialogPane().setPrefWidth(520);
        Button goAheadButton = (Button) alert.getDialogPane().lookupButton(goAhead);
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        // Each button as wide as its words: an answer like "Schedule the round for 10-12-2026 06:00" is
        // read in full, not cut to the width of the other.
        for (Button b : new Button[] {goAheadButton, keepButton}) {
            ButtonBar.setButtonUniformSize(b, false);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        goAheadButton.setId(GO_AHEAD_ID);
        goAheadButton.setDefaultButton(false);
        keepButton.setId(KEEP_ID);
        keepButton.setDefaultButton(true);
        keepButton.setCancelButton(true);
        alert.setOnShown(e -> keepButton.requestFocus());
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == goAhead).isPresent();
    }
}
