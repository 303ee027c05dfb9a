package app.carddesk.ui.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Listens to every key typed in a window and recognises card scans wherever the focus is. When a
 * scan lands in a text field that was meant for something else, the field gets back the text it
 * had before the scan, so a burst into the wrong field loses nothing.
 */
public final class ScannerInput {

    /** Marks the field meant for card numbers: a scan into it is no mistake to undo. */
    public static final String CARD_FIELD = "carddesk.cardField";

    private record Before(TextInputControl field, String text, int caret) {
    }

    private final Scene scene;
    private final ScanDetector detector;
    private final Predicate<String> isCardNumber;
    private final Consumer<String> onScan;
    private final List<Before> before = new ArrayList<>();
    /** The Enter that ended a scan was taken: its release and typed character go nowhere either. */
    private boolean swallowEnter;

    private ScannerInput(Scene scene, ScanDetector detector, Predicate<String> isCardNumber,
                         Consumer<String> onScan) {
        this.scene = scene;
        this.detector = detector;
        this.isCardNumber = isCardNumber;
        this.onScan = onScan;
    }

    /**
     * @param isCardNumber whether text is one of the library's card numbers: a fast burst into a
     *                     text field counts as a scan only then, since keys held up while the desk
     *                     was busy can arrive as fast as a scanner's
     */
    public static void install(Scene scene, ScanDetector detector, Predicate<String> isCardNumber,
                               Consumer<String> onScan) {
        ScannerInput input = new ScannerInput(scene, detector, isCardNumber, onScan);
        scene.getProperties().put(ScannerInput.class, input);
        scene.addEventFilter(KeyEvent.KEY_TYPED, input::typed);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input::pressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, input::released);
    }

    /** Whether a scene already listens for scans (a dialog's scene is reused between showings). */
    public static boolean isInstalled(Scene scene) {
        return scene.getProperties().containsKey(ScannerInput.class);
    }

    public static void markCardField(TextInputControl field) {
        field.getProperties().put(CARD_FIELD, Boolean.TRUE);
    }

    /**
     * After a refused number in a card field, the next scan (or typing) replaces it rather than
     * adding to it: the field's text is selected. Nothing for any other field, or none.
     */
    public static void replacedByNextScan(javafx.scene.control.Control field) {
        if (field instanceof TextInputControl text && Boolean.TRUE.equals(text.getProperties().get(CARD_FIELD))) {
            text.selectAll();
        }
    }

    private void typed(KeyEvent e) {
        String s = e.getCharacter();
        if (swallowEnter && ("\r".equals(s) || "\n".equals(s))) {
            e.consume();
            return;
        }
        if (s.isEmpty() || Character.isISOControl(s.charAt(0))) {
            return;
        }
        if (detector.onCharacter(s.charAt(0), KeyTime.now()) == 0) {
            before.clear();
        }
        Node focus = scene.getFocusOwner();
        before.add(focus instanceof TextInputControl t && t.isEditable()
                ? new Before(t, t.getText(), t.getCaretPosition()) : new Before(null, null, 0));
    }

    private void released(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && swallowEnter) {
            swallowEnter = false;
            e.consume();
        }
    }

    private void pressed(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER) {
            return;
        }
        swallowEnter = false;
        detector.onEnter(KeyTime.now()).map(scan -> scan.likelier(isCardNumber)).ifPresent(scan -> {
            Before start = scan.start() < before.size() ? before.get(scan.start()) : new Before(null, null, 0);
            before.clear();
            if (start.field() != null && Boolean.TRUE.equals(start.field().getProperties().get(CARD_FIELD))) {
                // Scanned where card numbers belong: the field's own Enter looks the number up.
                return;
            }
            if (start.field() != null && !isCardNumber.test(scan.text())) {
                // Typing that arrived in a rush, not a card: it stays where it was typed.
                return;
            }
            e.consume();
            swallowEnter = true;
            if (start.field() != null) {
                start.field().setText(start.text());
                start.field().positionCaret(Math.min(start.caret(), start.field().getLength()));
            }
            onScan.accept(scan.text());
        });
    }
}
