package app.carddesk.ui.scan;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps card scans away from the questions and messages a desk window opens. A scanner ends
 * every scan with Enter, and Enter presses a dialog's default button: without this, a card
 * scanned while "Unsubscribe this patron?" was open answered it. A scan in a dialog is taken
 * out of the dialog, shown in it, and handed on so staff can continue with that card afterwards.
 */
public final class DialogScans {

    private DialogScans() {
    }

    /**
     * @param owner        the desk's main window; only windows it owns are guarded
     * @param isCardNumber whether a burst typed into a dialog's text field is a card
     * @param held         receives each card scanned while a dialog was open
     * @param notice       the sentence a dialog shows once a card was scanned into it
     */
    public static void guard(Stage owner, Predicate<String> isCardNumber, Consumer<String> held,
                             Function<String, String> notice) {
        // The desk window is set up again on a language switch: one guard per window, the newest.
        Object previous = owner.getProperties().remove(DialogScans.class);
        if (previous instanceof ListChangeListener<?> old) {
            @SuppressWarnings("unchecked")
            ListChangeListener<Window> typed = (ListChangeListener<Window>) old;
            Window.getWindows().removeListener(typed);
        }
        ListChangeListener<Window> guard = change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (w != owner && ownedBy(w, owner) && w.getScene() != null) {
                        install(w, isCardNumber, held, notice);
                    }
                }
            }
        };
        owner.getProperties().put(DialogScans.class, guard);
        Window.getWindows().addListener(guard);
    }

    private static void install(Window window, Predicate<String> isCardNumber, Consumer<String> held,
                                Function<String, String> notice) {
        Scene scene = window.getScene();
        if (ScannerInput.isInstalled(scene)) {
            return;
        }
        ScannerInput.install(scene, ScanDetector.forCardScanners(), isCardNumber, text -> {
            held.accept(text);
            if (scene.getRoot() instanceof DialogPane pane) {
                pane.setHeaderText(notice.apply(text));
                window.sizeToScene();
                if (window instanceof Stage s && s.getOwner() != null) {
                    Window o = s.getOwner();
                    s.setX(o.getX() + Math.max(0, (o.getWidth() - s.getWidth()) / 2));
                    s.setY(o.getY() + Math.max(0, (o.getHeight() - s.getHeight()) / 3));
                }
            }
        });
    }

    private static boolean ownedBy(Window w, Window owner) {
        for (Window o = w instanceof Stage s ? s.getOwner() : null; o != null;
             o = o instanceof Stage s ? s.getOwner() : null) {
            if (o == owner) {
                return true;
            }
        }
        return false;
    }
}
