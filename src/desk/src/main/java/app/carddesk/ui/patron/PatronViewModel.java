package app.carddesk.ui.patron;

import app.carddesk.issuing.PatronUpkeep;
import app.carddesk.domain.Checked;
import app.carddesk.domain.DigitalAccess;
import app.carddesk.domain.IdentityTransitions;
import app.carddesk.domain.MinorUnits;
import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.IssuingService;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One patron at the desk: what staff need to see, the balances they may edit, and the
 * conversion of a temporary record when the national ID arrives.
 */
public final class PatronViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PatronViewModel.class);

    public final ObjectProperty<Patron> patron = new SimpleObjectProperty<>();
    public final StringProperty fees = new SimpleStringProperty("");
    public final StringProperty printCredit = new SimpleStringProperty("");
    public final ObjectProperty<Problem> balanceProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<app.carddesk.domain.PickupLibrary> pickup = new SimpleObjectProperty<>();

    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> success = new SimpleObjectProperty<>();

    /** What the patron can do in the library's digital services, and why not where not. */
    public final javafx.collections.ObservableList<DigitalAccess.Access> digitalAccess =
            javafx.collections.FXCollections.observableArrayList();

    public final BooleanBinding canRegisterNationalId = Bindings.createBooleanBinding(
            () -> patron.get() != null && !heldByHomeLibrary(patron.get())
                    && IdentityTransitions.canMoveOn(patron.get().identity()), patron);

    /**
     * A patron of another home library: the national ID stays there (this desk has only its kind),
     * so it is neither shown nor registered here.
     */
    public static boolean heldByHomeLibrary(Patron p) {
        return p.identity() != null && p.identity().heldElsewhere();
    }

    /** The libraries the patron belongs to (from the central register), with what remains at each. */
    public final javafx.collections.ObservableList<app.carddesk.issuing.NationalRegister.Membership> libraries =
            javafx.collections.FXCollections.observableArrayList();
    /** In a demo profile staff type this library's standing in place of the library system. */
    public final BooleanProperty standingEditable = new SimpleBooleanProperty(false);
    /** The patron's home library when it is another library (from the central register): it owns their details. */
    public final ObjectProperty<app.carddesk.issuing.NationalRegister.Membership> homeElsewhere = new SimpleObjectProperty<>();
    public final StringProperty loans = new SimpleStringProperty("0");
    public final StringProperty reminders = new SimpleStringProperty("0");
    public final StringProperty claims = new SimpleStringProperty("0");
    public final ObjectProperty<Problem> standingProblem = new SimpleObjectProperty<>();

    /** The "New card" panel is open and waits for a blank card (scanned or typed). */
    public final BooleanProperty newCardOpen = new SimpleBooleanProperty(false);
    public final StringProperty newCardText = new SimpleStringProperty("");
    public final ObjectProperty<PatronUpkeep.CardReplacement> newCardReason = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> newCardProblem = new SimpleObjectProperty<>();
    /** The card is the patron's (not one another desk issued first, while apart): New card retires it. */
    public final BooleanProperty cardHeld = new SimpleBooleanProperty(true);

    /** Contact data as staff may edit it; the address only where it does not come from the national register. */
    public final StringProperty email = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");
    public final StringProperty addressLine = new SimpleStringProperty("");
    public final StringProperty postalCode = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty country = new SimpleStringProperty("");
    public final BooleanProperty addressEditable = new SimpleBooleanProperty(true);
    public final ObjectProperty<Problem> contactProblem = new SimpleObjectProperty<>();

    /** The patron's guardians and the children they are guardian of. */
    public final javafx.collections.ObservableList<app.carddesk.issuing.PatronSummary> relatives =
            javafx.collections.FXCollections.observableArrayList();

    /** "Register national ID" for this patron, and the merge it can lead to. */
    public final ConversionViewModel conversion;
    /** The patron's PIN mails: where the last one is, and a new one. */
    public final PinMailViewModel pinMail;

    private final IssuingService service;
    private final PatronUpkeep upkeep;
    private final app.carddesk.issuing.MembershipService memberships;
    private final BackgroundWork background;
    private final Navigation navigation;

    public PatronViewModel(IssuingService service, app.carddesk.issuing.MembershipService memberships,
                           BackgroundWork background, Navigation navigation) {
        this.service = service;
        this.upkeep = service.upkeep();
        this.memberships = memberships;
        this.background = background;
        this.letters = new PatronLetters(service, memberships, background, success, this::failed);
        this.navigation = navigation;
        this.conversion = new ConversionViewModel(service, background, navigation, patron, message, this::reloaded,
                this::failed);
        this.pinMail = new PinMailViewModel(memberships.pinMails(), patron, homeElsewhere, background, message::set,
                success::set, this::failed);
        navigation.patronIdProperty().addListener((obs, old, id) -> {
            if (id != null) {
                load(id);
            }
        });
    }

    public void load(UUID id) {
        newCardOpen.set(false);
        relatives.clear();
        conversion.close();
        message.set(null);
        success.set(null);
        background.submit(() -> {
            java.util.Optional<Patron> found = service.patron(id);
            found.ifPresent(p -> upkeep.viewed(p.id()));
            return found.map(p -> new Shown(p, upkeep.registrationRefused(p.id()), upkeep.holdsCard(p)));
        }, s -> {
            documentLanguage.offer(service.profile().languages());
            documentLanguage.startOver();
            show(s.map(Shown::patron).orElse(null));
            cardHeld.set(s.map(Shown::holdsCard).orElse(true));
            if (s.isPresent() && s.get().refused()) {
                message.set(Problem.of("patron.registrationRefused"));
            }
        }, this::failed);
    }

    private record Shown(Patron patron, boolean refused, boolean holdsCard) {
    }

    /** Reloads the patron after a change, then says it is done (opening a patron clears messages). */
    void reloaded(UUID id, Problem done) {
        background.submit(() -> service.patron(id), p -> {
            show(p.orElse(null));
            success.set(done);
        }, this::failed);
    }

    private void show(Patron p) {
        documentLanguage.offer(service.profile().languages());
        patron.set(p);
        pinMail.refresh();
        if (p == null) {
            message.set(Problem.of("patron.gone"));
            return;
        }
        digitalAccess.setAll(DigitalAccess.of(service.profile().digitalServices(), p.identityKind(), p.birthDate(),
                service.today(), p.cardNumber() != null));
        pickup.set(service.profile().pickupLibraries().stream().filter(l -> l.code().equals(p.pickupLibraryCode()))
                .findFirst().orElse(null));
        email.set(p.email() == null ? "" : p.email());
        phone.set(p.phone() == null ? "" : p.phone());
        addressLine.set(p.address() == null ? "" : p.address().line());
        postalCode.set(p.address() == null ? "" : p.address().postalCode());
        city.set(p.address() == null ? "" : p.address().city());
        country.set(p.address() == null || p.address().country() == null ? "" : p.address().country());
        addressEditable.set(p.registrationKind() != app.carddesk.domain.RegistrationKind.NATIONAL_ID);
        contactProblem.set(null);
        UUID id = p.id();
        background.submit(() -> upkeep.relatives(id), found -> {
            if (patron.get() != null && patron.get().id().equals(id)) {
                relatives.setAll(found);
            }
        }, this::failed);
        loadLibraries(p.id());
        fees.set(MinorUnits.format(p.feesOwedMinor()));
        printCredit.set(MinorUnits.format(p.printCreditMinor()));
        balanceProblem.set(null);
    }

    public void saveBalances() {
        Checked<Long> f = MinorUnits.parse(fees.get());
        Checked<Long> c = MinorUnits.parse(printCredit.get());
        balanceProblem.set(f.firstError().or(c::firstError).orElse(null));
        if (balanceProblem.get() != null) {
            return;
        }
        UUID id = patron.get().id();
        background.submit(() -> upkeep.updateBalances(id, f.value(), c.value()), problem -> {
            balanceProblem.set(problem.orElse(null));
            if (problem.isEmpty()) {
                reloaded(id, Problem.of("patron.balancesSaved"));
            }
        }, this::failed);
    }

    public void savePickupLibrary() {
        if (patron.get() == null || pickup.get() == null) {
            return;
        }
        UUID id = patron.get().id();
        String code = pickup.get().code();
        background.submit(() -> upkeep.changePickupLibrary(id, code), problem -> {
            if (problem.isPresent()) {
                message.set(problem.get());
            } else {
                reloaded(id, Problem.of("patron.pickupSaved"));
            }
        }, this::failed);
    }

    /** Saves e-mail, phone and (for patrons without a national ID) the contact address. */
    public void saveContact() {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        contactProblem.set(null);
        app.carddesk.domain.Address address = new app.carddesk.domain.Address(addressLine.get(), postalCode.get(),
                city.get(), country.get());
        background.submit(() -> upkeep.changeContact(p.id(), email.get(), phone.get(), address), problem -> {
            contactProblem.set(problem.orElse(null));
            if (problem.isEmpty()) {
                reloaded(p.id(), Problem.of("contact.saved"));
            }
        }, this::failed);
    }

    /** Opens the panel that gives the patron a new card; a patron with a card must say why. */
    public void startNewCard() {
        conversion.close();
        newCardText.set("");
        newCardReason.set(null);
        newCardProblem.set(null);
        newCardOpen.set(true);
    }

    public void cancelNewCard() {
        newCardOpen.set(false);
        newCardProblem.set(null);
    }

    /** A card scanned while the panel is open is the new card. */
    public boolean takesScan() {
        return newCardOpen.get() && patron.get() != null;
    }

    public void newCardScanned(String text) {
        newCardText.set(text);
        issueNewCard();
    }

    public void issueNewCard() {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        String text = newCardText.get();
        PatronUpkeep.CardReplacement reason = newCardReason.get();
        String old = cardHeld.get() ? p.cardNumber() : null;
        background.submit(() -> upkeep.issueNewCard(p.id(), text, reason), problem -> {
            newCardProblem.set(problem.orElse(null));
            if (problem.isEmpty()) {
                newCardOpen.set(false);
                cardHeld.set(true);
                String issued = app.carddesk.domain.CardNumberPolicy.normalise(text);
                reloaded(p.id(), old == null ? Problem.of("newCard.done", issued)
                        : Problem.of("newCard.doneRetired", issued, old));
            }
        }, this::failed);
    }

    private void loadLibraries(UUID id) {
        loadLibraries(id, () -> { });
    }

    private void loadLibraries(UUID id, Runnable loaded) {
        libraries.clear();
        homeElsewhere.set(null);
        standingProblem.set(null);
        standingEditable.set(memberships.standingEditable());
        background.submit(() -> memberships.memberships(id), found -> {
            if (patron.get() == null || !patron.get().id().equals(id)) {
                return;
            }
            libraries.setAll(found);
            homeElsewhere.set(found.stream().filter(m -> m.home() && !m.library().equals(service.profile().code()))
                    .findFirst().orElse(null));
            found.stream().filter(m -> m.library().equals(service.profile().code())).findFirst().ifPresent(m -> {
                loans.set(Integer.toString(m.loans()));
                reminders.set(Integer.toString(m.reminders()));
                claims.set(Integer.toString(m.claims()));
            });
            loaded.run();
        }, this::failed);
    }

    /** Saves this library's loans, reminders and claims (demo profiles: in place of the library system). */
    public void saveStanding() {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        int[] n = new int[3];
        String[] texts = {loans.get(), reminders.get(), claims.get()};
        for (int i = 0; i < 3; i++) {
            try {
                n[i] = Integer.parseInt(texts[i] == null ? "" : texts[i].trim());
            } catch (NumberFormatException e) {
                standingProblem.set(Problem.of("standing.number"));
                return;
            }
        }
        background.submit(() -> memberships.reportStanding(p.id(), n[0], n[1], n[2]), problem -> {
            standingProblem.set(problem.orElse(null));
            if (problem.isEmpty()) {
                loadLibraries(p.id(), () -> success.set(Problem.of("standing.saved")));
            }
        }, this::failed);
    }

    /**
     * Says at once why the patron on screen may not be unsubscribed (the last guardian of a child,
     * say); otherwise {@code ask} asks staff to confirm.
     */
    public void askToUnsubscribe(Runnable ask) {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        background.submit(() -> memberships.unsubscribeRefused(p.id()),
                refused -> refused.ifPresentOrElse(message::set, ask), this::failed);
    }

    /**
     * Unsubscribes the patron on screen (staff confirmed). Where loans, reminders or claims remain
     * at some library, the patron stays registered there and those libraries are listed.
     */
    public void unsubscribe() {
        Patron p = patron.get();
        if (p == null) {
            return;
        }
        message.set(null);
        success.set(null);
        background.submit(() -> memberships.unsubscribe(p.id()), result -> {
            if (result.problem() != null) {
                message.set(result.problem());
                return;
            }
            // The patron is gone from this desk either way: the screen closes and says what became of them.
            navigation.leaveWith(new Navigation.Notice(result.deleted()
                    ? p.cardNumber() == null ? Problem.of("unsubscribe.deletedNoCard", p.fullName())
                    : Problem.of("unsubscribe.deleted", p.cardNumber(), p.fullName())
                    : Problem.of("unsubscribe.remaining", p.fullName()), List.copyOf(result.remaining())));
            patron.set(null);
        }, this::failed);
    }

    private final PatronLetters letters;

    public void letterSettings(app.carddesk.letter.LetterSettings settings) {
        letters.settings(settings);
    }

    /** The language the patron's documents below are written in, one the library writes in. */
    public final app.carddesk.ui.LetterLanguage documentLanguage = new app.carddesk.ui.LetterLanguage();

    /** The welcome letter for the patron on screen, naming the card they hold now, in the patron's language. */
    public void saveLetter(java.nio.file.Path target) {
        if (patron.get() != null) {
            letters.saveLetter(patron.get(), target, documentLanguage.language.get());
        }
    }

    /** Writes "what is stored about me" for the patron on screen, in the patron's language. */
    public void saveStoredDataReport(java.nio.file.Path target) {
        if (patron.get() != null) {
            letters.saveStoredDataReport(patron.get(), libraries.stream()
                    .map(app.carddesk.issuing.NationalRegister.Membership::libraryName).toList(), target,
                    documentLanguage.language.get());
        }
    }

    /** The identity as the screen shows it: masked, for recognising rather than reading out. */
    public String maskedIdentity() {
        Patron p = patron.get();
        return p == null || p.identity() == null ? "" : p.identity().masked();
    }

    void failed(Throwable e) {
        message.set(app.carddesk.ui.Failures.problem(LOG, "Patron screen operation failed", e));
    }
}
