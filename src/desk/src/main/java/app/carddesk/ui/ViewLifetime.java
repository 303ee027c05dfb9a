package app.carddesk.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * How long a window's views live: from their load until the window is built again (the staff
 * switched the language). ViewModels outlive their views, so a view listens to them only through
 * its lifetime: when it ends, the ViewModels let go of the old views, which neither stay in memory
 * nor keep working on screens nobody sees.
 */
public final class ViewLifetime {

    private final BooleanProperty alive = new SimpleBooleanProperty(true);

    /** {@code value} as the views see it: followed while they live, let go of when they end. */
    public <T> ObservableValue<T> of(ObservableValue<T> value) {
        return value.when(alive);
    }

    /** Calls {@code listener} on every change of {@code value} while the views live. */
    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.when(alive).addListener(listener);
    }

    /** Calls {@code listener} on every change of {@code list} while the views live. */
    public <E> void onListChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        whenEnded(() -> list.removeListener(listener));
    }

    /** Calls {@code listener} on every change of {@code set} while the views live. */
    public <E> void onSetChange(ObservableSet<E> set, SetChangeListener<? super E> listener) {
        set.addListener(listener);
        whenEnded(() -> set.removeListener(listener));
    }

    public boolean isAlive() {
        return alive.get();
    }

    private void whenEnded(Runnable release) {
        alive.addListener((obs, was, now) -> {
            if (!now) {
                release.run();
            }
        });
    }

    void end() {
        alive.set(false);
    }
}
