package app.carddesk.ui.issuecard;

import app.carddesk.domain.Patron;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.GuardianChoice;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A child is registered with a guardian: an existing patron (by card) or a new one, who consents. */
public final class GuardianForm {

    public final BooleanProperty isNew = new SimpleBooleanProperty(false);
    public final StringProperty card = new SimpleStringProperty("");
    public final ObjectProperty<Patron> found = new SimpleObjectProperty<>();
    public final DetailsForm details = new DetailsForm();
    /** A new guardian's patron category, chosen as for any patron. */
    public final ObjectProperty<PatronCategory> category = new SimpleObjectProperty<>();
    public final BooleanProperty consent = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    /** The guardian staff chose, with their consent given {@code now}; null when none is chosen yet. */
    GuardianChoice choice(Instant now) {
        Instant consentAt = consent.get() ? now : null;
        if (isNew.get()) {
            return GuardianChoice.registered(details.toDetails(),
                    category.get() == null ? null : category.get().code(), consentAt);
        }
        return found.get() == null ? null : GuardianChoice.existing(found.get().id(), consentAt);
    }

    /**
     * Looks up the guardian's library card: they must be a patron here already; {@link #found} or
     * {@link #problem} says what came of it.
     */
    void find(app.carddesk.issuing.IssuingService service, app.carddesk.ui.background.BackgroundWork background,
              java.util.function.Consumer<Throwable> failed) {
        found.set(null);
        problem.set(null);
        String text = card.get();
        background.submit(() -> service.lookUp(text) instanceof app.carddesk.issuing.CardLookup.Issued issued
                ? service.patron(issued.patronId()) : java.util.Optional.<Patron>empty(), p -> {
                    if (p.isPresent()) {
                        found.set(p.get());
                    } else {
                        problem.set(Problem.of("guardian.notFound"));
                    }
                }, failed);
    }

    void clear() {
        isNew.set(false);
        card.set("");
        found.set(null);
        details.clear();
        category.set(null);
        consent.set(false);
        problem.set(null);
    }
}
