package app.carddesk.ui.patron;

import app.carddesk.domain.Checked;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.MergePlan;
import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.domain.SamePerson;
import app.carddesk.identity.PersonRecord;
import app.carddesk.issuing.FetchResult;
import app.carddesk.issuing.IssuingService;
import app.carddesk.issuing.PatronUpkeep;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Register national ID" for the patron on screen: the number typed, the person fetched from the
 * register and compared, the temporary card destroyed; or, when the number belongs to another
 * record of the same person, the two records merged keeping the card staff chose.
 */
public final class ConversionViewModel {

    /** The "Register national ID" panel is open. */
    public final BooleanProperty converting = new SimpleBooleanProperty(false);
    public final StringProperty identityText = new SimpleStringProperty("");
    public final ObjectProperty<Problem> identityProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<PersonRecord> fetched = new SimpleObjectProperty<>();
    /** Saved in the panel: now the temporary card must be destroyed before it is stored. */
    public final BooleanProperty awaitingDestruction = new SimpleBooleanProperty(false);
    public final BooleanProperty cardCut = new SimpleBooleanProperty(false);

    /** What differs between this record and the person fetched (or the record to merge with). */
    public final javafx.collections.ObservableSet<SamePerson.Difference> differences =
            javafx.collections.FXCollections.observableSet(java.util.EnumSet.noneOf(SamePerson.Difference.class));
    /** Staff checked with the patron that it is one person although name or birth date differ. */
    public final BooleanProperty samePersonConfirmed = new SimpleBooleanProperty(false);
    /** Which of this record's e-mail and phone stay once it takes on the person from the register. */
    public final BooleanProperty keepEmail = new SimpleBooleanProperty(true);
    public final BooleanProperty keepPhone = new SimpleBooleanProperty(true);

    /** The record that holds the national ID typed: the same person registered twice, to merge. */
    public final ObjectProperty<Patron> mergeWith = new SimpleObjectProperty<>();
    /** Which card stays after the merge: the one on screen (true) or the other record's. */
    public final BooleanProperty keepThisCard = new SimpleBooleanProperty(true);
    public final BooleanProperty mergedCardCut = new SimpleBooleanProperty(false);


    public void start() {
        converting.set(true);
        identityText.set("");
        identityProblem.set(null);
        fetched.set(null);
        awaitingDestruction.set(false);
        cardCut.set(false);
    }

    public void fetch() {
        Checked<IdentityNumber> checked = service.checkIdentity(identityText.get());
        if (checked.isOk() && fetched.get() != null
                && fetched.get().identity().number().equals(checked.value().number())) {
            // Fetched already: fetching again would only take back what staff confirmed since.
            return;
        }
        fetched.set(null);
        identityProblem.set(checked.firstError().orElse(null));
        if (!checked.isOk()) {
            return;
        }
        IdentityNumber number = checked.value();
        background.submit(() -> service.fetch(number), result -> {
            if (result instanceof FetchResult.Found found) {
                PersonRecord person = found.person();
                Patron self = patron.get();
                compare(SamePerson.differences(self.surname(), self.givenName(), self.birthDate(), person.surname(),
                        person.givenName(), person.birthDate()));
                keepEmail.set(differences.isEmpty());
                keepPhone.set(differences.isEmpty());
                fetched.set(person);
            } else if (result instanceof FetchResult.AlreadyRegistered already) {
                offerMerge(already.patronId());
            } else if (result instanceof FetchResult.NotFound) {
                identityProblem.set(Problem.of("convert.notFound"));
            } else if (result instanceof FetchResult.NotConnected) {
                identityProblem.set(Problem.of("identity.notConnected"));
            } else {
                identityProblem.set(Problem.of("identity.unavailable"));
            }
        }, failed::accept);
    }

    private void compare(java.util.Set<SamePerson.Difference> found) {
        differences.clear();
        differences.addAll(found);
        samePersonConfirmed.set(false);
    }

    /** Whether what differs stops Save or Merge: staff have not yet said it is the same person. */
    private boolean unconfirmedDifferences() {
        return !differences.isEmpty() && !samePersonConfirmed.get();
    }

    /** Whether Enter in the national ID field goes on with what was fetched for the same number (else it fetches). */
    public boolean entersSave() {
        Checked<IdentityNumber> typed = service.checkIdentity(identityText.get());
        return fetched.get() != null && typed.isOk() && fetched.get().identity().number().equals(typed.value().number());
    }

    /**
     * The record's e-mail address and phone number that Save would remove, Keep it being unticked for
     * them (as it starts where the name or birth date differ): staff are asked before they go.
     */
    public java.util.List<String> contactDropped() {
        Patron p = patron.get();
        java.util.List<String> dropped = new java.util.ArrayList<>();
        if (p != null && fetched.get() != null && !unconfirmedDifferences()) {
            if (p.email() != null && !keepEmail.get()) {
                dropped.add(p.email());
            }
            if (p.phone() != null && !keepPhone.get()) {
                dropped.add(p.phone());
            }
        }
        return dropped;
    }

    /** Staff chose to keep the record's e-mail address and phone number. */
    public void keepContact() {
        keepEmail.set(true);
        keepPhone.set(true);
    }

