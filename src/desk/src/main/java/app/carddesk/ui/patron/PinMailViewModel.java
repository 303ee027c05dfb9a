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
        again.setOnFinished(e -> ask(polls + 1));
    }

    /** Asked again this often while the mail is on its way (at this desk, or waiting for the mail server). */
    private static final javafx.util.Duration POLL = javafx.util.Duration.seconds(10);
    /** For at most this many times (five minutes): opening the patron again asks anew. */
    private static final int MOST_POLLS = 30;
    private final javafx.animation.PauseTransition again = new javafx.animation.PauseTransition(POLL);
    private int polls;

    /** Asks anew where the patron's last PIN mail is (each time the patron is shown). */
    public void refresh() {
        status.set(null);
        ask(0);
    }

    private void ask(int poll) {
        again.stop();
        polls = poll;
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        UUID id = p.id();
        background.submit(() -> service.status(id), s -> {
            if (patron.get() == null || !patron.get().id().equals(id)) {
                return;
            }
            status.set(s);
            boolean onItsWay = s.where() == PinMailStatus.Where.AT_DESK || s.where() == PinMailStatus.Where.WAITING;
            if (onItsWay && polls < MOST_POLLS) {
                again.playFromStart();
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
