package app.carddesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Signing in at this desk, and the key that opens its register (decision 0012). With a central
 * register, the register decides, gives back this desk's register key when it holds it, and the
 * desk seals that key under the person's password in the staff keys, so that the same person can
 * sign in (and open the register) while the register cannot be reached, for a grace period after
 * their last sign-in it answered. A refusal by the register (inactive, locked, no role here,
 * workstation revoked) always wins: the seal is forgotten. A desk on its own with a demo library
 * profile lets its demo account in, and nobody else.
 */
public final class StaffSignIn {

    /** What a sign-in came to; a refusal carries a message key of the desk's texts and its arguments. */
    public sealed interface Result {
    }

    public record SignedIn(StaffSession session) implements Result {
    }

    /** Signed in with a password an administrator set: a new one comes first. */
    public record MustChangePassword(StaffSession session) implements Result {
    }

    public record Refused(String key, List<Object> args) implements Result {
        public Refused(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** The demo account's roles, as the central register's demo mode grants them. */
    public static final List<String> DEMO_ROLES = app.carddesk.api.DemoStaff.ROLES;

    /** What the demo account may do at a desk on its own. */
    public static final Set<String> DEMO_PERMISSIONS = Set.of("issue", "edit", "register_national_id", "merge",
            "unsubscribe", "delete_expired", "held_list", "library_config");

    /** How long a person may sign in without the central register after it last let them in. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);
    /** Wrong passwords in a row without the central register before signing in here is locked, and for how long. */
    public static final int OFFLINE_TRIES = OfflineTries.TRIES;
    public static final long OFFLINE_LOCK_MINUTES = OfflineTries.LOCK.toMinutes();

    private final Optional<StaffDirectory> directory;
    private final StaffKeys keys;
    private final SignedInStaff staff;
    private final Clock clock;
    private final Duration grace;
    /** Whether a register encrypted under some key is in the data folder already. */
    private final BooleanSupplier lockedRegister;
    /** The demo account a desk on its own lets in (demo library profiles only), else null. */
    private final String demoUser;
    private final String demoPassword;
    /** Wrong passwords typed here while the central register cannot be asked, and the lock after them. */
    private final OfflineTries tries;

    /** The register key, once a sign-in produced it; it stays while the desk runs (locks keep the register open). */
    private volatile RegisterKey key;
    /** Whether the central register is known to hold {@link #key} for this desk. */
    private volatile boolean escrowed;
    /** Whether the register is open (escrow waits for it: the desk's id may change when it opens). */
    private volatile boolean registerOpen;

    public StaffSignIn(Optional<StaffDirectory> directory, StaffKeys keys, SignedInStaff staff, Clock clock,
                       Duration grace, BooleanSupplier lockedRegister, String demoUser, String demoPassword) {
        this.directory = directory;
        this.keys = keys;
        this.staff = staff;
        this.clock = clock;
        this.grace = grace;
        this.lockedRegister = lockedRegister;
        this.demoUser = demoUser;
        this.demoPassword = demoPassword;
        this.tries = new OfflineTries(keys, clock);
    }

    public SignedInStaff staff() {
        return staff;
    }

    public StaffKeys keys() {
        return keys;
    }

    /** The key that opens this desk's register, once someone signed in. */
    public Optional<RegisterKey> registerKey() {
        return Optional.ofNullable(key);
    }

    /**
     * The demo account a desk on its own accepts, as {user name, password}, to show on the sign-in
     * screen; empty for a desk with a central register or a real library profile.
     */
    public Optional<List<String>> demoAccount() {
        return directory.isEmpty() && demoUser != null ? Optional.of(List.of(demoUser, demoPassword))
                : Optional.empty();
    }

    public Result signIn(String userName, String password) {
        String user = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return new Refused("signin.missing");
        }
        if (directory.isEmpty()) {
            return alone(user, password);
        }
        StaffDirectory.Answer answer = directory.get().signIn(user, password);
        if (answer instanceof StaffDirectory.Accepted ok) {
            return online(user, password, ok);
        }
        if (answer instanceof StaffDirectory.Refused no) {
            // An account made inactive, taken off this library or locked by an administrator cannot
            // sign in here offline either. A lock after wrong passwords leaves the seal: the person
            // with the right password is not the one who guessed. A revoked workstation opens for no one.
            if (no.reason() == StaffDirectory.Reason.REVOKED) {
                keys.forgetAll();
            } else if (no.reason() == StaffDirectory.Reason.INACTIVE
                    || no.reason() == StaffDirectory.Reason.AWAITS_VERIFICATION || no.reason() == StaffDirectory.Reason.NO_ROLE
                    || no.reason() == StaffDirectory.Reason.LOCKED && no.minutes() == 0) {
                keys.forget(user);
            }
            return refusal(no);
        }
        return offline(user, password);
    }

