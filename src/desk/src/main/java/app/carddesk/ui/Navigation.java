package app.carddesk.ui;

import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen the desk shows, and which patron the patron screen shows. */
public final class Navigation {

    /** The desk's screens. */
    public enum Screen { ISSUE, PATRON, EXPIRING, ATTENTION, ACTIVATE, FIND, ADMIN }

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.ISSUE);
    private final ObjectProperty<UUID> patronId = new SimpleObjectProperty<>();

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<UUID> patronIdProperty() {
        return patronId;
    }

    /** Opens a patron's screen with what is stored now, dropping anything typed there and not saved. */
    public void openPatron(UUID id) {
        patronId.set(null);
        patronId.set(id);
        screen.set(Screen.PATRON);
    }

    private final javafx.beans.property.StringProperty activationQuery =
            new javafx.beans.property.SimpleStringProperty();

    /** A card number or national ID to look for in the country's register, set when a scan found one. */
    public javafx.beans.property.StringProperty activationQueryProperty() {
        return activationQuery;
    }

    public void openActivation(String query) {
        activationQuery.set(null);
        activationQuery.set(query);
        screen.set(Screen.ACTIVATE);
    }

    public void open(Screen s) {
        screen.set(s);
    }

    /**
     * What staff are told after a screen closed on its own (a patron unsubscribed): the headline and
     * the libraries where the patron stays registered.
     */
    public record Notice(app.carddesk.domain.Problem headline, java.util.List<app.carddesk.issuing.NationalRegister.Membership> remaining) {
    }

    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Leaves the current screen for the checklist, telling staff what happened. */
    public void leaveWith(Notice n) {
        screen.set(Screen.ISSUE);
        notice.set(n);
    }
}
