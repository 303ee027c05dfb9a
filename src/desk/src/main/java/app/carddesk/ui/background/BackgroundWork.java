package app.carddesk.ui.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The one way the desk runs slow work (disk, network) off the JavaFX thread. Results and failures
 * are delivered back on the JavaFX thread, so ViewModels never deal with threads themselves.
 */
public interface BackgroundWork {

    <T> void submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** True while any work is under way: the screen shows progress. */
    ReadOnlyBooleanProperty busyProperty();
}
