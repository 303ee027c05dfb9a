package app.carddesk.ui.scan;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Listens to every key typed in a window and recognises card scans wherever the focus is. When a
 * scan lands in a text field that was meant for something else, the field gets its text back, so
 * a burst into the wrong field loses nothing.
 */
public final class ScannerInput {

    private final ScanDetector detector;
    private final Consumer<String> onScan;
    private TextInputControl burstTarget;
    private String textBeforeBurst;
    private int caretBeforeBurst;

    private ScannerInput(ScanDetector detector, Consumer<String> onScan) {
        this.detector = detector;
        this.onScan = onScan;
    }

    public static void install(Scene scene, ScanDetector detector, Consumer<String> onScan) {
        ScannerInput input = new ScannerInput(detector, onScan);
        scene.addEventFilter(KeyEvent.KEY_TYPED, input::typed);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input::pressed);
    }

    private void typed(KeyEvent e) {
        String s = e.getCharacter();
        if (s.isEmpty() || Character.isISOControl(s.charAt(0))) {
            return;
        }
        if (detector.onCharacter(s.charAt(0), System.nanoTime())) {
            Node focus = e.getTarget() instanceof Node n ? n : null;
            burstTarget = focus instanceof TextInputControl t ? t : null;
            textBeforeBurst = burstTarget == null ? null : burstTarget.getText();
            caretBeforeBurst = burstTarget == null ? 0 : burstTarget.getCaretPosition();
        }
    }

    private void pressed(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER) {
            return;
        }
        detector.onEnter(System.nanoTime()).ifPresent(scan -> {
            if (burstTarget != null && Boolean.TRUE.equals(burstTarget.getProperties().get(CARD_FIELD))) {
                // Scanned where card numbers belong: the field's own Enter looks the number up.
                return;
            }
            e.consume();
            if (burstTarget != null) {
                burstTarget.setText(textBeforeBurst);
                burstTarget.positionCaret(Math.min(caretBeforeBurst, burstTarget.getLength()));
            }
            burstTarget = null;
            onScan.accept(scan);
        });
    }

    /** Marks the field meant for card numbers: a scan into it is no mistake to undo. */
    public static final String CARD_FIELD = "carddesk.cardField";

    public static void markCardField(TextInputControl field) {
        field.getProperties().put(CARD_FIELD, Boolean.TRUE);
    }
}
