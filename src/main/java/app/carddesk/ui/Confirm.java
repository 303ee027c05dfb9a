package app.carddesk.ui;

import app.carddesk.text.Messages;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Asks staff before work would be thrown away. */
public final class Confirm {

    private Confirm() {
    }

    /** True when staff answer Yes. */
    public static boolean ask(Node owner, Messages messages, String key, Object... args) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get(key, args), ButtonType.YES, ButtonType.NO);
        alert.setHeaderText(null);
        alert.setTitle(messages.get("app.title"));
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }
}
