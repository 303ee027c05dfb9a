package app.carddesk.ui.admin;

import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.staff.StaffAdministration.Stock;
import app.carddesk.text.Messages;
import app.carddesk.ui.Controls;
import app.carddesk.ui.StaffPermissions;
import app.carddesk.ui.ViewLifetime;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The library's settings on the Administration screen: version, series stock, export and import. */
public final class LibrarySettingsView {

    private final LibrarySettingsViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;
    private final StaffPermissions permissions;

    @FXML private VBox root;
    @FXML private Label version, message, rulesCurrent;
    @FXML private javafx.scene.control.TextArea rulesEn, rulesDa, rulesNb;
    @FXML private Button publishButton;
    @FXML private TableView<Stock> stock;
    @FXML private TableColumn<Stock, String> seriesColumn, usedColumn, leftColumn, noteColumn;
    @FXML private TextField file;
    @FXML private Button exportButton, importButton;
    @FXML private ListView<LibraryConfiguration.Problem> problems;

    public LibrarySettingsView(LibrarySettingsViewModel vm, Messages messages, ViewLifetime lifetime,
                               StaffPermissions permissions) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
        this.permissions = permissions;
    }

    @FXML
    private void initialize() {
        // For those who keep the library's configuration (or the organisation's).
        root.visibleProperty().bind(lifetime.of(permissions.may("library_config")
                .or(permissions.may("organisation_admin"))));
        root.managedProperty().bind(root.visibleProperty());
        version.textProperty().bind(lifetime.of(vm.configuration).map(c -> messages.get("admin.library.version",
                c.version(), c.name(), c.code())).orElse(messages.get("admin.library.unknown")));
        stock.setItems(vm.stock);
        app.carddesk.ui.Tables.fitHeaders(stock);
        column(seriesColumn, s -> s.prefix() + " " + String.format("%0" + s.digits() + "d", s.from()) + " – "
                + String.format("%0" + s.digits() + "d", s.to()));
        column(usedColumn, s -> Long.toString(s.used()));
        column(leftColumn, s -> Long.toString(s.left()));
        column(noteColumn, s -> s.warning() ? messages.get("admin.library.stock.warning") : "");
        file.textProperty().bindBidirectional(vm.file);
        rulesEn.textProperty().bindBidirectional(vm.rulesEn);
        rulesDa.textProperty().bindBidirectional(vm.rulesDa);
        rulesNb.textProperty().bindBidirectional(vm.rulesNb);
        for (javafx.scene.control.TextArea area : new javafx.scene.control.TextArea[] {rulesEn, rulesDa, rulesNb}) {
            Controls.tabMovesFocus(area);
        }
        rulesCurrent.textProperty().bind(lifetime.of(vm.configuration).map(c -> c.loanRules().isEmpty()
                ? messages.get("admin.library.rules.none") : messages.get("admin.library.rules.current",
                c.loanRules().get(c.loanRules().size() - 1).version())).orElse(""));
        publishButton.textProperty().bind(lifetime.of(vm.configuration).map(c -> messages.get(
                "admin.library.rules.publish", c.loanRules().stream().mapToInt(LibraryConfiguration.LoanRules::version)
                        .max().orElse(0) + 1)).orElse(messages.get("admin.library.rules.publish", "")));
        publishButton.disableProperty().bind(vm.configuration.isNull());
        exportButton.disableProperty().bind(vm.configuration.isNull());
        problems.setItems(vm.fileProblems);
        problems.setCellFactory(v -> Controls.cell(p -> p.field() + ": " + p.reason()));
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.fileProblems));
        problems.managedProperty().bind(problems.visibleProperty());
        message.textProperty().bind(lifetime.of(vm.message).map(messages::text).orElse(""));
        lifetime.onChange(vm.message, (obs, old, p) -> {
            message.getStyleClass().removeAll("warning", "success");
            message.getStyleClass().add(p != null && (p.key().startsWith("admin.library.published")
                    || p.key().equals("admin.library.exported") || p.key().equals("admin.library.rulesPublished"))
                    ? "success" : "warning");
        });
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File current = new File(vm.file.get());
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
            chooser.setInitialFileName(current.getName());
        }
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            vm.file.set(chosen.getPath());
        }
    }

    @FXML
    private void publishRules() {
        vm.publishRules();
    }

    @FXML
    private void export() {
        vm.export();
    }

    @FXML
    private void importFile() {
        vm.importFile();
    }

    private static void column(TableColumn<Stock, String> column, Function<Stock, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }
}
