package app.carddesk.ui.admin;

import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.domain.Problem;
import app.carddesk.staff.StaffAdministration;
import app.carddesk.ui.background.BackgroundWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library's settings on the Administration screen (decision 0013): the configuration the
 * central register keeps for this library, with its series' stock; exported to a file and imported
 * from one. A file with any problem is refused with each field and reason, and changes nothing.
 */
public final class LibrarySettingsViewModel {

    /** The configuration now; null until read (or when it could not be). */
    public final ObjectProperty<LibraryConfiguration> configuration = new SimpleObjectProperty<>();
    public final ObservableList<StaffAdministration.Stock> stock = FXCollections.observableArrayList();
    /** The forms of each part, filled from the configuration shown. */
    public final LibraryEditorViewModel editor = new LibraryEditorViewModel();
    /**
     * What is wrong with the file last imported, the forms last saved or the loan rules last typed,
     * one line per field.
     */
    public final ObservableList<LibraryConfiguration.Problem> fileProblems = editor.problems;
    /** Whether the problems listed are a file's (named by their JSON path too), not the forms'. */
    public final javafx.beans.property.BooleanProperty problemsOfFile = new javafx.beans.property.SimpleBooleanProperty();
    /** The code of the library whose settings are shown: this desk's, or another an organisation administrator opened. */
    public final StringProperty shown = new SimpleStringProperty("");
    /** The code an organisation administrator typed to open another library's settings. */
    public final StringProperty openCode = new SimpleStringProperty("");
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    /** The file to export to or import from. */
    public final StringProperty file = new SimpleStringProperty("");
    /** New loan rules to publish, in each language (English required). */
    public final StringProperty rulesDa = new SimpleStringProperty("");
    public final StringProperty rulesNb = new SimpleStringProperty("");
    public final StringProperty rulesEn = new SimpleStringProperty("");

    private final Optional<app.carddesk.staff.LibrarySettingsKeeper> administration;
    private final Supplier<String> library;
    private final java.util.function.Predicate<String> may;
    private final BackgroundWork background;
    private final Runnable syncNow;
    /** Puts a field's JSON path in the words of the forms (set by the view, which has the texts). */
    private java.util.function.UnaryOperator<String> places = field -> field;

    public void placesIn(java.util.function.UnaryOperator<String> places) {
        this.places = places;
    }

    /**
     * @param library the code of the desk's library
     * @param syncNow asks for a sync round, so that this desk works with an imported configuration at once
     */
    public LibrarySettingsViewModel(Optional<app.carddesk.staff.LibrarySettingsKeeper> administration, Supplier<String> library,
                                    java.util.function.Predicate<String> may, BackgroundWork background,
                                    Runnable syncNow) {
        this.administration = administration;
        this.library = library;
        this.may = may;
        this.background = background;
        this.syncNow = syncNow;
    }

    /**
     * Whether the settings are kept by the organisation's central register (which creates libraries
     * and reserves series among them), not by this desk on its own.
     */
    public boolean organisationKept() {
        return administration.map(app.carddesk.staff.LibrarySettingsKeeper::organisation).orElse(false);
    }

    private record Snapshot(LibraryConfiguration configuration, List<StaffAdministration.Stock> stock) {
    }

    /**
     * What an import came to: the configuration stored, or the file's problems, or the code of
     * another library whose file this person may not import.
     */
    private record Imported(LibraryConfiguration stored, List<LibraryConfiguration.Problem> problems,
                            String otherLibrary) {
    }

    /**
     * The screen opened: the last message goes, and the settings are read afresh, unless the forms
     * hold changes not saved yet: those stay, and staff are told so (nothing typed is lost by
     * looking at another screen).
     */
    public void opened() {
        fileProblems.clear();
        if (shown.get().isEmpty()) {
            shown.set(library.get());
        }
        if (configuration.get() != null && editor.changed()) {
            message.set(Problem.of("admin.library.unsaved"));
            return;
        }
        message.set(null);
        refresh();
    }

    /** Reads the shown library's settings afresh and fills the forms with them (what was typed goes). */
    public void refresh() {
        read(shown.get().isEmpty() ? library.get() : shown.get(), null);
    }

