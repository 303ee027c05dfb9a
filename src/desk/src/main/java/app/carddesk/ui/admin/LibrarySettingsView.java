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

/**
 * The library's settings on the Administration screen: a tab per part of the configuration, each
 * with its form (decision 0013), the series' stock, loan rules, and export and import of a file.
 */
public final class LibrarySettingsView {

    private final LibrarySettingsViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;
    private final StaffPermissions permissions;
    private final FieldPlaces places;

    @FXML private VBox root;
    @FXML private Label version, message, rulesCurrent, explain;
    @FXML private javafx.scene.control.TextArea rulesText;
    @FXML private javafx.scene.control.TabPane tabs;
    @FXML private javafx.scene.control.TextArea rulesEn, rulesDa, rulesNb;
    @FXML private Button publishButton;
    @FXML private TableView<Stock> stock;
    @FXML private TableColumn<Stock, String> seriesColumn, usedColumn, leftColumn, noteColumn;
    @FXML private TextField file;
    @FXML private Button exportButton, importButton;
    @FXML private ListView<LibraryConfiguration.Problem> problems;
    @FXML private javafx.scene.layout.FlowPane organisationBox, branchButtons, seriesButtons, seriesForm,
            categoryButtons, alertButtons;
    @FXML private TextField openCode, code, name, organisation, addressLine, postalCode, city, phone, email, website;
    @FXML private TextField branchCode, branchName, seriesPrefix, seriesDigits, seriesFrom, seriesTo;
    @FXML private TextField categoryCode, categoryEn, categoryDa, categoryNb, categoryMinAge, categoryMaxAge;
    @FXML private TextField guardianAge, maxShortStayDays, inactiveYears, noticeDays;
    @FXML private TextField alertContains, alertEn, alertDa, alertNb;
    @FXML private javafx.scene.control.ComboBox<app.carddesk.domain.Country> country;
    @FXML private javafx.scene.control.ComboBox<String> homeLibrary;
    @FXML private javafx.scene.control.ComboBox<app.carddesk.domain.CheckDigit> seriesCheckDigit;
    @FXML private javafx.scene.control.CheckBox danish, norwegian, english, testProfile, reportNamesStaff;
    @FXML private ListView<LibraryConfiguration.Branch> branchList;
    @FXML private ListView<LibraryConfiguration.Series> seriesList;
    @FXML private ListView<LibraryConfiguration.Category> categoryList;
    @FXML private ListView<LibraryConfiguration.AddressAlert> alertList;
    @FXML private Label seriesNote;
    @FXML private Button saveButton, revertButton, newButton;

