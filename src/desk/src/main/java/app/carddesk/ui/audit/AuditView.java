package app.carddesk.ui.audit;

import app.carddesk.staff.StaffAdministration.AuditEntry;
import app.carddesk.text.Messages;
import app.carddesk.ui.Controls;
import app.carddesk.ui.DeskPreferences;
import app.carddesk.ui.ViewLifetime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The library's audit, by a patron's card or a staff member's user name, newest first. */
public final class AuditView {

    private final AuditViewModel vm;
    private final Messages messages;
    private final DeskPreferences preferences;
    private final ViewLifetime lifetime;
    private final AuditColumns columns;

    @FXML private TextField queryField;
    @FXML private TextField sinceField;
    @FXML private TextField untilField;
    @FXML private Label message;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> atColumn, staffColumn, cardColumn, rolesColumn, workstationColumn,
            actionColumn, detailColumn;
    @FXML private Button olderButton;
    @FXML private Button saveButton;
    @FXML private Label chosen;
    @FXML private Label kept;
    @FXML private javafx.scene.layout.VBox root;

    public AuditView(AuditViewModel vm, Messages messages, DeskPreferences preferences, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.preferences = preferences;
        this.lifetime = lifetime;
        this.columns = new AuditColumns(messages, ZoneId.systemDefault());
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.query);
        sinceField.textProperty().bindBidirectional(vm.since);
        untilField.textProperty().bindBidirectional(vm.until);
        // A card scanned here is looked up here, not taken for a new card at the checklist.
        app.carddesk.ui.scan.ScannerInput.markCardField(queryField);
        table.setItems(vm.entries);
        // Every column in sight (the chosen row is shown in full below), each at least as wide as its header.
        app.carddesk.ui.Tables.fitHeaders(table);
        column(atColumn, columns::at);
        column(staffColumn, columns::staff);
        column(cardColumn, columns::card);
        column(rolesColumn, columns::roles);
        column(workstationColumn, columns::workstation);
        column(actionColumn, columns::action);
        column(detailColumn, columns::detail);
        message.textProperty().bind(lifetime.of(vm.message).map(messages::text).orElse(""));
        // A refusal or something to put right is in warning colour; what was found or saved is not.
        lifetime.onChange(vm.message, (obs, was, now) -> warn(now));
        warn(vm.message.get());
        Controls.visible(olderButton, lifetime.of(vm.more));
        // What is shown can be saved, whole (a second press while it is being saved does nothing).
        Controls.visible(saveButton, lifetime.of(javafx.beans.binding.Bindings.isNotEmpty(vm.entries)));
        // The chosen entry in full, for columns too narrow for it (arrow keys choose in the table).
        chosen.textProperty().bind(lifetime.of(table.getSelectionModel().selectedItemProperty())
                .map(this::inFull).orElse(""));
        Controls.visible(chosen, chosen.textProperty().isNotEmpty());
        kept.textProperty().bind(lifetime.of(vm.kept).map(r -> RetentionText.of(messages, r, ZoneId.systemDefault(),
                LocalDate.now())).orElse(""));
        Controls.visible(kept, kept.textProperty().isNotEmpty());
        // Read again each time the screen is shown (it enters the window then): the periods follow the settings.
        lifetime.onChange(root.sceneProperty(), (obs, was, now) -> {
            if (now != null && root.isVisible()) {
                vm.readRetention();
            }
        });
    }

    private void warn(app.carddesk.domain.Problem p) {
        message.getStyleClass().remove("warning");
        if (AuditViewModel.isWarning(p)) {
            message.getStyleClass().add("warning");
        }
    }

    private String inFull(AuditEntry e) {
        String who = columns.staff(e) + (columns.roles(e).isEmpty() ? "" : " (" + columns.roles(e) + ")");
        return java.util.stream.Stream.of(columns.at(e), who, columns.workstation(e), columns.action(e),
                columns.card(e), columns.detail(e)).filter(t -> !t.isBlank())
                .collect(java.util.stream.Collectors.joining(" · "));
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

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        // Named for whom the entries are about, so that one reading does not overwrite another.
        chooser.setInitialFileName(messages.get("audit.fileName", vm.shownQuery().replaceAll("[^\\p{L}\\p{N}._-]", "_"),
                LocalDate.now().toString()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialDirectory(preferences.startFolder());
        java.io.File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.save(file.toPath(), columns);
        }
        // Back where staff were, not wherever the window's focus went while the dialog was open.
        saveButton.requestFocus();
    }
}