    /**
     * Reads a library's settings and shows them; when it is not there, the library shown before
     * ({@code before}) stays, and staff are told the code is unknown.
     */
    private void read(String code, String before) {
        administration.ifPresent(a -> background.submit(() -> new Snapshot(a.configuration(code),
                a.stock(code)), read -> {
            String wasShown = shown.get();
            shown.set(code);
            configuration.set(read.configuration());
            editor.load(read.configuration());
            stock.setAll(read.stock());
            // The file proposed is the library's own, unless staff typed another.
            if (file.get().isBlank() || file.get().equals(defaultFile(wasShown))) {
                file.set(defaultFile(code));
            }
        }, e -> {
            if (before != null && e instanceof StaffAdministration.RefusedException r
                    && "not_found".equals(r.code())) {
                shown.set(before);
                message.set(Problem.of("admin.library.noSuchLibrary", code));
                return;
            }
            configuration.set(null);
            stock.clear();
            failed(e);
        }));
    }

    /** Undoes what the forms hold: the settings as stored, read afresh; what was said about the change goes. */
    public void revert() {
        message.set(null);
        fileProblems.clear();
        refresh();
    }

    /** Opens another library's settings (organisation administrators): the code typed, or this desk's library. */
    public void open() {
        String typed = openCode.get() == null ? "" : openCode.get().strip().toUpperCase(java.util.Locale.ROOT);
        message.set(null);
        fileProblems.clear();
        read(typed.isEmpty() ? library.get() : typed, shown.get().isEmpty() ? library.get() : shown.get());
    }

    /**
     * Empty forms for a new library of the organisation, in this desk's country; saving them creates
     * the library in the central register (organisation administrators).
     */
    public void newLibrary() {
        LibraryConfiguration own = configuration.get();
        editor.startNew(own == null || own.country() == null ? app.carddesk.domain.Country.DK : own.country(),
                own == null ? null : own.organisation());
        // The stock shown was the open library's; a new one has none yet.
        stock.clear();
        message.set(Problem.of("admin.library.typeNew"));
    }

    /**
     * Saves the forms as the library's next version (or creates the library), after the same checks
     * as the central register makes; with any problem nothing is sent, and each is listed with its
     * field. Someone else's change in between is refused by the register, and nothing is lost here.
     */
    public void save() {
        if (administration.isEmpty()) {
            return;
        }
        LibraryEditorViewModel.Edited edited = editor.edited();
        if (!edited.ok()) {
            problemsOfFile.set(false);
            editor.show(edited.problems());
            message.set(Problem.of("admin.library.formRefused", edited.problems().size()));
            return;
        }
        boolean created = editor.creating.get();
        fileProblems.clear();
        background.submit(() -> administration.get().publish(edited.configuration()), stored -> {
            shown.set(stored.code());
            configuration.set(stored);
            editor.load(stored);
            message.set(created ? Problem.of("admin.library.created", stored.name(), stored.code())
                    : stored(stored));
            if (stored.code().equals(library.get())) {
                syncNow.run();
            }
            refresh();
        }, this::failed);
    }

    /** Writes the configuration as it is now to the file. */
    public void export() {
        LibraryConfiguration now = configuration.get();
        Optional<Path> target = target();
        if (now == null || target.isEmpty()) {
            return;
        }
        background.submit(() -> {
            Files.write(target.get(), ConfigurationFile.write(now));
            ownerOnly(target.get());
            return target.get();
        }, written -> message.set(Problem.of("admin.library.exported", written.toString())),
                e -> message.set(Problem.of("admin.library.unwritable", target.get().toString())));
    }

    /** Reads the file and, when nothing is wrong with it, stores it as the library's new configuration. */
    public void importFile() {
        Optional<Path> source = target();
        if (source.isEmpty() || administration.isEmpty()) {
            return;
        }
        fileProblems.clear();
        String code = shown.get().isEmpty() ? library.get() : shown.get();
        background.submit(() -> {
            ConfigurationFile.Read read = ConfigurationFile.read(Files.readAllBytes(source.get()));
            if (!read.ok()) {
                return new Imported(null, read.problems(), null);
            }
            // Another library's file is the organisation's to import (it creates the library when new).
            if (!read.configuration().code().equals(code) && !(may.test("organisation_admin") && organisationKept())) {
                return new Imported(null, List.of(), read.configuration().code());
            }
            // A file replaces what is stored, as on the central's command line.
            return new Imported(administration.get().publish(read.configuration().withVersion(null)), List.of(), null);
        }, imported -> {
            if (imported.otherLibrary() != null) {
                message.set(Problem.of("admin.library.notThisLibrary", imported.otherLibrary(), code));
                return;
            }
            if (!imported.problems().isEmpty()) {
                problemsOfFile.set(true);
                fileProblems.setAll(imported.problems());
                message.set(Problem.of("admin.library.fileRefused", imported.problems().size()));
                return;
            }
            LibraryConfiguration stored = imported.stored();
            if (!stored.code().equals(code)) {
                message.set(Problem.of("admin.library.publishedOther", stored.name(), stored.code(), stored.version()));
                return;
            }
            configuration.set(stored);
            message.set(stored(stored));
            if (code.equals(library.get())) {
                syncNow.run();
            }
            refresh();
        }, e -> {
            if (e instanceof IOException) {
                message.set(Problem.of("admin.library.unreadable", source.get().toString()));
            } else {
                failed(e);
            }
        });
    }

