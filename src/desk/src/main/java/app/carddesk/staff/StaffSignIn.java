package app.carddesk.staff;

import app.carddesk.security.PinHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Signing in at this desk. With a central register, the register decides, and the desk keeps a
 * verifier (an Argon2id hash of the password made here) so that the same person can sign in while
 * the register cannot be reached, for a grace period after their last sign-in it answered. A
 * refusal by the register (wrong password, locked, inactive) always wins over the verifier: the
 * verifier is forgotten when the register no longer lets the person in. A desk on its own with a
 * demo library profile lets its demo account in, and nobody else.
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

    /** How long a person may sign in without the central register after it last let them in. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    private final Optional<StaffDirectory> directory;
    private final StaffVerifiers verifiers;
    private final PinHasher hasher;
    private final SignedInStaff staff;
    private final Clock clock;
    private final Duration grace;
    /** The demo account a desk on its own lets in (demo library profiles only), else null. */
    private final String demoUser;
    private final String demoPassword;

    public StaffSignIn(Optional<StaffDirectory> directory, StaffVerifiers verifiers, PinHasher hasher,
                       SignedInStaff staff, Clock clock, Duration grace, String demoUser, String demoPassword) {
        this.directory = directory;
        this.verifiers = verifiers;
        this.hasher = hasher;
        this.staff = staff;
        this.clock = clock;
        this.grace = grace;
        this.demoUser = demoUser;
        this.demoPassword = demoPassword;
    }

    public SignedInStaff staff() {
        return staff;
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
            verifiers.save(new StaffVerifiers.Verifier(user, ok.displayName(), hasher.hash(password), ok.roles(),
                    ok.permissions(), clock.instant()));
            StaffSession session = new StaffSession(user, ok.displayName(), ok.roles(), ok.permissions(), ok.token(),
                    false);
            staff.signedIn(session);
            return ok.mustChangePassword() ? new MustChangePassword(session) : new SignedIn(session);
        }
        if (answer instanceof StaffDirectory.Refused no) {
            // An account made inactive, taken off this library or locked by an administrator cannot
            // sign in here offline either. A lock after wrong passwords leaves the verifier: the
            // person with the right password is not the one who guessed.
            if (no.reason() == StaffDirectory.Reason.INACTIVE || no.reason() == StaffDirectory.Reason.NO_ROLE
                    || no.reason() == StaffDirectory.Reason.LOCKED && no.minutes() == 0) {
                verifiers.forget(user);
            }
            return refusal(no);
        }
        return offline(user, password);
    }

    /** The central register did not answer: the verifier decides, within the grace period. */
    private Result offline(String user, String password) {
        Optional<StaffVerifiers.Verifier> verifier = verifiers.find(user);
        if (verifier.isEmpty() || !hasher.matches(password, verifier.get().passwordHash())) {
            return new Refused("signin.offlineUnknown");
        }
        Instant until = verifier.get().signedInOnlineAt().plus(grace);
        if (clock.instant().isAfter(until)) {
            return new Refused("signin.offlineExpired", grace.toDays());
        }
        StaffSession session = new StaffSession(user, verifier.get().displayName(), verifier.get().roles(),
                verifier.get().permissions(), null, true);
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
        StaffSession session = new StaffSession(user, "Demo", DEMO_ROLES, Set.of("issue", "edit", "register_national_id",
                "merge", "unsubscribe", "delete_expired", "held_list"), null, false);
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
            case NO_ROLE -> new Refused("signin.noRole");
            case WEAK_PASSWORD -> new Refused("signin.weakPassword", no.detail());
            case WRONG_CURRENT -> new Refused("signin.wrongCurrent");
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
            verifiers.save(new StaffVerifiers.Verifier(session.userName(), session.displayName(), hasher.hash(next),
                    session.roles(), session.permissions(), clock.instant()));
            return new SignedIn(session);
        }
        if (answer instanceof StaffDirectory.Refused no) {
            return refusal(no);
        }
        return new Refused("signin.changeNeedsCentral");
    }

    /**
     * At the desk's first contact after an offline sign-in: asks the central register whether the
     * person may still work here. A deactivation or lock made meanwhile signs them out at once and
     * forgets their offline verifier; nothing changes while the register cannot be reached.
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
            verifiers.forget(user);
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

    /** Ends the person's work at this desk; what the desk queued stays queued. */
    public void signOut() {
        staff.current().ifPresent(s -> {
            if (s.token() != null) {
                directory.ifPresent(d -> d.signOut(s.token()));
            }
        });
        staff.signedOut();
    }
}
