package app.carddesk.ui.activate;

import app.carddesk.issuing.NationalRegister;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.MembershipService;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A patron registered at another library (Norwegian national card) is found by card number or
 * fødselsnummer and activated here once they accepted this library's loan rules.
 */
public final class ActivateViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ActivateViewModel.class);

    public final StringProperty query = new SimpleStringProperty("");
    public final ObjectProperty<NationalRegister.NationalPatron> found = new SimpleObjectProperty<>();
    public final ObjectProperty<NationalRegister.LoanRules> rules = new SimpleObjectProperty<>();
    public final BooleanProperty accepted = new SimpleBooleanProperty(false);
    public final BooleanProperty makeHome = new SimpleBooleanProperty(false);
    /** The patron types their PIN: activation needs them present. Never stored, cleared after each try. */
    public final StringProperty pin = new SimpleStringProperty("");
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    /** What is wrong with the PIN typed, shown at the PIN field. */
    public final ObjectProperty<Problem> pinProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);

    private final MembershipService service;
    private final BackgroundWork background;
    private final Navigation navigation;

    public ActivateViewModel(MembershipService service, BackgroundWork background, Navigation navigation) {
        this.service = service;
        this.background = background;
        this.navigation = navigation;
        // Staff show the rules in the language they switch to: the same version, in that language.
        language.addListener((obs, old, now) -> {
            if (rules.get() != null && !rulesLanguage(now).equals(rulesLanguage(old))) {
                int shown = rules.get().version();
                background.submit(() -> service.loanRules(rulesLanguage(now)), r -> r.filter(x -> x.version() == shown)
                        .ifPresent(rules::set), this::failed);
            }
        });
        navigation.activationQueryProperty().addListener((obs, old, q) -> {
            if (q != null) {
                query.set(q);
                search();
            }
        });
    }

    public void search() {
        clear();
        String text = query.get() == null ? "" : query.get().trim();
        if (text.isEmpty()) {
            message.set(Problem.of("activate.cardOrId"));
            return;
        }
        String lang = rulesLanguage(language.get());
        background.submit(() -> service.find(text), result -> {
            if (result.problem() != null) {
                message.set(result.problem());
                return;
            }
            found.set(result.patron());
            if (!result.patron().activeHere()) {
                background.submit(() -> service.loanRules(lang), r -> {
                    rules.set(r.orElse(null));
                    if (r.isEmpty()) {
                        message.set(Problem.of("activate.noRules"));
                    }
                }, this::failed);
            }
        }, this::failed);
    }

    public void activate() {
        NationalRegister.NationalPatron p = found.get();
        NationalRegister.LoanRules r = rules.get();
        if (p == null || r == null) {
            return;
        }
        if (!accepted.get()) {
            message.set(Problem.of("activate.acceptFirst", r.version()));
            return;
        }
        boolean home = makeHome.get();
        String typed = pin.get() == null ? "" : pin.get().trim();
        pin.set("");
        pinProblem.set(null);
        message.set(null);
        if (typed.isEmpty()) {
            pinProblem.set(Problem.of("activate.pinFirst"));
            return;
        }
        background.submit(() -> service.activate(p.id(), r.version(), home, typed), problem -> {
            if (problem.isPresent()) {
                if (problem.get().key().startsWith("activate.pin")) {
                    pinProblem.set(problem.get());
                } else {
                    message.set(problem.get());
                }
                return;
            }
            clear();
            query.set("");
            navigation.openPatron(p.id());
        }, this::failed);
    }

    /** Loan rules are kept in Norwegian and English: Danish staff show the Norwegian text. */
    private static String rulesLanguage(Locale staff) {
        String l = staff == null ? "en" : staff.getLanguage();
        return "nb".equals(l) || "da".equals(l) ? "nb" : "en";
    }

    /** Opens a patron who is a patron of this library already. */
    public void openFound() {
        if (found.get() != null) {
            navigation.openPatron(found.get().id());
        }
    }

    private void clear() {
        found.set(null);
        rules.set(null);
        accepted.set(false);
        makeHome.set(false);
        pin.set("");
        message.set(null);
    }

    private void failed(Throwable e) {
        LOG.error("Activation failed: {}", e.getClass().getName());
        message.set(Problem.of("error.unexpected"));
    }
}
