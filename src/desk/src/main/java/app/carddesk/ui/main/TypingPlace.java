package app.carddesk.ui.main;

import app.carddesk.ui.Controls;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/** A control that had the keyboard, and the caret's place in it when it is a text field. */
record TypingPlace(Node node, int caret) {

    static TypingPlace of(Node n) {
        return n == null ? null : new TypingPlace(n, n instanceof TextInputControl t ? t.getCaretPosition() : -1);
    }

    void restore() {
        if (node.getScene() == null || !Controls.shown(node) || node.isDisabled()) {
            return;
        }
        node.requestFocus();
        if (node instanceof TextInputControl t) {
            t.positionCaret(Math.min(caret, t.getLength()));
        }
    }
}
