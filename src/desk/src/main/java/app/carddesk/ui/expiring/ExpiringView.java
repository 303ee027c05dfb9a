package app.carddesk.ui.expiring;

import app.carddesk.ui.ViewLifetime;
import app.carddesk.domain.MinorUnits;
import app.carddesk.ui.Confirm;
import app.carddesk.text.Messages;
import app.carddesk.ui.expiring.ExpiringViewModel.Row;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The list of expired short-stay patrons. */
public final class ExpiringView {

    private final ExpiringViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private TableView<Row> table;
    @FXML private TableColumn<Row, String> cardColumn, nameColumn, expiredColumn, feesColumn, creditColumn,
            statusColumn;
    @FXML private Button deleteButton;
    @FXML private javafx.scene.layout.VBox root;
    @FXML private TableView<ExpiringViewModel.ReRegisterRow> reRegisterTable;
    @FXML private TableColumn<ExpiringViewModel.ReRegisterRow, String> reCardColumn, reNameColumn;
    @FXML private Label message;

    private final app.carddesk.ui.StaffPermissions permissions;

    public ExpiringView(ExpiringViewModel vm, Messages messages, ViewLifetime lifetime,
                        app.carddesk.ui.StaffPermissions permissions) {
        this.permissions = permissions;
        this.lifetime = lifetime;
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.rows);
        app.carddesk.ui.Tables.fitHeaders(table);
        app.carddesk.ui.Tables.fitHeaders(reRegisterTable);
        column(cardColumn, Row::cardNumber);
        column(nameColumn, Row::name);
        column(expiredColumn, r -> messages.date(r.expiredOn()));
        column(feesColumn, r -> MinorUnits.format(r.feesOwedMinor()));
        column(creditColumn, r -> MinorUnits.format(r.printCreditMinor()));
        column(statusColumn, r -> messages.get(r.deletable() ? "expiring.canDelete" : "expiring.keptBalance"));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("kept"),
                        !empty && item != null && !item.deletable());
            }
        });
        lifetime.onListChange(vm.rows, (javafx.collections.ListChangeListener<Row>) c -> deleteButton.setDisable(vm.deletableCount() == 0));
        reRegisterTable.setItems(vm.reRegister);
        reCardColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cardNumber()));
        reNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        // Deleting is for supervisors: others do not see the button.
        app.carddesk.ui.Controls.visible(deleteButton, permissions.may("delete_expired"));
        deleteButton.setDisable(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.message.get()), vm.message));
        // The screen's root is shown and hidden by the frame: refresh the list each time it shows.
        screen().visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                vm.message.set(null);
                vm.refresh();
            }
        });
    }

    /** The screen's root, which the frame shows and hides. */
    private javafx.scene.Parent screen() {
        return root;
    }

    @FXML
    private void openReRegister() {
        ExpiringViewModel.ReRegisterRow row = reRegisterTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.open(row);
        }
    }

    private static void column(TableColumn<Row, String> column, Function<Row, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void open() {
        Row row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.open(row);
        }
    }

    @FXML
    private void deleteAll() {
        long n = vm.deletableCount();
        if (n > 0 && Confirm.ask(table, messages, app.carddesk.ui.Question.DELETE_EXPIRED, n)) {
            vm.deleteAllDeletable();
        }
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }
}