    /**
     * Publishes the typed loan rules as the library's next version; the versions before stay as
     * patrons accepted them. Checked by the same rules as any configuration before it is sent.
     */
    public void publishRules() {
        LibraryConfiguration now = configuration.get();
        if (now == null || administration.isEmpty()) {
            return;
        }
        if (rulesEn.get() == null || rulesEn.get().isBlank()) {
            message.set(Problem.of("admin.library.rulesEnglish"));
            return;
        }
        int next = now.loanRules().stream().mapToInt(LibraryConfiguration.LoanRules::version).max().orElse(0) + 1;
        List<LibraryConfiguration.LoanRules> rules = new java.util.ArrayList<>(now.loanRules());
        rules.add(new LibraryConfiguration.LoanRules(next, new LibraryConfiguration.Texts(blankIsNone(rulesDa.get()),
                blankIsNone(rulesNb.get()), rulesEn.get().strip()), null));
        LibraryConfiguration wanted = now.withLoanRules(rules);
        List<LibraryConfiguration.Problem> wrong = wanted.problems();
        if (!wrong.isEmpty()) {
            problemsOfFile.set(false);
            fileProblems.setAll(wrong);
            message.set(Problem.of("admin.library.rulesRefused"));
            return;
        }
        fileProblems.clear();
        background.submit(() -> administration.get().publish(wanted), stored -> {
            configuration.set(stored);
            rulesDa.set("");
            rulesNb.set("");
            rulesEn.set("");
            message.set(Problem.of(organisationKept() ? "admin.library.rulesPublished"
                    : "admin.library.rulesPublishedHere", next));
            if (stored.code().equals(library.get())) {
                syncNow.run();
            }
            refresh();
        }, this::failed);
    }

    private static String defaultFile(String code) {
        return Path.of(System.getProperty("user.home"), code + "-configuration.json").toString();
    }

    /** A field the central register named, as staff read it on the forms. */
    private String place(String field) {
        return places.apply(field);
    }

    /** Says a new version is stored: for the library's desks at their next sync, or for this desk at once. */
    private Problem stored(LibraryConfiguration stored) {
        return Problem.of(organisationKept() ? "admin.library.published" : "admin.library.publishedHere",
                stored.version());
    }

    private static String blankIsNone(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A new person signed in (or nobody is): nothing the last one saw stays on screen. */
    public void personChanged() {
        shown.set("");
        openCode.set("");
        configuration.set(null);
        stock.clear();
        fileProblems.clear();
        message.set(null);
        rulesDa.set("");
        rulesNb.set("");
        rulesEn.set("");
    }

    /** An exported file is readable by its owner only, as everything else the desk writes. */
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the user's own folders are private already.
        }
    }

    private Optional<Path> target() {
        String typed = file.get() == null ? "" : file.get().strip();
        if (typed.isEmpty()) {
            message.set(Problem.of("admin.library.noFile"));
            return Optional.empty();
        }
        return Optional.of(Path.of(typed));
    }

    private void failed(Throwable e) {
        if (e instanceof StaffAdministration.RefusedException refused) {
            message.set(switch (refused.code()) {
                case "permission_denied" -> Problem.of("admin.refused.permission");
                case "session_invalid" -> Problem.of("admin.refused.session");
                case "stale_version" -> Problem.of("admin.library.changedMeanwhile");
                case "other_library" -> Problem.of("admin.library.onlyOwn", library.get());
                case "card_series_overlap" -> Problem.of("admin.library.seriesOverlap", place(refused.field()));
                case "card_series_in_use" -> Problem.of("admin.library.seriesInUse");
                case "loan_rules_published" -> Problem.of("admin.library.rulesUnchangeable");
                case "not_found" -> Problem.of("admin.library.noSuchLibrary", shown.get());
                default -> Problem.of("admin.library.refused", refused.field() == null ? "-"
                        : place(refused.field()), refused.getMessage());
            });
            return;
        }
        if (e instanceof StaffAdministration.UnavailableException) {
            message.set(Problem.of("admin.unavailable"));
            return;
        }
        message.set(app.carddesk.ui.Failures.problem(org.slf4j.LoggerFactory.getLogger(LibrarySettingsViewModel.class),
                "Library settings failed", e));
    }
}