    /** Accepts the fetched master data; the conversion is stored once the card is destroyed. */
    public void save() {
        if (fetched.get() == null) {
            identityProblem.set(Problem.of("identity.fetchFirst"));
            return;
        }
        if (unconfirmedDifferences()) {
            identityProblem.set(Problem.of("samePerson.confirmFirst"));
            return;
        }
        Optional<Problem> category = upkeep.categoryAfterConversion(patron.get(), fetched.get().birthDate());
        identityProblem.set(category.orElse(null));
        if (category.isPresent()) {
            return;
        }
        if (!temporaryCardToDestroy()) {
            finish();
            return;
        }
        awaitingDestruction.set(true);
    }

    /** A patron without a national ID holds a temporary card, to be cut in half at conversion. */
    private boolean temporaryCardToDestroy() {
        return patron.get().cardNumber() != null && patron.get().identity() == null
                && !PatronViewModel.heldByHomeLibrary(patron.get());
    }

    public void finish() {
        if (temporaryCardToDestroy() && !cardCut.get()) {
            message.set(Problem.of("convert.cutCardFirst"));
            return;
        }
        UUID id = patron.get().id();
        PersonRecord master = fetched.get();
        String retired = temporaryCardToDestroy() ? patron.get().cardNumber() : null;
        app.carddesk.issuing.KeptContact kept = new app.carddesk.issuing.KeptContact(keepEmail.get(),
                keepPhone.get());
        background.submit(() -> upkeep.registerNationalId(id, master, kept), (Optional<Problem> problem) -> {
            if (problem.isPresent()) {
                message.set(problem.get());
                return;
            }
            // The refusal before it ("cut the card first") no longer holds.
            message.set(null);
            close();
            // Said once the screen shows the converted patron, so that what staff read is what is stored.
            reloaded.accept(id, retired == null ? Problem.of("convert.done") : Problem.of("convert.doneCardRetired", retired));
        }, failed::accept);
    }

    /** The national ID belongs to another record: show both, so staff can merge them if it is one person. */
    private void offerMerge(UUID otherId) {
        background.submit(() -> service.patron(otherId), other -> {
            if (other.isEmpty() || patron.get() == null || other.get().id().equals(patron.get().id())) {
                identityProblem.set(Problem.of("convert.belongsToAnother"));
                return;
            }
            keepThisCard.set(patron.get().cardNumber() != null || other.get().cardNumber() == null);
            mergedCardCut.set(false);
            compare(SamePerson.differences(patron.get(), other.get()));
            mergeWith.set(other.get());
            identityProblem.set(Problem.of("merge.offer"));
        }, failed::accept);
    }

    /** The card number the merge retires (its card to be destroyed), or null. */
    public String cardToRetire() {
        Patron other = mergeWith.get();
        if (other == null || patron.get() == null) {
            return null;
        }
        // This record goes into the other one, which holds the national ID.
        MergePlan plan = MergePlan.of(MergePlan.Side.of(other), MergePlan.Side.of(patron.get()), keptCard()).value();
        return plan == null ? null : plan.retiredCard();
    }

    /** The card staff chose to keep: the one on screen or the other record's. */
    private String keptCard() {
        return keepThisCard.get() ? patron.get().cardNumber() : mergeWith.get().cardNumber();
    }

    /** Merges this record into the one holding the national ID; the card chosen stays. */
    public void merge() {
        Patron other = mergeWith.get();
        Patron self = patron.get();
        if (other == null || self == null) {
            return;
        }
        if (unconfirmedDifferences()) {
            message.set(Problem.of("samePerson.confirmFirst"));
            return;
        }
        String retired = cardToRetire();
        if (retired != null && !mergedCardCut.get()) {
            message.set(Problem.of("merge.cutCardFirst", retired));
            return;
        }
        String keep = keptCard();
        background.submit(() -> upkeep.merge(other.id(), self.id(), keep), problem -> {
            if (problem.isPresent()) {
                message.set(problem.get());
                return;
            }
            message.set(null);
            close();
            navigation.openPatron(other.id());
            reloaded.accept(other.id(), retired == null ? Problem.of("merge.done")
                    : Problem.of("merge.doneCardRetired", retired));
        }, failed::accept);
    }

    /**
     * Staff have the person from the register (or the record to merge with) in the panel, or saved
     * it and owe the card's destruction: nothing is stored until Finish, so leaving loses that.
     */
    public boolean unfinished() {
        return converting.get() && (awaitingDestruction.get() || fetched.get() != null || mergeWith.get() != null);
    }

    public void close() {
        differences.clear();
        samePersonConfirmed.set(false);
        mergeWith.set(null);
        mergedCardCut.set(false);
        converting.set(false);
        awaitingDestruction.set(false);
        cardCut.set(false);
        fetched.set(null);
        identityText.set("");
        identityProblem.set(null);
    }

    private final IssuingService service;
    private final PatronUpkeep upkeep;
    private final BackgroundWork background;
    private final Navigation navigation;
    private final ReadOnlyObjectProperty<Patron> patron;
    private final ObjectProperty<Problem> message;
    private final BiConsumer<UUID, Problem> reloaded;
    private final Consumer<Throwable> failed;

    ConversionViewModel(IssuingService service, BackgroundWork background, Navigation navigation,
                        ReadOnlyObjectProperty<Patron> patron, ObjectProperty<Problem> message,
                        BiConsumer<UUID, Problem> reloaded, Consumer<Throwable> failed) {
        this.service = service;
        this.upkeep = service.upkeep();
        this.background = background;
        this.navigation = navigation;
        this.patron = patron;
        this.message = message;
        this.reloaded = reloaded;
        this.failed = failed;
    }
}
