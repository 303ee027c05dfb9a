package app.carddesk.ui;

import app.carddesk.staff.StaffSession;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;

/**
 * What the signed-in person's roles allow, for screens to show only the actions they may take.
 * The use cases refuse the others all the same; this keeps staff from trying.
 */
public final class StaffPermissions {

    private final ObservableValue<StaffSession> session;

    public StaffPermissions(ObservableValue<StaffSession> session) {
        this.session = session;
    }

    /** True while someone is signed in whose roles include {@code permission} (as the central names it). */
    public BooleanBinding may(String permission) {
        return Bindings.createBooleanBinding(() -> session.getValue() != null && session.getValue().may(permission),
                session);
    }
}
