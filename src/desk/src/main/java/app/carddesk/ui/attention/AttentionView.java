package app.carddesk.ui.attention;

import app.carddesk.sync.AttentionService.Choice;
import app.carddesk.text.Messages;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.attention.AttentionViewModel.Row;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** The list of refused changes, with the choices that fit the selected one. */
public final class AttentionView {

    private final AttentionViewModel vm;
    private final Messages messages;

    @FXML private TableView<Row> table;
    @FXML private TableColumn<Row, String> whenColumn, patronColumn, whatColumn;
    @FXML private HBox choices;
    @FXML private Label message, notConnected, detail;

    private final app.carddesk.ui.ViewLifetime lifetime;
    /** The problem whose choices are shown; -1 for none. */
    private long shown = -1;

    public AttentionView(AttentionViewModel vm, Messages messages, app.carddesk.ui.ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.rows);
        app.carddesk.ui.Tables.fitHeaders(table);
        column(whenColumn, r -> messages.time(r.problem().createdAt()));
        column(patronColumn, Row::patron);
        column(whatColumn, this::what);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                showChoices(row);
            } else {
                // A list read again passes through "nothing chosen" on its way back to the same row.
                javafx.application.Platform.runLater(() -> {
                    if (table.getSelectionModel().isEmpty()) {
                        showChoices(null);
                    }
                });
            }
        });
        // Enter on a row opens its patron, as in every list of the desk.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && row != null) {
                e.consume();
                vm.openPatron(row);
            }
        });
        // The chosen change's whole text, wrapped: the column cuts it at narrow widths.
        detail.textProperty().bind(table.getSelectionModel().selectedItemProperty().map(this::what).orElse(""));
        // Reached by Tab, the list has a row chosen, so its choices are there at once; read again (each
        // time the screen shows), the change chosen before stays chosen and its buttons stay as they were.
        lifetime.onListChange(vm.rows, c -> {
            if (vm.rows.isEmpty() || !table.getSelectionModel().isEmpty()) {
                return;
            }
            int again = 0;
            for (int i = 0; i < vm.rows.size(); i++) {
                if (vm.rows.get(i).problem().id() == shown) {
                    again = i;
                }
            }
            table.getSelectionModel().select(again);
        });
        message.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.message.get()), vm.message));
        notConnected.setVisible(!vm.connected());
        notConnected.setManaged(!vm.connected());
        table.getParent().visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                vm.message.set(null);
                vm.refresh();
            }
        });
    }

    private void showChoices(Row row) {
        if (row != null && row.problem().id() == shown) {
            return;
        }
        choices.getChildren().clear();
        shown = row == null ? -1 : row.problem().id();
        if (row == null) {
            return;
        }
        Button open = new Button(messages.get("attention.open"));
        open.setId("attentionOpen");
        open.setOnAction(e -> vm.openPatron(row));
        choices.getChildren().add(open);
        for (Choice c : row.choices()) {
            Button b = new Button(messages.get("attention.choice." + c.name()));
            b.setId("choice-" + c.name());
            b.setOnAction(e -> {
                if (c != Choice.DISCARD_LOCAL || Confirm.ask(table, messages, app.carddesk.ui.Question.DISCARD_REGISTRATION, row.patron())) {
                    vm.resolve(row, c);
                }
            });
            choices.getChildren().add(b);
        }
    }

    private String what(Row r) {
        return messages.getOr("attention.code." + r.problem().code(), () -> r.problem().message());
    }

    private static void column(TableColumn<Row, String> column, Function<Row, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
