package app.carddesk.ui.find;

import app.carddesk.domain.Checked;
import app.carddesk.domain.PatronQuery;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.PatronFinder;
import app.carddesk.issuing.PatronSummary;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Find a patron: one box for card number, national ID, e-mail, phone or name, an optional birth
 * date, and the patrons found here and (when connected) in the central register.
 */
public final class FindViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(FindViewModel.class);

    public final StringProperty query = new SimpleStringProperty("");
    public final StringProperty birthDate = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    /** What the list is: how many were found, and where was looked. */
    public final ObjectProperty<Problem> summary = new SimpleObjectProperty<>();
    public final ObservableList<PatronSummary> results = FXCollections.observableArrayList();
    public final BooleanProperty searching = new SimpleBooleanProperty(false);

    private final PatronFinder finder;
    private final BackgroundWork background;
    private final Navigation navigation;

    public FindViewModel(PatronFinder finder, BackgroundWork background, Navigation navigation) {
        this.finder = finder;
        this.background = background;
        this.navigation = navigation;
    }

    /** Empties the search and its results (the next person starts afresh). */
    public void clear() {
        query.set("");
        birthDate.set("");
        problem.set(null);
        summary.set(null);
        results.clear();
    }

    public void search() {
        Checked<PatronQuery> parsed = finder.parse(query.get(), birthDate.get());
        problem.set(parsed.firstError().orElse(null));
        if (!parsed.isOk()) {
            return;
        }
        searching.set(true);
        summary.set(null);
        background.submit(() -> finder.find(parsed.value()), found -> {
            searching.set(false);
            results.setAll(found.patrons());
            String key;
            if (found.unreachable()) {
                key = found.more() ? "find.foundHereOnlyMore" : "find.foundHereOnly";
            } else if (found.central()) {
                key = found.more() ? "find.foundBothMore" : "find.foundBoth";
            } else {
                key = found.more() ? "find.foundMore" : "find.found";
            }
            summary.set(Problem.of(key, found.patrons().size()));
        }, this::failed);
    }

    /** Opens a patron from the list, taking them from the central register first when this desk lacks them. */
    public void open(PatronSummary found) {
        if (found == null) {
            return;
        }
        background.submit(() -> finder.open(found), id -> {
            if (id.isPresent()) {
                navigation.openPatron(id.get());
            } else {
                problem.set(Problem.of("find.cannotOpen"));
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        searching.set(false);
        problem.set(app.carddesk.ui.Failures.problem(LOG, "Patron search failed", e));
    }
}
