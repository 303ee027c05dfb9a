package app.carddesk.ui.admin;

import app.carddesk.staff.StaffAdministration.Account;
import app.carddesk.text.Messages;
import app.carddesk.ui.ViewLifetime;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * What an administrator may do with the staff account chosen in the list, shown before a click and
 * said in a line: a colleague's account is theirs to lock, rename and give roles; their own is
 * another administrator's to lock or give roles (they may correct their name); the officer's and
 * the organisation administrator's are the organisation administrator's alone.
 */
final class ChosenAccount {

    /** The chosen account as this administrator stands to it. */
    enum Standing { NONE, COLLEAGUE, OWN, OVERSEEING }

    /** The controls the chosen account's standing enables, and the line that says why some are not. */
    record Controls(Node roles, Node saveRoles, Node name, Node lock, Node unlock, Label note) {
    }

    private ChosenAccount() {
    }

    static Standing of(Account a, Predicate<Account> own, boolean organisationAdmin) {
        if (a == null) {
            return Standing.NONE;
        }
        if (!organisationAdmin && a.roles().stream().anyMatch(AdministrationViewModel.BY_ORGANISATION::contains)) {
            return Standing.OVERSEEING;
        }
        return own.test(a) ? Standing.OWN : Standing.COLLEAGUE;
    }

    static void bind(ObservableValue<Account> chosen, Predicate<Account> own, ObservableBooleanValue organisationAdmin,
                     Controls c, Messages messages, ViewLifetime lifetime) {
        ObservableValue<Standing> standing = Bindings.createObjectBinding(() -> of(chosen.getValue(), own,
                organisationAdmin.get()), chosen, organisationAdmin);
        BooleanBinding notColleague = Bindings.createBooleanBinding(() -> standing.getValue() != Standing.COLLEAGUE,
                standing);
        c.roles().disableProperty().bind(notColleague);
        c.saveRoles().disableProperty().bind(notColleague);
        // Their own name is theirs to correct.
        c.name().disableProperty().bind(Bindings.createBooleanBinding(() -> standing.getValue() == Standing.NONE
                || standing.getValue() == Standing.OVERSEEING, standing));
        // Lock what is open, unlock what is locked (by an administrator or after wrong passwords).
        c.lock().disableProperty().bind(Bindings.createBooleanBinding(() -> standing.getValue() != Standing.COLLEAGUE
                || chosen.getValue().state().equals("locked"), standing));
        c.unlock().disableProperty().bind(Bindings.createBooleanBinding(() -> standing.getValue() != Standing.COLLEAGUE
                || !chosen.getValue().state().startsWith("locked"), standing));
        c.note().textProperty().bind(lifetime.of(standing).map(s -> switch (s) {
            case OWN -> messages.get("admin.staff.ownNote");
            case OVERSEEING -> messages.get("admin.staff.overseeingNote");
            default -> "";
        }));
        c.note().visibleProperty().bind(c.note().textProperty().isNotEmpty());
        c.note().managedProperty().bind(c.note().visibleProperty());
    }
}
