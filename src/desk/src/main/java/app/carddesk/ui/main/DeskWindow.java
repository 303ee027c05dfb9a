package app.carddesk.ui.main;

import app.carddesk.text.Messages;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.Mnemonics;
import app.carddesk.ui.Question;
import app.carddesk.ui.scan.DialogScans;
import app.carddesk.ui.scan.ScanDetector;
import app.carddesk.ui.scan.ScannerInput;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Puts the desk into a window: the main view, scans recognised in the whole window, a rebuilt
 * view when the language changes, and a question before closing on unsaved work.
 */
public final class DeskWindow {

    private DeskWindow() {
    }

    public static void show(Stage stage, Scene scene, MainViewModel main, Supplier<Parent> mainView,
                            Supplier<Messages> messages) {
        show(stage, scene, main, mainView, messages, 10);
    }

    /** The card field takes the keys when it is on screen and someone is signed in (the sign-in screen has them else). */
    private static void focusCard(Scene scene) {
        javafx.scene.Node card = scene.lookup("#cardField");
        if (card != null && card.isVisible() && !card.isDisabled()) {
            card.requestFocus();
        }
    }

    /**
     * @param idleMinutes the desk locks (the sign-in screen covers it) after this long without a key
     *                    or a mouse action
     */
    public static void show(Stage stage, Scene scene, MainViewModel main, Supplier<Parent> mainView,
                            Supplier<Messages> messages, int idleMinutes) {
        scene.setRoot(mainView.get());
        // Ready to scan or type a card number the moment the desk shows: once the scene is laid out, since a
        // scene new to a shown window gives its first control the focus at its first pulse.
        app.carddesk.ui.AfterLayout.once(scene, () -> javafx.application.Platform.runLater(() -> focusCard(scene)));
        ScannerInput.install(scene, ScanDetector.forCardScanners(), main::isCardNumber, main::scanned);
        Mnemonics.install(scene);
        // A number typed by hand while the keyboard rests on a button or a list (the language box just
        // used, say) goes to the card field when it is on screen, instead of nowhere.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if (c.length() != 1 || !Character.isDigit(c.charAt(0)) || e.isAltDown() || e.isControlDown()
                    || e.isShortcutDown() || scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            if (scene.lookup("#cardField") instanceof javafx.scene.control.TextField card
                    && app.carddesk.ui.Controls.shown(card) && !card.isDisabled()) {
                card.requestFocus();
                card.appendText(c);
                // The field selects its text when it gets the keys: the next digit follows this one.
                javafx.application.Platform.runLater(() -> {
                    card.deselect();
                    card.end();
                });
                e.consume();
            }
        });
        DialogScans.guard(stage, main::isCardNumber, main::heldWhileAsking,
                card -> messages.get().get("scan.heldInDialog", card));
        main.locale.addListener((obs, old, l) -> {
            scene.setRoot(mainView.get());
            stage.setTitle(messages.get().get("app.title"));
            // In the new language too the desk is ready for a typed card number, not left in the language box.
            app.carddesk.ui.AfterLayout.once(scene, () -> javafx.application.Platform.runLater(() -> focusCard(scene)));
        });
        stage.setTitle(messages.get().get("app.title"));
        javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(
                javafx.util.Duration.minutes(idleMinutes));
        idle.setOnFinished(e -> main.signIn().lockIdle(idleMinutes));
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> idle.playFromStart());
        idle.play();
        stage.setOnCloseRequest(e -> {
            if (main.leavingLosesWork()) {
                if (!Confirm.ask(scene.getRoot(), messages.get(), Question.CLOSE_WINDOW)) {
                    e.consume();
                    return;
                }
                // Thrown away on purpose: the next start does not tell of it as a checklist left unfinished.
                main.discardChecklist();
            }
        });
    }
}
