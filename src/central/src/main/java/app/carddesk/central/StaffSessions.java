package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.PasswordPolicy;
import app.carddesk.domain.Problem;
import app.carddesk.security.PinHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff sign-in at a library's workstation and the sessions it opens: who a request acts for, and
 * the person's own password. Passwords are kept only as Argon2id hashes; five wrong passwords in a
 * row lock an account for fifteen minutes (the fourth warns). Every sign-in, failure and change is
 * audited. The administrators' work on accounts is {@link StaffAccounts}.
 */
final class StaffSessions {

    static final int ATTEMPTS = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    /** A session lasts a working day; the desk locks itself much sooner when left idle. */
    static final Duration SESSION = Duration.ofHours(12);

    /** A signed-in person, as a request acts for them. */
    record Staff(UUID accountId, String userName, List<String> roles, Set<Permission> permissions,
                 boolean mustChangePassword, String sessionHash) {
    }


    private final Jdbi jdbi;
    private final PinHasher hasher;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final Clock clock;
    /** Verified against when no account has the name, so that a wrong name takes as long as a wrong password. */
    private volatile String decoy;

    StaffSessions(Jdbi jdbi, PinHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    static ApiException denied(Permission permission, String library) {
        return new ApiException(403, ErrorCode.PERMISSION_DENIED, null, "Your roles at " + library
                + " do not include the permission '" + permission.code() + "'. Ask the library's administrator.");
    }

    /** Signs a person in at the calling workstation's library, or says precisely why not. */
    Api.Session signIn(Caller workstation, String body, Envelope envelope) {
        Api.SignIn in = envelope.parse(body, Api.SignIn.class);
        String name = StaffAccounts.userName(in.userName());
        if (in.password() == null || in.password().isEmpty() || in.password().length() > PasswordPolicy.MAX_LENGTH) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "password", "Type your password.");
        }
        String library = workstation.library().code();
        Instant now = clock.instant();
        Optional<StaffDao.AccountRow> found = jdbi.withExtension(StaffDao.class, d -> d.personalByName(name));
        if (found.isEmpty()) {
            if (decoy == null) {
                decoy = hasher.hash(Secrets.token());
            }
            hasher.matches(in.password(), decoy);
            audit(workstation, "SIGN_IN_FAILED", "unknown user name");
            throw wrong(false);
        }
        StaffDao.AccountRow account = found.get();
        if (account.adminLocked()) {
            audit(workstation, "SIGN_IN_REFUSED", "user=" + name + " locked by an administrator");
            throw new ApiException(423, ErrorCode.ACCOUNT_LOCKED, null, "This account is locked by an administrator. "
                    + "Ask your library's administrator to unlock it.");
        }
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, account.lockedUntil()).toSeconds());
            audit(workstation, "SIGN_IN_REFUSED", "user=" + name + " locked after failed attempts");
            throw lockedFor(seconds);
        }
        if (account.passwordHash() == null || !hasher.matches(in.password(), account.passwordHash())) {
            return failed(workstation, account, now);
        }
        if (!usable(account, now)) {
            if (jdbi.withExtension(VerificationRoundDao.class, d -> d.awaitsDecision(account.id()))) {
                audit(workstation, "SIGN_IN_REFUSED", "user=" + name + " awaits the verification round");
                throw new ApiException(403, ErrorCode.ACCOUNT_AWAITS_VERIFICATION, null, "A verification round is "
                        + "under way: this account is inactive until an administrator re-activates it.");
            }
            audit(workstation, "SIGN_IN_REFUSED", "user=" + name + " inactive");
            throw new ApiException(403, ErrorCode.ACCOUNT_INACTIVE, null, "This account is not active now. Ask your "
                    + "library's administrator.");
        }
        Set<Permission> permissions = permissions(account.id(), library);
        if (permissions.isEmpty()) {
            audit(workstation, "SIGN_IN_REFUSED", "user=" + name + " has no role here");
            throw new ApiException(403, ErrorCode.NO_ROLE_HERE, null, "You have no role at " + library
                    + ". Sign in at a workstation of your own library, or ask its administrator.");
        }
        String token = Secrets.token();
        Instant expires = now.plus(SESSION);
        List<String> heldRoles = roles(account.id(), library);
        jdbi.useTransaction(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            d.signedIn(account.id());
            d.openSession(Envelope.sha256(token), account.id(), library, workstation.workstation(), now, expires);
            // Named as the person, so that sign-ins outside the library's hours can be counted.
            audit(h, workstation.withStaff(new Staff(account.id(), name, heldRoles, permissions, false, null)),
                    "SIGNED_IN", "user=" + name);
        });
        return new Api.Session(token, expires, view(account, library, heldRoles, permissions, now));
    }

    /** A wrong password: counted, the fourth warns, the fifth locks. */
    private Api.Session failed(Caller workstation, StaffDao.AccountRow account, Instant now) {
        int count = jdbi.inTransaction(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            d.countFailure(account.id());
            int failures = d.byId(account.id()).map(StaffDao.AccountRow::failedAttempts).orElse(ATTEMPTS);
            if (failures >= ATTEMPTS) {
                d.lockUntil(account.id(), now.plus(LOCK));
                audit(h, workstation, "ACCOUNT_LOCKED", "user=" + account.userName() + " after " + ATTEMPTS
                        + " wrong passwords");
            } else {
                audit(h, workstation, "SIGN_IN_FAILED", "user=" + account.userName() + " wrong password " + failures);
            }
            return failures;
        });
        if (count >= ATTEMPTS) {
            throw lockedFor(LOCK.toSeconds());
        }
        throw wrong(count == ATTEMPTS - 1);
    }

    private static ApiException wrong(boolean lastTry) {
        return new ApiException(401, lastTry ? ErrorCode.LAST_ATTEMPT : ErrorCode.INVALID_CREDENTIALS, null, lastTry
                ? "Wrong user name or password. One more wrong password locks the account for "
                + LOCK.toMinutes() + " minutes."
                : "Wrong user name or password.");
    }

    private static ApiException lockedFor(long seconds) {
        return new ApiException(423, ErrorCode.ACCOUNT_LOCKED_FOR_A_WHILE, null, "This account is locked for "
                + Math.max(1, (seconds + 59) / 60) + " minute(s) after " + ATTEMPTS + " wrong passwords. Wait, or "
                + "ask your library's administrator to unlock it.").retryAfter(seconds);
    }

    private boolean usable(StaffDao.AccountRow a, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return a.active() && (a.validFrom() == null || !today.isBefore(a.validFrom()))
                && (a.validUntil() == null || !today.isAfter(a.validUntil()));
    }

    /**
     * The person a request's session stands for, checked on every request: the session must be
     * this workstation's library's, not ended, and its account still active and unlocked.
     */
    Caller resolve(Caller workstation, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw invalidSession();
        }
        String hash = Envelope.sha256(token.trim());
        Instant now = clock.instant();
        StaffDao.SessionRow session = jdbi.withExtension(StaffDao.class, d -> d.session(hash))
                .filter(s -> s.expiresAt().isAfter(now) && s.libraryCode().equals(workstation.library().code()))
                .orElseThrow(StaffSessions::invalidSession);
        StaffDao.AccountRow account = jdbi.withExtension(StaffDao.class, d -> d.byId(session.accountId()))
                // A lock after wrong passwords stops new sign-ins only: five wrong guesses by someone
                // else do not end the person's work. An administrator's lock ends the session.
                .filter(a -> usable(a, now) && !a.adminLocked())
                .orElseThrow(StaffSessions::invalidSession);
        List<StaffDao.Grant> grants = jdbi.withExtension(StaffDao.class,
                d -> d.grants(account.id(), session.libraryCode()));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        grants.forEach(g -> Permission.of(g.permission()).ifPresent(permissions::add));
        return workstation.withStaff(new Staff(account.id(), account.userName(),
                grants.stream().map(StaffDao.Grant::role).distinct().sorted().toList(), permissions,
                account.mustChangePassword(), hash));
    }

    /**
     * The person a workstation says made a queued change ({@link Api#ACTING_FOR_HEADER}), with their
     * roles here now: the change is checked against what they may do when it arrives. Refused
     * (403) when the account is unknown, inactive, locked by an administrator or has no role here.
     */
    Caller actingFor(Caller workstation, String userName) {
        String name = userName == null ? "" : userName.trim().toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        String library = workstation.library().code();
        Optional<StaffDao.AccountRow> account = name.isEmpty() || name.length() > 60 ? Optional.empty()
                : jdbi.withExtension(StaffDao.class, d -> d.personalByName(name))
                .filter(a -> usable(a, now) && !a.adminLocked());
        List<StaffDao.Grant> grants = account.map(a -> jdbi.withExtension(StaffDao.class,
                d -> d.grants(a.id(), library))).orElse(List.of());
        if (grants.isEmpty()) {
            throw new ApiException(403, ErrorCode.ACTING_PERSON_REFUSED, Api.ACTING_FOR_HEADER, "The person who made "
                    + "this change (" + name + ") may no longer work at " + library + ": their account is inactive, "
                    + "locked or has no role here. Staff who may decide what happens to the change.");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        grants.forEach(g -> Permission.of(g.permission()).ifPresent(permissions::add));
        return workstation.withStaff(new Staff(account.get().id(), account.get().userName(),
                grants.stream().map(StaffDao.Grant::role).distinct().sorted().toList(), permissions, false, null));
    }

    /**
     * The person a workstation names, as they stand now: a desk where they signed in offline asks
     * at its next contact, and signs them out when this is refused.
     */
    Api.ActingPerson acting(Caller caller) {
        Staff person = caller.staff();
        if (person == null || person.sessionHash() != null) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, Api.ACTING_FOR_HEADER, "Name the person in the "
                    + Api.ACTING_FOR_HEADER + " header, without a session.");
        }
        String display = jdbi.withExtension(StaffDao.class, d -> d.byId(person.accountId()))
                .map(StaffDao.AccountRow::displayName).orElse(person.userName());
        return new Api.ActingPerson(person.userName(), display, person.roles(),
                person.permissions().stream().map(Permission::code).sorted().toList());
    }

    private static ApiException invalidSession() {
        return new ApiException(401, ErrorCode.SESSION_INVALID, Api.SESSION_HEADER, "Your session has ended. "
                + "Sign in again.");
    }

    /** The signed-in person's own account. */
    Api.StaffAccount current(Caller caller) {
        Staff staff = caller.requireStaffSession();
        String library = caller.library().code();
        StaffDao.AccountRow account = jdbi.withExtension(StaffDao.class, d -> d.byId(staff.accountId())).orElseThrow();
        return view(account, library, roles(account.id(), library), staff.permissions(), clock.instant());
    }

    /** Ends the request's session. */
    void signOut(Caller caller) {
        Staff staff = caller.requireStaffSession();
        jdbi.useTransaction(h -> {
            Daos.on(h, StaffDao.class).closeSession(staff.sessionHash());
            audit(h, caller, "SIGNED_OUT", "user=" + staff.userName());
        });
    }

    /** The signed-in person changes their password; an administrator-set one must be changed first. */
    void changePassword(Caller caller, String body, Envelope envelope) {
        Staff staff = caller.requireStaffSession();
        Api.PasswordChange change = envelope.parse(body, Api.PasswordChange.class);
        StaffDao.AccountRow account = jdbi.withExtension(StaffDao.class, d -> d.byId(staff.accountId())).orElseThrow();
        if (change.currentPassword() == null || change.currentPassword().length() > PasswordPolicy.MAX_LENGTH
                || !hasher.matches(change.currentPassword(), account.passwordHash())) {
            audit(caller, "PASSWORD_CHANGE_FAILED", "user=" + staff.userName() + " wrong current password");
            throw new ApiException(422, ErrorCode.INVALID_CREDENTIALS, "currentPassword",
                    "The current password is wrong.");
        }
        refuseWeak(change.newPassword(), account.userName(), caller.library());
        if (change.newPassword().equals(change.currentPassword())) {
            throw new ApiException(422, ErrorCode.PASSWORD_REJECTED, "newPassword",
                    "Choose a new password, not the one you have.");
        }
        // After a one-time password (a verification round, an administrator's reset) the person chooses a
        // new password, not the one they had before it.
        Optional<String> previous = jdbi.withExtension(StaffDao.class, d -> d.previousPassword(account.id()));
        if (previous.isPresent() && hasher.matches(change.newPassword(), previous.get())) {
            audit(caller, "PASSWORD_CHANGE_FAILED", "user=" + staff.userName() + " the password before");
            throw new ApiException(422, ErrorCode.PASSWORD_REJECTED, "newPassword",
                    "Choose a new password, not the one you had before.");
        }
        String hash = hasher.hash(change.newPassword());
        jdbi.useTransaction(h -> {
            Daos.on(h, StaffDao.class).setPassword(account.id(), hash, false);
            audit(h, caller, "PASSWORD_CHANGED", "user=" + staff.userName());
        });
    }

    private void refuseWeak(String password, String userName, CentralDaos.Library library) {
        Optional<Problem> problem = policy.check(password, List.of(userName, library.code(), library.name()));
        problem.ifPresent(p -> {
            throw new ApiException(422, ErrorCode.PASSWORD_REJECTED, "newPassword", CentralTexts.ENGLISH.text(p));
        });
    }

    private List<String> roles(UUID account, String library) {
        return jdbi.withExtension(StaffDao.class, d -> d.roles(account, library));
    }

    private Set<Permission> permissions(UUID account, String library) {
        return jdbi.withExtension(StaffDao.class, d -> permissionsIn(d, account, library));
    }

    static Set<Permission> permissionsIn(StaffDao d, UUID account, String library) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        d.permissions(account, library).forEach(p -> Permission.of(p).ifPresent(set::add));
        return set;
    }

    /** An account as its library's administrators and the person themself see it, at {@code now}. */
    static Api.StaffAccount view(StaffDao.AccountRow a, String library, List<String> roles,
                                 Set<Permission> permissions, Instant now) {
        String status = !a.active() ? "inactive" : a.adminLocked() ? "locked" : a.lockedUntil() != null
                && a.lockedUntil().isAfter(now) ? "locked_for_a_while" : "active";
        return new Api.StaffAccount(a.id(), a.userName(), a.displayName(), a.workEmail(), status,
                a.mustChangePassword(), a.validFrom(), a.validUntil(), roles,
                permissions.stream().map(Permission::code).sorted().toList());
    }

    private void audit(Caller caller, String action, String detail) {
        jdbi.useHandle(h -> audit(h, caller, action, detail));
    }

    private void audit(Handle h, Caller caller, String action, String detail) {
        Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), action, null, detail);
    }
}
