package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window's views are built again when staff switch the language. The ViewModels live on; the
 * views they replaced must not: nothing keeps them, and they do not follow the ViewModels any more.
 */
class ViewLifetimeIT extends DeskUiIT {

    @Test
    void aLanguageSwitchLetsGoOfTheViewsItReplaced(FxRobot robot) throws Exception {
        AtomicReference<Parent> root = new AtomicReference<>();
        interact(() -> root.set(stage.getScene().getRoot()));
        WeakReference<Parent> oldWindow = new WeakReference<>(root.getAndSet(null));
        WeakReference<Node> oldCardField = new WeakReference<>(robot.lookup("#cardField").query());
        for (String language : new String[] {"da", "nb", "en"}) {
            interact(() -> robot.lookup("#languageBox").<ComboBox<Locale>>query()
                    .setValue(Locale.forLanguageTag(language)));
        }
        waitUntil(() -> robot.lookup("#cardField").query() != oldCardField.get());
        // The checklist's ViewModel moves on: only the views of now follow it.
        scanToDetails(robot, "409900077");
        boolean released = false;
        for (int i = 0; i < 50 && !released; i++) {
            System.gc();
            Thread.sleep(100);
            released = oldWindow.get() == null && oldCardField.get() == null;
        }
        assertThat(released).as("the views built before the language switches are let go").isTrue();
    }
}
