package app.carddesk.ui;

import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen the desk shows, and which patron the patron screen shows. */
public final class Navigation {

    /** The desk's screens. */
    public enum Screen { ISSUE, PATRON, EXPIRING, ATTENTION }

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.ISSUE);
    private final ObjectProperty<UUID> patronId = new SimpleObjectProperty<>();

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<UUID> patronIdProperty() {
        return patronId;
    }

    public void openPatron(UUID id) {
        patronId.set(id);
        screen.set(Screen.PATRON);
    }

    public void open(Screen s) {
        screen.set(s);
    }
}
