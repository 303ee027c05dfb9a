package app.carddesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyEvent;

/**
 * Alt + the underlined letter presses the control that shows it. JavaFX also counts controls in
 * panels that are hidden (a panel's own visibility, not the control's), so two texts with the same
 * letter made Alt only move the focus; here only what staff can see competes.
 */
public final class Mnemonics {

    private Mnemonics() {
    }

    /**
     * On the scene's window: the scene's own mnemonic handling comes before any filter on the scene,
     * and for a label (the language box's) it took the key without moving the focus.
     */
    public static void install(Scene scene) {
        // Once per scene: twice, a letter would press its button twice.
        if (scene.getProperties().putIfAbsent(Mnemonics.class, Boolean.TRUE) != null) {
            return;
        }
        javafx.event.EventHandler<KeyEvent> handler = handler(scene);
        if (scene.getWindow() != null) {
            scene.getWindow().addEventFilter(KeyEvent.KEY_PRESSED, handler);
        }
        scene.windowProperty().addListener((obs, old, window) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
            if (window != null) {
                window.addEventFilter(KeyEvent.KEY_PRESSED, handler);
            }
        });
    }

    private static javafx.event.EventHandler<KeyEvent> handler(Scene scene) {
        return e -> {
            if (!e.isAltDown() || e.isControlDown() || e.isShortcutDown() || e.getCode().getChar().length() != 1
                    || !Character.isLetterOrDigit(e.getCode().getChar().charAt(0))) {
                return;
            }
            char key = Character.toLowerCase(e.getCode().getChar().charAt(0));
            List<Labeled> shown = new ArrayList<>();
            collect(scene.getRoot(), key, shown);
            if (shown.isEmpty()) {
                return;
            }
            e.consume();
            Labeled target = shown.get(0);
            if (shown.size() > 1) {
                // Several show the letter: Alt moves on to the next of them, as on a native dialog.
                Node focused = scene.getFocusOwner();
                int at = -1;
                for (int i = 0; i < shown.size(); i++) {
                    if (shown.get(i) == focused || shown.get(i) instanceof Label lb && lb.getLabelFor() == focused) {
                        at = i;
                    }
                }
                target = shown.get((at + 1) % shown.size());
                focus(target);
                return;
            }
            if (target instanceof ButtonBase b) {
                b.requestFocus();
                b.fire();
            } else {
                focus(target);
            }
        };
    }

    private static void focus(Labeled l) {
        if (l instanceof Label label && label.getLabelFor() != null) {
            label.getLabelFor().requestFocus();
        } else {
            l.requestFocus();
        }
    }

    private static void collect(Node n, char key, List<Labeled> into) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null) {
            int i = l.getText().indexOf('_');
            if (i >= 0 && i + 1 < l.getText().length()
                    && Character.toLowerCase(l.getText().charAt(i + 1)) == key
                    && (l instanceof ButtonBase || l instanceof Label label && label.getLabelFor() != null)) {
                into.add(l);
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, key, into);
            }
        }
    }
}
