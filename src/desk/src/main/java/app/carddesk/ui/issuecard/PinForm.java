package app.carddesk.ui.issuecard;

import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.PinPolicy;
import app.carddesk.domain.Problem;
import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The PIN step: an e-mailed PIN, or the patron's own typed twice. */
public final class PinForm {

    public final ObjectProperty<PinDelivery> delivery = new SimpleObjectProperty<>(PinDelivery.OWN_PIN);
    public final StringProperty pin = new SimpleStringProperty("");
    public final StringProperty pinRepeat = new SimpleStringProperty("");
    public final BooleanProperty changeAdvised = new SimpleBooleanProperty(false);
    public final BooleanProperty emailAvailable = new SimpleBooleanProperty(false);
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();

    private final PinPolicy policy = new PinPolicy();

    /** Offers the e-mail when the patron has an address, and chooses it by default. */
    public void offerEmail(boolean available) {
        emailAvailable.set(available);
        delivery.set(available ? PinDelivery.EMAIL : PinDelivery.OWN_PIN);
    }

    /** @param seen the patron's numbers others may see (the card, the national ID), which a PIN must not end */
    public boolean validate(LocalDate birthDate, String... seen) {
        Optional<Problem> p;
        if (delivery.get() == PinDelivery.EMAIL) {
            p = emailAvailable.get() ? Optional.empty() : Optional.of(Problem.of("pin.emailNeeded"));
        } else {
            p = policy.check(pin.get(), pinRepeat.get(), birthDate, seen);
            if (p.isEmpty() && !changeAdvised.get()) {
                p = Optional.of(Problem.of("pin.adviseChange"));
            }
            if (p.isPresent() && !"pin.adviseChange".equals(p.get().key())) {
                pin.set("");
                pinRepeat.set("");
            }
        }
        problem.set(p.orElse(null));
        return p.isEmpty();
    }

    /** Forgets the typed PIN: it lives only as long as the checklist. */
    public void clear() {
        pin.set("");
        pinRepeat.set("");
        changeAdvised.set(false);
        problem.set(null);
        offerEmail(false);
    }
}
