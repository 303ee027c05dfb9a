package app.carddesk.ui.issuecard;

import app.carddesk.domain.Checked;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.domain.ShortStayPolicy;
import app.carddesk.identity.PersonRecord;
import app.carddesk.issuing.FetchResult;
import java.time.LocalDate;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The identity step's form: with a national ID fetched from the register, or without one (and
 * then whether the patron expects one, or stays a short while, until when).
 */
public final class IdentityForm {

    public final ObjectProperty<IdentityMode> mode = new SimpleObjectProperty<>(IdentityMode.WITHOUT);
    public final ObjectProperty<RegistrationKind> withoutKind =
            new SimpleObjectProperty<>(RegistrationKind.EXPECTS_NATIONAL_ID);
    public final StringProperty text = new SimpleStringProperty("");
    public final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    public final ObservableList<Problem> warnings = FXCollections.observableArrayList();
    public final BooleanProperty warningsConfirmed = new SimpleBooleanProperty(false);
    public final ObjectProperty<PersonRecord> fetched = new SimpleObjectProperty<>();
    /** The patron this national ID belongs to already, when it does. */
    public final ObjectProperty<UUID> existingPatron = new SimpleObjectProperty<>();
    public final StringProperty expiryText = new SimpleStringProperty("");
    public final ObjectProperty<Problem> expiryProblem = new SimpleObjectProperty<>();
    /** Fetch could not reach the register: staff may register the patron without the ID, and add it later. */
    public final BooleanProperty registerLaterOffered = new SimpleBooleanProperty(false);

    /** The number whose person was fetched; only that one is registered. */
    private IdentityNumber identity;

    /** The patron's footing as the form says it. */
    public RegistrationKind kind() {
        return mode.get() == IdentityMode.NATIONAL_ID ? RegistrationKind.NATIONAL_ID : withoutKind.get();
    }

    /** The number to register: the one fetched, and only with a national ID. */
    public IdentityNumber identity() {
        return kind() == RegistrationKind.NATIONAL_ID ? identity : null;
    }

    /** The short stay's last day as typed, when it reads as a date. */
    public LocalDate expiry() {
        Checked<LocalDate> date = DateInput.parse(expiryText.get());
        return date.isOk() ? date.value() : null;
    }

    /** The number typed was fetched already, so Enter goes on rather than fetching again. */
    public boolean fetchedIs(Checked<IdentityNumber> typed) {
        return fetched.get() != null && typed.isOk() && fetched.get().identity().number().equals(typed.value().number());
    }

    /**
     * Before a fetch: forgets the last one and shows what is wrong with the number typed. Answers
     * whether the number may be fetched (valid, and any warning confirmed).
     */
    public boolean readyToFetch(Checked<IdentityNumber> checked) {
        registerLaterOffered.set(false);
        fetched.set(null);
        existingPatron.set(null);
        warnings.clear();
        problem.set(checked.firstError().orElse(null));
        if (!checked.isOk()) {
            return false;
        }
        warnings.setAll(checked.warnings());
        return checked.warnings().isEmpty() || warningsConfirmed.get();
    }

    /** What the register answered for {@code number}, shown; a central desk says which register failed. */
    public void fetchedResult(IdentityNumber number, FetchResult result, boolean centralRegister) {
        if (result instanceof FetchResult.Found found) {
            identity = number;
            fetched.set(found.person());
        } else if (result instanceof FetchResult.AlreadyRegistered already) {
            existingPatron.set(already.patronId());
            problem.set(Problem.of("identity.alreadyRegistered"));
        } else if (result instanceof FetchResult.NotFound) {
            problem.set(Problem.of(number.kind().fetchable() ? "identity.notFound" : "identity.notInRegister"));
        } else if (result instanceof FetchResult.NotConnected) {
            problem.set(Problem.of("identity.notConnected"));
            registerLaterOffered.set(true);
        } else {
            problem.set(Problem.of(centralRegister ? "identity.centralUnavailable" : "identity.unavailable"));
            registerLaterOffered.set(true);
        }
    }

    /**
     * Without a national ID now; the patron expects one, registered later. The number typed cannot
     * be registered unchecked, but the birth date it holds is the patron's: it goes to the details.
     */
    public void registerLater(Checked<IdentityNumber> typed, DetailsForm details) {
        if (typed.isOk()) {
            details.birthDateIfEmpty(typed.value().birthDate());
        }
        registerLaterOffered.set(false);
        problem.set(null);
        mode.set(IdentityMode.WITHOUT);
        withoutKind.set(RegistrationKind.EXPECTS_NATIONAL_ID);
    }

    /** Without a national ID: nothing fetched counts any more. */
    public void withoutNationalId() {
        identity = null;
        fetched.set(null);
    }

    /** A short stay's last day checked against the library's policy; answers whether it may be used. */
    public boolean checkExpiry(ShortStayPolicy policy, LocalDate today) {
        if (withoutKind.get() != RegistrationKind.SHORT_STAY) {
            return true;
        }
        Checked<LocalDate> date = DateInput.parse(expiryText.get());
        Problem p = date.isOk() ? policy.check(date.value(), today).orElse(null)
                : date.firstError().map(e -> e.key().equals("date.required") ? Problem.of("expiry.required") : e)
                .orElse(null);
        expiryProblem.set(p);
        return p == null;
    }

    public void clear() {
        mode.set(IdentityMode.WITHOUT);
        withoutKind.set(RegistrationKind.EXPECTS_NATIONAL_ID);
        text.set("");
        problem.set(null);
        registerLaterOffered.set(false);
        warnings.clear();
        warningsConfirmed.set(false);
        fetched.set(null);
        existingPatron.set(null);
        identity = null;
        expiryText.set("");
        expiryProblem.set(null);
    }
}