    /** The central register let the person in: the register key comes from it, the register, or the person's seal. */
    private Result online(String user, String password, StaffDirectory.Accepted ok) {
        RegisterKey known = key != null ? key : ok.registerKey();
        if (known == null) {
            known = keys.find(user).flatMap(e -> e.open(password)).orElse(null);
        }
        if (known == null && !lockedRegister.getAsBoolean()) {
            // No register yet, or a plain one from before encryption: it gets a key of its own now.
            known = RegisterKey.random();
        }
        if (known == null) {
            directory.get().signOut(ok.token());
            return new Refused("signin.registerKeyMissing");
        }
        key = known;
        escrowed = escrowed || known.equals(ok.registerKey());
        StaffSession session = new StaffSession(user, ok.displayName(), ok.roles(), ok.permissions(), ok.token(),
                false);
        staff.signedIn(session);
        if (ok.mustChangePassword()) {
            // A password an administrator set is no offline credential: the key is sealed under the new one.
            keys.forget(user);
            return new MustChangePassword(session);
        }
        keys.save(StaffKeys.Entry.sealed(user, ok.displayName(), ok.roles(), ok.permissions(), clock.instant(),
                known, password));
        // The central register let them in: the count and lock of wrong passwords here end.
        tries.right(user);
        escrow();
        return new SignedIn(session);
    }

    /** The central register did not answer: the person's seal decides, within the grace period. */
    private Result offline(String user, String password) {
        Optional<StaffKeys.Entry> entry = keys.find(user);
        if (entry.isEmpty()) {
            return new Refused("signin.offlineUnknown");
        }
        Instant until = entry.get().signedInOnlineAt().plus(grace);
        if (clock.instant().isAfter(until)) {
            keys.forget(user);
            return new Refused("signin.offlineExpired", grace.toDays());
        }
        Optional<Refused> locked = tries.locked(user);
        if (locked.isPresent()) {
            return locked.get();
        }
        Optional<RegisterKey> opened = entry.get().open(password);
        if (opened.isEmpty()) {
            return tries.wrong(user);
        }
        tries.right(user);
        if (entry.get().unbound()) {
            // A seal from before seals were bound to their entries: bound from now on.
            StaffKeys.Entry e = entry.get();
            keys.save(StaffKeys.Entry.sealed(e.userName(), e.displayName(), e.roles(), e.permissions(),
                    e.signedInOnlineAt(), opened.get(), password));
        }
        if (key == null) {
            key = opened.get();
        }
        StaffSession session = new StaffSession(user, entry.get().displayName(), entry.get().roles(),
                entry.get().permissions(), null, true);
        staff.signedIn(session);
        return new SignedIn(session);
    }

    /** A desk without a central register: its demo account, if it has one. */
    private Result alone(String user, String password) {
        if (demoUser == null) {
            return new Refused("signin.noCentral");
        }
        if (!user.equals(demoUser) || !password.equals(demoPassword)) {
            return new Refused("signin.wrong");
        }
        // The demo accounts share one public password: a demo desk switched to the other demo library
        // opens the same data folder's register with the seal its first demo account made.
        RegisterKey known = key;
        boolean ownSeal = keys.find(user).isPresent();
        if (known == null) {
            known = java.util.stream.Stream.concat(java.util.stream.Stream.of(user),
                            app.carddesk.api.DemoStaff.USERS.values().stream().filter(d -> !d.equals(user)))
                    .map(keys::find).flatMap(Optional::stream)
                    .map(e -> e.open(password)).flatMap(Optional::stream).findFirst().orElse(null);
        }
        if (known == null && !lockedRegister.getAsBoolean()) {
            known = RegisterKey.random();
        }
        if (known == null) {
            return new Refused("signin.registerKeyMissing");
        }
        if (!ownSeal) {
            keys.save(StaffKeys.Entry.sealed(user, "Demo", DEMO_ROLES, DEMO_PERMISSIONS, clock.instant(), known,
                    password));
        }
        key = known;
        StaffSession session = new StaffSession(user, "Demo", DEMO_ROLES, DEMO_PERMISSIONS, null, false);
        staff.signedIn(session);
        return new SignedIn(session);
    }

    private static Result refusal(StaffDirectory.Refused no) {
        return switch (no.reason()) {
            case WRONG -> new Refused("signin.wrong");
            case LAST_TRY -> new Refused("signin.lastTry");
            case LOCKED -> no.minutes() > 0 ? new Refused("signin.lockedForAWhile")
                    : new Refused("signin.lockedByAdmin");
            case INACTIVE -> new Refused("signin.inactive");
            case AWAITS_VERIFICATION -> new Refused("signin.awaitsVerification");
            case NO_ROLE -> new Refused("signin.noRole");
            case WEAK_PASSWORD -> new Refused("signin.weakPassword", no.detail());
            case WRONG_CURRENT -> new Refused("signin.wrongCurrent");
            case REVOKED -> new Refused("signin.revoked");
            case OTHER -> new Refused("signin.failed", no.detail());
        };
    }