    public LibrarySettingsView(LibrarySettingsViewModel vm, Messages messages, ViewLifetime lifetime,
                               StaffPermissions permissions) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
        this.permissions = permissions;
        this.places = new FieldPlaces(messages);
    }

    @FXML
    private void initialize() {
        // For those who keep the library's configuration (or the organisation's).
        root.visibleProperty().bind(lifetime.of(permissions.may("library_config")
                .or(permissions.may("organisation_admin"))));
        root.managedProperty().bind(root.visibleProperty());
        // Version 0 is the demo library's file CardDesk comes with, not yet changed here.
        // Read through the lifetime-bound values themselves: a binding that does not ask them for their
        // value is told of their first change only.
        javafx.beans.value.ObservableValue<LibraryConfiguration> shownConfiguration = lifetime.of(vm.configuration);
        javafx.beans.value.ObservableValue<Boolean> creating = lifetime.of(vm.editor.creating);
        version.textProperty().bind(Bindings.createStringBinding(() -> {
            LibraryConfiguration c = shownConfiguration.getValue();
            if (Boolean.TRUE.equals(creating.getValue())) {
                return messages.get("admin.library.newUnsaved");
            }
            if (c == null) {
                return messages.get("admin.library.unknown");
            }
            return messages.get(Integer.valueOf(0).equals(c.version()) ? "admin.library.versionBundled"
                    : "admin.library.version", c.version(), c.name(), c.code());
        }, shownConfiguration, creating));
        explain.setText(messages.get(vm.organisationKept() ? "admin.library.explain" : "admin.library.explainHere"));

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
        rulesText.textProperty().bind(lifetime.of(vm.configuration).map(c -> c.loanRules().isEmpty() ? ""
                : c.loanRules().get(c.loanRules().size() - 1).text().in(messages.locale())).orElse(""));
        rulesText.visibleProperty().bind(Bindings.createBooleanBinding(() -> !rulesText.getText().isEmpty()
                && !Boolean.TRUE.equals(creating.getValue()), rulesText.textProperty(), creating));
        rulesText.managedProperty().bind(rulesText.visibleProperty());
        rulesCurrent.textProperty().bind(Bindings.createStringBinding(() -> {
            LibraryConfiguration c = shownConfiguration.getValue();
            if (Boolean.TRUE.equals(creating.getValue())) {
                return messages.get("admin.library.rules.createFirst");
            }
            return c == null ? "" : c.loanRules().isEmpty() ? messages.get("admin.library.rules.none")
                    : messages.get("admin.library.rules.current", c.loanRules().get(c.loanRules().size() - 1)
                    .version());
        }, shownConfiguration, creating));
        publishButton.textProperty().bind(lifetime.of(vm.configuration).map(c -> messages.get(
                "admin.library.rules.publish", c.loanRules().stream().mapToInt(LibraryConfiguration.LoanRules::version)
                        .max().orElse(0) + 1)).orElse(messages.get("admin.library.rules.publish", "")));
        // Loan rules and files belong to a library stored already, not to one being typed.
        publishButton.disableProperty().bind(vm.configuration.isNull().or(vm.editor.creating));
        exportButton.disableProperty().bind(vm.configuration.isNull().or(vm.editor.creating));
        problems.setItems(vm.fileProblems);
        // A problem of the forms is named as the forms name it; a file's also by its JSON path.
        problems.setCellFactory(v -> Controls.cell(p -> places.of(p.field()) + (vm.problemsOfFile.get()
                && !"(file)".equals(p.field()) ? " (" + p.field() + ")" : "") + ": " + p.reason(messages.locale())));
        vm.placesIn(places::of);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.fileProblems));
        problems.managedProperty().bind(problems.visibleProperty());
        message.textProperty().bind(lifetime.of(vm.message).map(messages::text).orElse(""));
        forms();
        lifetime.onChange(vm.message, (obs, old, p) -> {
            message.getStyleClass().removeAll("warning", "success");
            message.getStyleClass().add(p != null && (p.key().startsWith("admin.library.published")
                    || p.key().equals("admin.library.exported") || p.key().startsWith("admin.library.rulesPublished")
                    || p.key().equals("admin.library.created"))
                    ? "success" : "warning");
            // What was refused, or done, is said below the tabs: it scrolls into view.
            if (p != null) {
                app.carddesk.ui.Scrolling.showAndFocus(message, null);
            }
        });
        lifetime.onChange(Bindings.size(vm.fileProblems), (obs, was, now) -> {
            if (now.intValue() > 0) {
                app.carddesk.ui.Scrolling.showAndFocus(problems, null);
            }
        });
    }

    /** Binds each part's form to the editor; lists are chosen from, and changed with the buttons below them. */
    private void forms() {
        LibraryEditorViewModel e = vm.editor;
        javafx.beans.binding.BooleanBinding organisationAdmin = permissions.may("organisation_admin");
        // Another library, or a new one, is the organisation's register's to keep.
        boolean organisationKept = vm.organisationKept();
        organisationBox.visibleProperty().bind(lifetime.of(organisationAdmin).map(may -> may && organisationKept));
        organisationBox.managedProperty().bind(organisationBox.visibleProperty());
        openCode.textProperty().bindBidirectional(vm.openCode);
        bind(code, e.code);
        code.editableProperty().bind(e.creating);
        code.disableProperty().bind(e.creating.not());
        bind(name, e.name);
        country.getItems().setAll(app.carddesk.domain.Country.values());
        country.setConverter(Controls.converter(c -> messages.get("admin.library.country." + c.name())));
        country.valueProperty().bindBidirectional(e.country);
        danish.selectedProperty().bindBidirectional(e.danish);
        norwegian.selectedProperty().bindBidirectional(e.norwegian);
        english.selectedProperty().bindBidirectional(e.english);
        testProfile.selectedProperty().bindBidirectional(e.testProfile);
        // The country (its identity rules) and being a test library are the organisation's, as the series are.
        country.disableProperty().bind(lifetime.of(organisationAdmin).map(may -> !may && organisationKept));
        testProfile.disableProperty().bind(country.disableProperty());
        reportNamesStaff.selectedProperty().bindBidirectional(e.reportNamesStaff);
        bind(organisation, e.organisation);
        bind(addressLine, e.addressLine);
        bind(postalCode, e.postalCode);
        bind(city, e.city);
        bind(phone, e.phone);
        bind(email, e.email);
        bind(website, e.website);

        list(branchList, e.branches, b -> b.code() + " – " + b.name(), branchButtons, "Branch");
        bind(branchCode, e.branchCode);
        bind(branchName, e.branchName);
        homeLibrary.setItems(e.branchCodes);
        homeLibrary.valueProperty().bindBidirectional(e.homeLibrary);

        list(seriesList, e.series, s -> s.prefix() + " " + pad(s.from(), s.digits()) + " – " + pad(s.to(), s.digits())
                + " (" + messages.get("admin.library.seriesShown", s.digits(), checkDigit(s.checkDigit())) + ")",
                seriesButtons, "Series");
        bind(seriesPrefix, e.seriesPrefix);
        bind(seriesDigits, e.seriesDigits);
        bind(seriesFrom, e.seriesFrom);
        bind(seriesTo, e.seriesTo);
        seriesCheckDigit.getItems().setAll(app.carddesk.domain.CheckDigit.values());
        seriesCheckDigit.setConverter(Controls.converter(this::checkDigit));
        seriesCheckDigit.valueProperty().bindBidirectional(e.seriesCheckDigit);
        // Series are reserved by the organisation, which keeps them from overlapping another library's; a
        // desk on its own keeps its library's series itself.
        seriesForm.disableProperty().bind(lifetime.of(organisationAdmin).map(may -> !may && organisationKept));
        seriesNote.setVisible(organisationKept);
        seriesNote.setManaged(organisationKept);
        seriesButtons.disableProperty().bind(seriesForm.disableProperty());

        list(categoryList, e.categories, c -> c.code() + " – " + (c.names() == null ? "" : c.names().in(
                messages.locale())) + ages(c), categoryButtons, "Category");
        bind(categoryCode, e.categoryCode);
        bind(categoryEn, e.categoryEn);
        bind(categoryDa, e.categoryDa);
        bind(categoryNb, e.categoryNb);
        bind(categoryMinAge, e.categoryMinAge);
        bind(categoryMaxAge, e.categoryMaxAge);

        bind(guardianAge, e.guardianAge);
        bind(maxShortStayDays, e.maxShortStayDays);
        bind(inactiveYears, e.inactiveYears);
        bind(noticeDays, e.noticeDays);
        list(alertList, e.alerts, a -> "\u201c" + a.contains() + "\u201d – " + (a.message() == null ? ""
                : a.message().in(messages.locale())), alertButtons, "Alert");
        bind(alertContains, e.alertContains);
        bind(alertEn, e.alertEn);
        bind(alertDa, e.alertDa);
        bind(alertNb, e.alertNb);

        saveButton.textProperty().bind(lifetime.of(e.creating).map(creating -> messages.get(creating
                ? "admin.library.create" : "admin.library.save")));
        saveButton.disableProperty().bind(vm.configuration.isNull().and(e.creating.not()));
        revertButton.disableProperty().bind(saveButton.disableProperty());
    }

    /**
     * Ctrl+Tab (Ctrl+Shift+Tab) goes to the next (previous) part from anywhere on the Administration
     * screen: the buttons below the tabs, and a text field in a tab, which would otherwise take the
     * first Ctrl+Tab to move the focus out of itself.
     */
    void nextPart(javafx.scene.input.KeyEvent k) {
        if (k.getCode() == javafx.scene.input.KeyCode.TAB && k.isControlDown() && root.isVisible()) {
            int n = tabs.getTabs().size();
            int at = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select((at + (k.isShiftDown() ? n - 1 : 1)) % n);
            tabs.requestFocus();
            k.consume();
        }
    }

    private static void bind(TextField field, javafx.beans.property.StringProperty value) {
        field.textProperty().bindBidirectional(value);
    }

    /** A part's list, and its buttons: add what the form says, change the chosen entry to it, remove the chosen. */
    private <T> void list(ListView<T> list, LibraryEditorViewModel.Part<T> part, Function<T, String> text,
                          javafx.scene.layout.FlowPane buttons, String id) {
        list.setItems(part.items);
        list.setCellFactory(v -> Controls.cell(text));
        lifetime.onChange(list.getSelectionModel().selectedIndexProperty(), (obs, was, now) ->
                part.chosen.set(now.intValue()));
        lifetime.onChange(part.chosen, (obs, was, now) -> {
            if (now.intValue() < 0) {
                list.getSelectionModel().clearSelection();
            }
        });
        Button add = new Button(messages.get("admin.library.add"));
        add.setId("library" + id + "Add");
        add.setOnAction(a -> {
            vm.problemsOfFile.set(false);
            part.add();
        });
        Button change = new Button(messages.get("admin.library.change"));
        change.setId("library" + id + "Change");
        change.setOnAction(a -> {
            vm.problemsOfFile.set(false);
            part.change();
        });
        Button remove = new Button(messages.get("admin.library.remove"));
        remove.setId("library" + id + "Remove");
        remove.setOnAction(a -> part.remove());
        change.disableProperty().bind(part.chosen.lessThan(0));
        remove.disableProperty().bind(part.chosen.lessThan(0));
        for (Button b : new Button[] {add, change, remove}) {
            b.setMnemonicParsing(false);
        }
        buttons.getChildren().setAll(add, change, remove);
    }

    private String ages(LibraryConfiguration.Category c) {
        if (c.minAge() == null && c.maxAge() == null) {
            return "";
        }
        String ages = c.maxAge() == null ? messages.get("admin.library.agesFrom", c.minAge())
                : c.minAge() == null ? messages.get("admin.library.agesUpTo", c.maxAge())
                : messages.get("admin.library.agesShown", c.minAge(), c.maxAge());
        return " (" + ages + ")";
    }

    private String checkDigit(app.carddesk.domain.CheckDigit scheme) {
        return scheme == null ? "" : messages.get("admin.library.checkDigit." + scheme.name());
    }

    private static String pad(Long n, Integer digits) {
        return n == null || digits == null ? "?" : String.format("%0" + digits + "d", n);
    }

    @FXML
    private void open() {
        vm.open();
    }

    @FXML
    private void newLibrary() {
        vm.newLibrary();
        code.requestFocus();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void revert() {
        vm.revert();
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
