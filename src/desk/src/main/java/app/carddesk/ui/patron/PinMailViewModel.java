package app.carddesk.ui.patron;

import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.PinMailService;
import app.carddesk.issuing.PinMailStatus;
import app.carddesk.ui.background.BackgroundWork;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The patron's PIN by e-mail on their screen: where the last PIN mail is (asked for again each time
 * the patron is shown), and a new PIN e-mailed when it did not arrive.
 */
public final class PinMailViewModel {

    /** Where the last PIN mail is; null while it is being asked. */
    public final ObjectProperty<PinMailStatus> status = new SimpleObjectProperty<>();

    /** A patron with an e-mail address whose home library is this one: a new PIN may be e-mailed here. */
    public final BooleanBinding canEmail;

    private final PinMailService service;
    private final ReadOnlyObjectProperty<Patron> patron;
    private final BackgroundWork background;
    private final Consumer<Problem> problem;
    private final Consumer<Problem> done;
    private final Consumer<Throwable> failed;

    PinMailViewModel(PinMailService service, ReadOnlyObjectProperty<Patron> patron,
                     ReadOnlyObjectProperty<?> homeElsewhere, BackgroundWork background, Consumer<Problem> problem,
                     Consumer<Problem> done, Consumer<Throwable> failed) {
        this.service = service;
        this.patron = patron;
        this.background = background;
        this.problem = problem;
        this.done = done;
        this.failed = failed;
        this.canEmail = Bindings.createBooleanBinding(() -> patron.get() != null && patron.get().email() != null
                && homeElsewhere.get() == null, patron, homeElsewhere);
        patron.addListener((obs, old, p) -> refresh());
    }

    /** Asks again where the patron's last PIN mail is. */
    public void refresh() {
        status.set(null);
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        UUID id = p.id();
        background.submit(() -> service.status(id), s -> {
            if (patron.get() != null && patron.get().id().equals(id)) {
                status.set(s);
            }
        }, failed);
    }

    /** E-mails the patron a new PIN (staff confirmed), in {@code language}; it replaces their PIN. */
    public void emailNewPin(String language) {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        background.submit(() -> service.emailNewPin(p.id(), language), refused -> {
            if (refused.isPresent()) {
                problem.accept(refused.get());
                return;
            }
            done.accept(Problem.of("pinMail.asked", p.email()));
            refresh();
        }, failed);
    }
}
