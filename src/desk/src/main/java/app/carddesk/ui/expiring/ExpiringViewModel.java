package app.carddesk.ui.expiring;

import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.IssuingService;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Short-stay patrons past their expiry date: those with a balance are kept, the rest can go. */
public final class ExpiringViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiringViewModel.class);

    /** One expired patron as the list shows them. */
    public record Row(UUID id, String cardNumber, String name, LocalDate expiredOn, long feesOwedMinor,
                      long printCreditMinor, boolean deletable) {
    }

    public final ObservableList<Row> rows = FXCollections.observableArrayList();

    /** A patron on a replacement number, by card and name only. */
    public record ReRegisterRow(UUID id, String cardNumber, String name) {
    }

    public final ObservableList<ReRegisterRow> reRegister = FXCollections.observableArrayList();
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();

    private final IssuingService service;
    private final BackgroundWork background;
    private final Navigation navigation;

    public ExpiringViewModel(IssuingService service, BackgroundWork background, Navigation navigation) {
        this.service = service;
        this.background = background;
        this.navigation = navigation;
    }

    public void refresh() {
        background.submit(service.upkeep()::expiredShortStay, patrons -> rows.setAll(patrons.stream().map(this::row).toList()),
                this::failed);
        background.submit(service.upkeep()::needingReRegistration, patrons -> reRegister.setAll(patrons.stream()
                .map(p -> new ReRegisterRow(p.id(), p.cardNumber(), p.fullName())).toList()), this::failed);
    }

    public void open(ReRegisterRow row) {
        navigation.openPatron(row.id());
    }

    private Row row(Patron p) {
        return new Row(p.id(), p.cardNumber(), p.fullName(), p.expiresOn(), p.feesOwedMinor(), p.printCreditMinor(),
                p.isDeletable(service.today()));
    }

    public long deletableCount() {
        return rows.stream().filter(Row::deletable).count();
    }

    /** Deletes every listed patron without a balance; those with one stay on the list. */
    public void deleteAllDeletable() {
        List<UUID> ids = rows.stream().filter(Row::deletable).map(Row::id).toList();
        background.submit(() -> {
            int deleted = 0;
            for (UUID id : ids) {
                Optional<Problem> p = service.upkeep().deleteExpired(id);
                if (p.isEmpty()) {
                    deleted++;
                }
            }
            return deleted;
        }, deleted -> {
            message.set(Problem.of("expiring.deleted", deleted));
            refresh();
        }, this::failed);
    }

    public void open(Row row) {
        navigation.openPatron(row.id());
    }

    private void failed(Throwable e) {
        message.set(app.carddesk.ui.Failures.problem(LOG, "Expiring list operation failed", e));
    }
}
