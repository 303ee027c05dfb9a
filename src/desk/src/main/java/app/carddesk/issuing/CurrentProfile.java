package app.carddesk.issuing;

import app.carddesk.domain.LibraryProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The library's profile as the desk works with it now: replaced when a changed configuration
 * arrives at a sync, without a restart. Checks read it when they run; screens that list its
 * choices are told (on whichever thread the change arrived) and refresh.
 */
public final class CurrentProfile {

    private volatile LibraryProfile profile;
    private final List<Consumer<LibraryProfile>> listeners = new CopyOnWriteArrayList<>();

    public CurrentProfile(LibraryProfile profile) {
        this.profile = profile;
    }

    public LibraryProfile get() {
        return profile;
    }

    public void set(LibraryProfile changed) {
        profile = changed;
        listeners.forEach(l -> l.accept(changed));
    }

    /** Tells {@code listener} of every change until the returned handle is run. */
    public Runnable onChange(Consumer<LibraryProfile> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
