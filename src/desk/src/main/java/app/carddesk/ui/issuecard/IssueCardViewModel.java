package app.carddesk.ui.issuecard;

import app.carddesk.domain.CardNumber;
import app.carddesk.domain.Checked;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.IssuingService;
import app.carddesk.issuing.PatronSummary;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card-issuing checklist as a state machine: which step is current, which are done, and what
 * keeps staff from the next one. Nothing is stored until {@link #finish()}.
 */
public final class IssueCardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(IssueCardViewModel.class);

    public final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CARD);
    public final ObservableSet<Step> completed = FXCollections.observableSet();

    public final StringProperty cardText = new SimpleStringProperty("");
    public final ObjectProperty<Problem> cardProblem = new SimpleObjectProperty<>();
    /** The patron whose card a refused, retired number was, when the desk knows them: staff can open them. */
    public final ObjectProperty<java.util.UUID> retiredCardOwner = new SimpleObjectProperty<>();
    public final ObjectProperty<CardNumber> card = new SimpleObjectProperty<>();

    public final IdentityForm identity = new IdentityForm();

    public final DetailsForm details = new DetailsForm();
    public final ObservableList<PatronSummary> similar = FXCollections.observableArrayList();
    public final PinForm pin = new PinForm();
    public final ObjectProperty<PatronCategory> category = new SimpleObjectProperty<>();
    public final ObjectProperty<PickupLibrary> pickup = new SimpleObjectProperty<>();
    /** The profile the choices come from: replaced when the library's configuration changed at a sync. */
    public final ObjectProperty<LibraryProfile> choices = new SimpleObjectProperty<>();
    /** What the library asks staff to mind about the address typed (a hotel, say), if anything. */
    public final javafx.beans.binding.ObjectBinding<app.carddesk.domain.AddressAlert> addressAlert;

    public final GuardianForm guardian = new GuardianForm();

    /**
     * The staff's language: dates filled in from the population register are written as it writes them,
     * and each patron's letter starts in it (where the library writes in it).
     */
    public void staffLanguage(java.util.function.Supplier<java.util.Locale> language) {
        details.datesIn(language);
        guardian.details.datesIn(language);
        letter.offer(profile().languages());
        letter.patronLanguage.staffSpeaks(language);
    }
    public final HandoverForm handover = new HandoverForm();
    /** The welcome letter handed over with the card. */
    public final HandoverLetter letter;

    /** What stops the current step, or went wrong, in the staff's words. */
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    /** Confirmation of the last finished card. */
    public final ObjectProperty<Problem> success = new SimpleObjectProperty<>();

    /**
     * Whether leaving now would lose something typed or fetched: a scanned card alone is not work
     * (scanning it again brings it back), so leaving then asks nothing.
     */
    public final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> !details.isEmpty() || !identity.text.get().isBlank() || identity.fetched.get() != null,
            details.surname, details.givenName, details.email, details.phone, details.addressLine, identity.text,
            identity.fetched);

    private final IssuingService service;
    private final BackgroundWork background;
    private final Navigation navigation;
    private final CardStep cardStep;

    public IssueCardViewModel(IssuingService service, BackgroundWork background, Navigation navigation) {
        this.service = service;
        this.background = background;
        this.navigation = navigation;
        this.cardStep = new CardStep(this, service, background, navigation);
        this.letter = new HandoverLetter(this, background);
        handover.comeBackNeeded.bind(Bindings.createBooleanBinding(
                () -> identity.kind() == RegistrationKind.EXPECTS_NATIONAL_ID, identity.mode, identity.withoutKind));
        choices.set(profile());
        addressAlert = Bindings.createObjectBinding(() -> choices.get().alertFor(details.addressLine.get(),
                details.city.get()).orElse(null), choices, details.addressLine, details.city);
        pickup.set(profile().homeLibrary());
        details.libraryCountry(profile().country());
        guardian.details.libraryCountry(profile().country());
        guardianNeeded = Bindings.createBooleanBinding(() -> service.needsGuardian(details.birthDateValue()),
                details.birthDate);
        // Put right, the request to choose a category goes away.
        category.addListener((obs, old, chosen) -> {
            if (chosen != null && message.get() != null && message.get().key().startsWith("category.")) {
                message.set(null);
            }
        });
    }

    /** The patron is under the profile's guardian age, going by the birth date typed. */
    public final BooleanBinding guardianNeeded;

    /** Looks up the guardian's library card: they must be a patron here already. */
    public void findGuardian() {
        guardian.find(service, background, this::failed);
    }

    private app.carddesk.issuing.GuardianChoice guardianChoice() {
        return guardian.choice(service.now());
    }

    private void relationsDone() {
        if (category.get() == null) {
            message.set(Problem.of("category.required"));
            return;
        }
        // The library's ages for the category, said at this step rather than at the end.
        java.util.Optional<Problem> age = category.get().ageProblem(details.birthDateValue(), service.today());
        if (age.isPresent()) {
            message.set(age.get());
            return;
        }
        if (guardianNeeded.get()) {
            java.util.Optional<Problem> problem = service.checkGuardian(guardianChoice());
            guardian.problem.set(problem.orElse(null));
            if (problem.isPresent()) {
                message.set(problem.get());
                return;
            }
        }
        advance();
    }

    public LibraryProfile profile() {
        return service.profile();
    }

    /**
     * The library's configuration changed: its lists are shown anew, and what was chosen stays chosen
     * where the new profile still has it (by its code), the pickup library falling back to the home one.
     */
    public void profileChanged(LibraryProfile changed) {
        PatronCategory chosen = category.get();
        PickupLibrary at = pickup.get();
        choices.set(changed);
        category.set(chosen == null ? null : changed.categories().stream()
                .filter(c -> c.code().equals(chosen.code())).findFirst().orElse(null));
        pickup.set(at == null ? changed.homeLibrary() : changed.pickupLibraries().stream()
                .filter(l -> l.code().equals(at.code())).findFirst().orElse(changed.homeLibrary()));
    }

    public BackgroundWork background() {
        return background;
    }

    /** Checks one detail field, as when staff leave it. */
    public void checkField(ObjectProperty<Problem> field) {
        details.check(field, service.today());
        // "See the marked fields" goes once nothing is marked any more.
        if (message.get() != null && message.get().key().equals("details.fix") && details.allFieldsRight()) {
            message.set(null);
        }
    }

    /** A scan (or typed number) starts a new checklist on that card. */
    public void startWithCard(String raw) {
        reset();
        cardText.set(raw);
        lookUpCard();
    }

    public void lookUpCard() {
        cardStep.lookUp();
    }

    /** Enter in the national ID field: fetch, or go on when this very number was fetched already. */
    public void fetchOrNext() {
        if (identity.fetchedIs(service.checkIdentity(identity.text.get()))) {
            next();
        } else {
            fetch();
        }
    }

    public void fetch() {
        Checked<IdentityNumber> checked = service.checkIdentity(identity.text.get());
        if (identity.readyToFetch(checked)) {
            IdentityNumber number = checked.value();
            background.submit(() -> service.fetch(number),
                    r -> identity.fetchedResult(number, r, letter.settings().centralRegister()), this::failed);
        }
    }

    /** Registers the patron without a national ID now (they expect one); the ID is registered later. */
    public void registerWithoutNow() {
        identity.registerLater(service.checkIdentity(identity.text.get()), details);
        next();
    }

    /** Moves on when the current step is complete, or shows what is missing. */
    public void next() {
        message.set(null);
        switch (step.get()) {
            case CARD, LOOKUP -> lookUpCard();
            case IDENTITY -> identityDone();
            case DETAILS -> detailsDone(false);
            case PIN -> {
                if (pin.validate(details.birthDateValue(), card.get() == null ? null : card.get().value(),
                        identity.identity() == null ? null : identity.identity().number())) {
                    advance();
                }
            }
            case RELATIONS -> relationsDone();
            case PICKUP -> require(pickup.get() != null, "pickup.required");
            case HANDOVER -> finish();
        }
    }

    public void back() {
        message.set(null);
        if (step.get().ordinal() > Step.IDENTITY.ordinal()) {
            step.set(step.get().previous());
        }
    }

    private void identityDone() {
        if (identity.mode.get() == IdentityMode.NATIONAL_ID) {
            if (identity.fetched.get() == null) {
                message.set(Problem.of("identity.fetchFirst"));
                return;
            }
            details.fill(identity.fetched.get());
        } else {
            identity.withoutNationalId();
            if (details.fromRegister.get()) {
                details.clear();
            }
            if (!identity.checkExpiry(profile().shortStayPolicy(), service.today())) {
                return;
            }
        }
        advance();
    }

    private void detailsDone(boolean differentPersonConfirmed) {
        if (!details.validate(service.today())) {
            message.set(Problem.of("details.fix"));
            return;
        }
        if (differentPersonConfirmed) {
            similar.clear();
            pin.offerEmail(details.hasEmail());
            advance();
            return;
        }
        var d = details.toDetails();
        background.submit(() -> service.similar(d), found -> {
            similar.setAll(found);
            if (found.isEmpty()) {
                pin.offerEmail(details.hasEmail());
                advance();
            } else {
                message.set(Problem.of("similar.found", found.size()));
            }
        }, this::failed);
    }

    /** Staff checked the similar patrons shown and this is someone else. */
    public void confirmDifferentPerson() {
        detailsDone(true);
    }

    public void openExisting(UUID patronId) {
        reset();
        navigation.openPatron(patronId);
    }

    private void require(boolean ok, String key) {
        if (ok) {
            advance();
        } else {
            message.set(Problem.of(key));
        }
    }

    private void advance() {
        completed.add(step.get());
        step.set(step.get().next());
    }

    /** Saves the patron and the card in one go, then starts afresh for the next patron. */
    public void finish() {
        if (!handover.complete.get()) {
            message.set(Problem.of("handover.incomplete"));
            return;
        }
        IssueRequest request = request();
        String name = app.carddesk.domain.PersonName.full(details.givenName.get(), details.surname.get());
        long asked = resets;
        background.submit(() -> service.issue(request), outcome -> {
            if (asked != resets) {
                return; // reset meanwhile (the next person signed in): the card is issued, its notice not shown
            }
            if (outcome instanceof IssueOutcome.Issued) {
                reset();
                success.set(Problem.of("issue.done", request.card().value(), name));
            } else if (outcome instanceof IssueOutcome.Refused refused) {
                message.set(refused.problem());
            }
        }, this::failed);
    }

    /** How often the checklist was reset: work that ends after a reset shows nothing of the patron before. */
    private long resets;

    private IssueRequest request() {
        RegistrationKind kind = identity.kind();
        LocalDate expires = kind == RegistrationKind.SHORT_STAY ? identity.expiry() : null;
        PinDelivery delivery = pin.delivery.get();
        return new IssueRequest(card.get(), kind, identity.identity(),
                details.toDetails(), expires, delivery, delivery == PinDelivery.OWN_PIN ? pin.pin.get() : null,
                pin.changeAdvised.get(), category.get().code(), pickup.get().code(),
                letter.language.get().getLanguage(), guardianNeeded.get() ? guardianChoice() : null);
    }

    long resets() {
        return resets;
    }

    LocalDate today() {
        return service.today();
    }

    /** Drops everything typed so far and returns to the first step. */
    public void reset() {
        resets++;
        step.set(Step.CARD);
        guardian.clear();
        completed.clear();
        cardText.set("");
        cardProblem.set(null);
        retiredCardOwner.set(null);
        card.set(null);
        identity.clear();
        details.clear();
        similar.clear();
        pin.clear();
        category.set(null);
        pickup.set(profile().homeLibrary());
        handover.clear();
        letter.patronLanguage.startOver();
        message.set(null);
        success.set(null);
    }

    void failed(Throwable e) {
        message.set(app.carddesk.ui.Failures.problem(LOG, "Desk operation failed", e));
    }
}
