package app.carddesk.ui.background;

import app.carddesk.work.DeskThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * Runs work as JavaFX {@link Task}s on one background thread, in the order submitted, so that
 * writes to the local store never race each other.
 */
public final class FxBackgroundWork implements BackgroundWork, AutoCloseable {

    private final ExecutorService executor = DeskThreads.single("carddesk-background");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailed.accept(task.getException());
        });
        running++;
        busy.set(true);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The window is closing: a screen that was still loading gets nothing more.
            finished();
        }
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Lets work under way finish (a save must not be cut off), then stops the thread; what is handed
     * in after that (a screen's next step of loading, as the window closes) is not started.
     */
    @Override
    public void close() {
        DeskThreads.stop(executor);
    }
}