    /** The signed-in person chooses a new password (required after one an administrator set). */
    public Result changePassword(String current, String next, String repeated) {
        StaffSession session = staff.current().orElseThrow(() -> new IllegalStateException("nobody signed in"));
        if (next == null || !next.equals(repeated)) {
            return new Refused("signin.passwordsDiffer");
        }
        if (directory.isEmpty() || session.token() == null) {
            return new Refused("signin.changeNeedsCentral");
        }
        StaffDirectory.Answer answer = directory.get().changePassword(session.token(), current, next);
        if (answer instanceof StaffDirectory.Accepted) {
            // The register is not touched: its key is sealed under the new password, the old seal replaced.
            keys.save(StaffKeys.Entry.sealed(session.userName(), session.displayName(), session.roles(),
                    session.permissions(), clock.instant(), key, next));
            escrow();
            return new SignedIn(session);
        }
        if (answer instanceof StaffDirectory.Refused no) {
            return refusal(no);
        }
        return new Refused("signin.changeNeedsCentral");
    }

    /**
     * The register is open under the key: from now on the key is handed to the central register
     * for escrow at the first online sign-in that finds it not held there.
     */
    public void registerOpened() {
        registerOpen = true;
        escrow();
    }

    private void escrow() {
        RegisterKey k = key;
        Optional<StaffSession> now = staff.current();
        if (escrowed || !registerOpen || k == null || directory.isEmpty() || now.isEmpty() || now.get().token() == null) {
            return;
        }
        escrowed = directory.get().holdRegisterKey(now.get().token(), keys.deskId(), k);
    }

    /** The central register refused this workstation's credential: no one opens the register here again. */
    public void workstationRevoked() {
        keys.forgetAll();
    }

    /**
     * At the desk's first contact after an offline sign-in: asks the central register whether the
     * person may still work here. A deactivation or lock made meanwhile signs them out at once and
     * forgets their seal; nothing changes while the register cannot be reached.
     *
     * @return true when the person was signed out
     */
    public boolean recheckOffline() {
        Optional<StaffSession> current = staff.current();
        if (directory.isEmpty() || current.isEmpty() || !current.get().offline()) {
            return false;
        }
        String user = current.get().userName();
        if (current.get() == recheckedSession) {
            return false;
        }
        StaffDirectory.Answer answer = directory.get().stillAllowed(user);
        if (answer instanceof StaffDirectory.Refused) {
            keys.forget(user);
            staff.offlinePersonRefused();
            return true;
        }
        if (answer instanceof StaffDirectory.Accepted) {
            recheckedSession = current.get();
        }
        return false;
    }

    /** The offline sign-in the central register confirmed since: not asked about again. */
    private volatile StaffSession recheckedSession;

    /** How often an online session is asked about between the person's own requests. */
    public static final java.time.Duration SESSION_CHECK = java.time.Duration.ofSeconds(60);
    private volatile java.time.Instant sessionCheckedAt = java.time.Instant.MIN;

    /**
     * At a sync round that reached the central register, at most once a minute: whether it still
     * accepts the signed-in person's session. One it ended (a verification round began, an
     * administrator locked the account) signs the person out now, not at their next search.
     *
     * @return true when the person was signed out
     */
    public boolean recheckSession() {
        Optional<StaffSession> current = staff.current();
        java.time.Instant now = clock.instant();
        if (directory.isEmpty() || current.isEmpty() || current.get().token() == null
                || now.isBefore(sessionCheckedAt.plus(SESSION_CHECK))) {
            return false;
        }
        sessionCheckedAt = now;
        if (directory.get().sessionOpen(current.get().token())) {
            return false;
        }
        staff.sessionEnded();
        return true;
    }

    /**
     * Ends the signed-in person's session at the central register, as the desk closes (its window,
     * or the system ending it): the session does not stay usable for the rest of its 12 hours.
     * Nothing else changes; a register that cannot be reached lets the session end by itself.
     */
    public void endSessionAsTheDeskCloses() {
        staff.current().ifPresent(s -> {
            if (s.token() != null) {
                directory.ifPresent(d -> d.signOut(s.token()));
            }
        });
    }

    /** Ends the person's work at this desk; what the desk queued stays queued. */
    public void signOut() {
        endSessionAsTheDeskCloses();
        staff.signedOut();
    }
}
