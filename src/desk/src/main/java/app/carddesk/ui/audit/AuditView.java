package app.carddesk.ui.audit;

import app.carddesk.staff.StaffAdministration.AuditEntry;
import app.carddesk.text.Messages;
import app.carddesk.ui.Controls;
import app.carddesk.ui.ViewLifetime;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The library's audit, by a patron's card or a staff member's user name, newest first. */
public final class AuditView {

    private final AuditViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;

    @FXML private TextField queryField;
    @FXML private Label message;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> atColumn, staffColumn, cardColumn, rolesColumn, workstationColumn,
            actionColumn, detailColumn;
    @FXML private Button olderButton;

    public AuditView(AuditViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.query);
        // A card scanned here is looked up here, not taken for a new card at the checklist.
        app.carddesk.ui.scan.ScannerInput.markCardField(queryField);
        table.setItems(vm.entries);
        column(atColumn, e -> messages.time(e.at()));
        column(staffColumn, e -> e.staffUser() == null ? "" : e.staffUser());
        // The record an entry is about: its card, or (a record without one left) its id, to read its trail by.
        column(cardColumn, e -> e.cardNumber() != null ? e.cardNumber() : e.patronId() == null ? ""
                : e.patronId().toString());
        column(rolesColumn, e -> e.roles() == null ? "" : String.join(", ", java.util.Arrays.stream(e.roles()
                .split(",")).map(r -> named("role." + r.strip(), r.strip())).toList()));
        // The central register's own work (its mail sender, retention job, operator) in the staff's words.
        column(workstationColumn, e -> e.centralActor().map(a -> messages.get("audit.actor." + a))
                .orElse(e.workstation()));
        column(actionColumn, e -> named("audit.action." + e.action(), e.action()));
        column(detailColumn, e -> e.detail() == null ? "" : e.detail());
        message.textProperty().bind(lifetime.of(vm.message).map(messages::text).orElse(""));
        Controls.visible(olderButton, lifetime.of(vm.more));
    }

    /** The text for {@code key} in the staff's language, or {@code code} itself where there is none. */
    private String named(String key, String code) {
        return messages.getOr(key, () -> code);
    }

    private static void column(TableColumn<AuditEntry, String> column, Function<AuditEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void show() {
        vm.show();
    }

    @FXML
    private void older() {
        vm.older();
    }
}
