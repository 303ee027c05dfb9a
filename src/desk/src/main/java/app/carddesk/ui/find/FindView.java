package app.carddesk.ui.find;

import app.carddesk.ui.ViewLifetime;
import app.carddesk.issuing.PatronSummary;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** The Find a patron screen: type, Enter, arrow down to the patron, Enter to open. */
public final class FindView {

    private final FindViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private VBox root;
    @FXML private TextField queryField, birthField;
    @FXML private Label problem, summary;
    @FXML private TableView<PatronSummary> table;
    @FXML private TableColumn<PatronSummary, String> nameColumn, birthColumn, cardColumn, whereColumn;

    public FindView(FindViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.lifetime = lifetime;
        this.vm = vm;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.query);
        birthField.textProperty().bindBidirectional(vm.birthDate);
        queryField.setOnAction(e -> vm.search());
        birthField.setOnAction(e -> vm.search());
        ProblemDisplay.bind(lifetime.of(vm.problem), problem, queryField, messages);
        summary.textProperty().bind(Bindings.createStringBinding(() -> messages.text(vm.summary.get()), vm.summary));
        table.setItems(vm.results);
        app.carddesk.ui.Tables.fitHeaders(table);
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(app.carddesk.domain.PersonName.full(
                c.getValue().givenName(), c.getValue().surname())));
        birthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.date(c.getValue().birthDate())));
        cardColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cardNumber() == null
                ? messages.get("card.none") : c.getValue().cardNumber()));
        whereColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get(
                "CENTRAL".equals(c.getValue().reason()) ? "find.whereCentral" : "find.whereHere")));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                open();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open();
            }
        });
        queryField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.results.isEmpty()) {
                e.consume();
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        lifetime.onListChange(vm.results, (javafx.collections.ListChangeListener<PatronSummary>) c -> {
            if (!vm.results.isEmpty() && root.isVisible()) {
                table.getSelectionModel().selectFirst();
                table.requestFocus();
            }
        });
        root.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                queryField.requestFocus();
                queryField.selectAll();
            }
        });
    }

    @FXML
    private void search() {
        vm.search();
    }

    @FXML
    private void open() {
        vm.open(table.getSelectionModel().getSelectedItem());
    }
}
