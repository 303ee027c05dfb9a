package app.carddesk.ui.attention;

import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.IssuingService;
import app.carddesk.sync.AttentionService;
import app.carddesk.sync.AttentionService.Choice;
import app.carddesk.sync.SyncProblem;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Changes the central register refused, each waiting for staff's choice. */
public final class AttentionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AttentionViewModel.class);

    /** One refused change as the list shows it: the patron by card and name only. */
    public record Row(SyncProblem problem, String patron, List<Choice> choices) {
    }

    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();

    private final Optional<AttentionService> attention;
    private final IssuingService issuing;
    private final BackgroundWork background;
    private final Navigation navigation;

    public AttentionViewModel(Optional<AttentionService> attention, IssuingService issuing, BackgroundWork background,
                              Navigation navigation) {
        this.attention = attention;
        this.issuing = issuing;
        this.background = background;
        this.navigation = navigation;
    }

    public boolean connected() {
        return attention.isPresent();
    }

    public void refresh() {
        attention.ifPresent(a -> background.submit(() -> a.open().stream().map(this::row).toList(), rows::setAll,
                this::failed));
    }

    private Row row(SyncProblem p) {
        String patron = p.patronId() == null ? "" : issuing.patron(p.patronId())
                .map(AttentionViewModel::label).orElse("");
        return new Row(p, patron, AttentionService.choices(p));
    }

    private static String label(Patron p) {
        return (p.cardNumber() == null ? "" : p.cardNumber() + " ") + p.fullName();
    }

    public void resolve(Row row, Choice choice) {
        attention.ifPresent(a -> background.submit(() -> a.resolve(row.problem(), choice),
                outcome -> {
                    message.set(outcome.orElse(Problem.of("attention.done")));
                    refresh();
                }, this::failed));
    }

    public void openPatron(Row row) {
        if (row.problem().patronId() != null) {
            navigation.openPatron(row.problem().patronId());
        }
    }

    private void failed(Throwable e) {
        message.set(app.carddesk.ui.Failures.problem(LOG, "Needs-attention operation failed", e));
    }
}
