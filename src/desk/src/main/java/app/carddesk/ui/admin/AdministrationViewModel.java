package app.carddesk.ui.admin;

import app.carddesk.domain.Problem;
import app.carddesk.staff.StaffAdministration;
import app.carddesk.staff.StaffAdministration.Account;
import app.carddesk.staff.StaffAdministration.Round;
import app.carddesk.staff.StaffAdministration.Sign;
import app.carddesk.ui.background.BackgroundWork;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Administration screen: the verification round (its state and each library's progress, this
 * library's accounts to decide one by one, and scheduling for the organisation administrator) and
 * the signs that a personal account serves as a system account.
 */
public final class AdministrationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AdministrationViewModel.class);

    /** The round, none (empty), or not known (null: the central register could not be asked). */
    public final ObjectProperty<Optional<Round>> round = new SimpleObjectProperty<>(Optional.empty());
    public final ObservableList<Account> accounts = FXCollections.observableArrayList();
    /** The library's staff accounts (for those who administer staff). */
    public final ObservableList<Account> staff = FXCollections.observableArrayList();
    public final ObservableList<Sign> signs = FXCollections.observableArrayList();
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    /** The one-time password just made, to hand over in person; shown once. */
    public final StringProperty oneTimePassword = new SimpleStringProperty("");
    public final StringProperty startsAt = new SimpleStringProperty("");

    /** A new account's user name, full name and work e-mail, as typed. */
    public final StringProperty newUserName = new SimpleStringProperty("");
    public final StringProperty newDisplayName = new SimpleStringProperty("");
    public final StringProperty newWorkEmail = new SimpleStringProperty("");
    /** The roles a library's administrator gives at the library, in the order the screen offers them. */
    public static final List<String> ROLES = List.of("DESK_STAFF", "SUPERVISOR", "LIBRARY_ADMIN", "DATA_PROTECTION");
    /** The roles only the organisation's administrator gives, takes away or locks (the officer's among those above). */
    public static final List<String> BY_ORGANISATION = List.of("DATA_PROTECTION", "ORGANISATION_ADMIN");
    /** The roles ticked for the new account. */
    public final javafx.collections.ObservableSet<String> newRoles = FXCollections.observableSet();
    /** The new account's one-time password, to hand over in person; shown once. */
    public final StringProperty createdPassword = new SimpleStringProperty("");
    /** The account chosen in the list of the library's accounts, and the roles ticked for it. */
    public final ObjectProperty<Account> chosen = new SimpleObjectProperty<>();
    public final javafx.collections.ObservableSet<String> chosenRoles = FXCollections.observableSet();
    /** What became of the new account, shown beside its form. */
    public final ObjectProperty<Problem> staffMessage = new SimpleObjectProperty<>();
    /** The library's desks (for those who administer workstations). */
    public final ObservableList<StaffAdministration.Desk> desks = FXCollections.observableArrayList();
    /** A new desk's name, as typed; the enrolment code made for it (shown once) or what became of a revocation. */
    public final StringProperty newDeskName = new SimpleStringProperty("");
    public final ObjectProperty<Problem> deskMessage = new SimpleObjectProperty<>();
    /** The lists could not be read the last time (the lists are empty then, but not because nothing is there). */
    public final BooleanProperty unread = new SimpleBooleanProperty(false);

    private final Optional<StaffAdministration> administration;
    private final Predicate<String> may;
    private final BackgroundWork background;
    private final ZoneId zone;

    /** The signed-in person's user name (null when nobody is signed in). */
    private final java.util.function.Supplier<String> me;

    public AdministrationViewModel(Optional<StaffAdministration> administration, Predicate<String> may,
                                   java.util.function.Supplier<String> me, BackgroundWork background, ZoneId zone) {
        this.administration = administration;
        this.may = may;
        this.me = me;
        this.background = background;
        this.zone = zone;
        this.chosenName = new AccountName(administration, background, staffMessage, this::refresh,
                (e, user) -> failed(e, user, staffMessage));
    }

    /** The chosen account's full name, to correct. */
    public final AccountName chosenName;

    /** Saves the name typed for the chosen account. */
    public void rename() {
        chosenName.save(chosen.get());
    }

    /** Whether {@code a} is the signed-in person's own account. */
    public boolean isOwn(Account a) {
        return a != null && a.userName().equals(me.get());
    }

    public boolean connected() {
        return administration.isPresent();
    }

    /** What the screen shows, read in one go. */
    private record Snapshot(Optional<Round> round, List<Account> accounts, List<Sign> signs, List<Account> staff,
                            List<StaffAdministration.Desk> desks) {
    }

    /** Reads the round, this library's accounts in it and the signs, as far as the person may see them. */
    public void refresh() {
        administration.ifPresent(a -> background.submit(() -> {
            // The round is for those who run it or decide their library's accounts in it.
            Optional<Round> current = may.test("staff_admin") || may.test("verification_round") ? a.round()
                    : Optional.empty();
            boolean running = current.map(r -> r.startedAt() != null && r.endedAt() == null).orElse(false);
            return new Snapshot(current, running && may.test("staff_admin") ? a.roundAccounts() : List.of(),
                    may.test("staff_admin") ? a.signs() : List.of(),
                    may.test("staff_admin") ? a.staff() : List.of(),
                    may.test("workstation_admin") ? a.desks() : List.of());
        }, read -> {
            round.set(read.round());
            accounts.setAll(read.accounts());
            signs.setAll(read.signs());
            replaceStaff(read.staff());
            desks.setAll(read.desks());
            unread.set(false);
        }, e -> {
            // Not asked is not "none": the screen says it does not know.
            round.set(null);
            accounts.clear();
            signs.clear();
            staff.clear();
            desks.clear();
            unread.set(true);
            // Said without reading again: a refusal of the reading itself would repeat for ever.
            failed(e, null, message, false);
        }));
    }

    /** Decides the account; a re-activation's one-time password is shown until the next decision. */
    public void decide(Account account, String decision, boolean mail) {
        if (account == null) {
            message.set(Problem.of("admin.chooseAccount"));
            return;
        }
        if (mail && (account.workEmail() == null || account.workEmail().isBlank())) {
            message.set(Problem.of("admin.round.noWorkEmail", account.userName()));
            return;
        }
        UUID id = account.id();
        oneTimePassword.set("");
        administration.ifPresent(a -> background.submit(() -> a.decide(id, decision, mail), decided -> {
            if (decided.oneTimePassword() != null) {
                oneTimePassword.set(decided.oneTimePassword());
                message.set(Problem.of("admin.reactivated", account.userName()));
            } else {
                message.set(Problem.of(mail ? "admin.mailed" : "admin.decided." + decision, account.userName()));
            }
            refresh();
        }, e -> failed(e, account.userName(), message)));
    }

    /**
     * Makes the typed account at this library (library administrators): what is typed is checked here
     * first, then by the central register; on success the form empties and the one-time password shows.
     */
    public void createAccount() {
        createdPassword.set("");
        staffMessage.set(null);
        String user = newUserName.get().strip().toLowerCase(java.util.Locale.ROOT);
        String name = newDisplayName.get().strip();
        String email = newWorkEmail.get().strip();
        if (!app.carddesk.domain.StaffUserName.valid(user)) {
            staffMessage.set(Problem.of("admin.staff.badUserName"));
            return;
        }
        if (name.isEmpty()) {
            staffMessage.set(Problem.of("admin.staff.noName"));
            return;
        }
        if (newRoles.isEmpty()) {
            staffMessage.set(Problem.of("admin.staff.noRole"));
            return;
        }
        List<String> roles = ROLES.stream().filter(newRoles::contains).toList();
        StaffAdministration.NewAccount account = new StaffAdministration.NewAccount(user, name,
                email.isEmpty() ? null : email, roles);
        administration.ifPresent(a -> background.submit(() -> a.create(account), made -> {
            createdPassword.set(made.oneTimePassword());
            staffMessage.set(Problem.of("admin.staff.created", name, user));
            newUserName.set("");
            newDisplayName.set("");
            newWorkEmail.set("");
            newRoles.clear();
            refresh();
        }, e -> failed(e, user, staffMessage)));
    }

    /** Locks the chosen account (a colleague who left, a lost password) or unlocks it again. */
    public void lock(Account account, boolean locked) {
        staffMessage.set(null);
        createdPassword.set("");
        if (account == null) {
            staffMessage.set(Problem.of("admin.chooseAccount"));
            return;
        }
        if (locked && account.userName().equals(me.get())) {
            // Locked out at once, and no one left here to unlock it.
            staffMessage.set(Problem.of("admin.staff.notYourself"));
            return;
        }
        UUID id = account.id();
        administration.ifPresent(a -> background.submit(() -> locked ? a.lock(id) : a.unlock(id), done -> {
            staffMessage.set(Problem.of(locked ? "admin.staff.lockedNow" : "admin.staff.unlockedNow",
                    account.userName()));
            refresh();
        }, e -> failed(e, account.userName(), staffMessage)));
    }

    /** While the list is read again: the list's own emptying is not a choice. */
    private boolean replacing;

    /**
     * Chooses an account in the list (or none): its roles are ticked, ready to change. The same
     * account with the same roles again (the list read again) keeps what is ticked.
     */
    public void choose(Account account) {
        if (replacing) {
            return;
        }
        Account was = chosen.get();
        chosen.set(account);
        chosenName.chosen(account);
        if (account == null || was == null || !was.id().equals(account.id()) || !was.roles().equals(account.roles())) {
            chosenRoles.clear();
            if (account != null) {
                chosenRoles.addAll(account.roles().stream().filter(ROLES::contains).toList());
            }
        }
    }

    /** The library's accounts read again; the chosen one stays chosen, as it is now. */
    private void replaceStaff(List<Account> read) {
        Account was = chosen.get();
        replacing = true;
        try {
            staff.setAll(read);
        } finally {
            replacing = false;
        }
        choose(was == null ? null : read.stream().filter(a -> a.id().equals(was.id())).findFirst().orElse(null));
    }

    /**
     * Gives the chosen account the ticked roles, keeping any role this screen does not offer (an
     * organisation-wide one, which only an organisation administrator gives or takes).
     */
    public void saveRoles() {
        staffMessage.set(null);
        createdPassword.set("");
        Account account = chosen.get();
        if (account == null) {
            staffMessage.set(Problem.of("admin.chooseAccount"));
            return;
        }
        if (account.userName().equals(me.get())) {
            staffMessage.set(Problem.of("admin.staff.notYourRoles"));
            return;
        }
        if (chosenRoles.isEmpty()) {
            staffMessage.set(Problem.of("admin.staff.noRole"));
            return;
        }
        List<String> roles = new java.util.ArrayList<>(ROLES.stream().filter(chosenRoles::contains).toList());
        account.roles().stream().filter(r -> !ROLES.contains(r)).forEach(roles::add);
        UUID id = account.id();
        administration.ifPresent(a -> background.submit(() -> a.setRoles(id, List.copyOf(roles)), done -> {
            staffMessage.set(Problem.of("admin.staff.rolesSaved", done.userName()));
            refresh();
        }, e -> failed(e, account.userName(), staffMessage)));
    }

    /** Makes an enrolment code for the typed new desk (library administrators); it shows until the next one. */
    public void makeEnrolmentCode() {
        deskMessage.set(null);
        String name = newDeskName.get().strip();
        if (name.isEmpty()) {
            deskMessage.set(Problem.of("admin.desk.noName"));
            return;
        }
        administration.ifPresent(a -> background.submit(() -> a.enrolmentCode(name), made -> {
            deskMessage.set(Problem.of("admin.desk.code", made.code(), made.workstationName(),
                    made.expiresAt().atZone(zone)));
            newDeskName.set("");
        }, e -> failed(e, null, deskMessage)));
    }

    /** Revokes the chosen desk (after the screen asked); it says so and the list is read again. */
    public void revoke(StaffAdministration.Desk desk) {
        deskMessage.set(null);
        if (desk == null) {
            deskMessage.set(Problem.of("admin.desks.choose"));
            return;
        }
        UUID id = desk.id();
        administration.ifPresent(a -> background.submit(() -> a.revoke(id), done -> {
            deskMessage.set(Problem.of("admin.desks.revoked", done.name()));
            refresh();
        }, e -> failed(e, null, deskMessage)));
    }

    /** The typed start of a round, or empty (and the reason shown) when it is not a time. */
    public Optional<Instant> typedStart() {
        Optional<Instant> at = RoundStart.parse(startsAt.get(), zone);
        if (at.isEmpty()) {
            message.set(Problem.of("admin.schedule.badTime"));
        }
        return at;
    }

    /** Calls off the scheduled round (organisation administrators). */
    public void cancel() {
        administration.ifPresent(a -> background.submit(() -> {
            a.cancel();
            return Boolean.TRUE;
        }, done -> {
            message.set(Problem.of("admin.cancel.done"));
            refresh();
        }, e -> failed(e, null, message)));
    }

    /** A new person signed in (or nobody is): nothing the last one saw or was told stays on screen. */
    public void personChanged() {
        message.set(null);
        oneTimePassword.set("");
        createdPassword.set("");
        staffMessage.set(null);
        newDeskName.set("");
        deskMessage.set(null);
        newUserName.set("");
        newDisplayName.set("");
        newWorkEmail.set("");
        newRoles.clear();
        choose(null);
        startsAt.set("");
        round.set(Optional.empty());
        accounts.clear();
        signs.clear();
        staff.clear();
        desks.clear();
        unread.set(false);
    }

    /** Whether the message on screen is a refusal or a mistake to put right (shown as a warning). */
    public static boolean isWarning(Problem p) {
        return p != null && (p.key().startsWith("admin.refused") || p.key().equals("admin.unavailable")
                || p.key().equals("admin.schedule.badTime") || p.key().equals("admin.chooseAccount")
                || p.key().startsWith("admin.staff.") && !List.of("admin.staff.created", "admin.staff.lockedNow",
                        "admin.staff.unlockedNow", "admin.staff.rolesSaved").contains(p.key())
                || p.key().equals("admin.desk.noName") || p.key().equals("admin.desks.choose")
                || p.key().startsWith("error."));
    }

    /** Schedules a round at the typed time (organisation administrators). */
    public void schedule() {
        Optional<Instant> typed = typedStart();
        if (typed.isEmpty()) {
            return;
        }
        Instant at = typed.get();
        administration.ifPresent(a -> background.submit(() -> a.schedule(at), scheduled -> {
            message.set(Problem.of("admin.schedule.done"));
            refresh();
        }, e -> failed(e, null, message)));
    }

    private void failed(Throwable e, String userName, ObjectProperty<Problem> message) {
        failed(e, userName, message, true);
    }

    /** Says what went wrong; after a refusal the screen reads the state again when {@code readAgain}. */
    private void failed(Throwable e, String userName, ObjectProperty<Problem> message, boolean readAgain) {
        if (e instanceof StaffAdministration.RefusedException refused) {
            message.set(AdminRefusals.problem(refused, userName));
            if (readAgain) {
                refresh();
            }
            return;
        }
        if (e instanceof StaffAdministration.UnavailableException) {
            message.set(Problem.of("admin.unavailable"));
            return;
        }
        message.set(app.carddesk.ui.Failures.problem(LOG, "Administration failed", e));
    }
}
