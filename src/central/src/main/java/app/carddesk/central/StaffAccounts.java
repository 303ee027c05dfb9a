package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.FieldLimit;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.central.StaffSessions.Staff;
import app.carddesk.security.PinHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A library administrator's work on its staff accounts: the accounts, their roles and names, new
 * accounts with a one-time password and locks; and the first administrator the operator makes
 * (the signs of misused accounts and the library's staffed hours are {@link StaffSigns}').
 * Roles that join conflicting permissions are refused; organisation-wide ones, and the data
 * protection officer's, are given, taken and locked by an organisation administrator only (they
 * oversee the library's own administrators); nobody locks or changes their own account. Every
 * change is audited.
 */
final class StaffAccounts {

    /**
     * The demo accounts' one public password, hashed once per process (demo mode only): a demo
     * register is made often (every test, every trial), and Argon2id is slow on purpose.
     */
    private static volatile String demoHash;

    private final Jdbi jdbi;
    private final PinHasher hasher;
    private final Clock clock;

    StaffAccounts(Jdbi jdbi, PinHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The administrator's library's accounts. */
    Api.StaffAccounts accounts(Caller caller) {
        caller.requireStaff(Permission.STAFF_ADMIN);
        String library = caller.library().code();
        return jdbi.withHandle(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            return new Api.StaffAccounts(d.ofLibrary(library).stream().map(a -> view(a, library,
                    d.roles(a.id(), library), permissionsIn(d, a.id(), library))).toList());
        });
    }

    /** A new personal account at the administrator's library, with a one-time password to hand over. */
    Api.StaffAccountIssued create(Caller caller, String body, Envelope envelope) {
        Staff admin = caller.requireStaff(Permission.STAFF_ADMIN);
        Api.NewStaffAccount in = envelope.parse(body, Api.NewStaffAccount.class);
        String name = userName(in.userName());
        String display = text("displayName", in.displayName(), 100, true);
        String email = workEmail(in.workEmail());
        if (in.validFrom() != null && in.validUntil() != null && in.validUntil().isBefore(in.validFrom())) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "validUntil", "An account's last day is on or "
                    + "after its first.");
        }
        List<String> roles = roles(in.roles());
        String library = caller.library().code();
        // 16 typable characters: about 80 bits, changed at the first sign-in.
        String password = Secrets.typable(16);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        StaffDao.AccountRow row = new StaffDao.AccountRow(UUID.randomUUID(), "PERSONAL", name, display, email, hash,
                true, in.validFrom(), in.validUntil(), true, false, 0, null);
        return OverseeingRefusal.audited(jdbi, caller, clock, h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            checkGrant(d, roles);
            checkGrantor(d, admin, roles, "create user=" + name + " roles=" + String.join(",", roles));
            if (d.countNamed(name) > 0) {
                throw new ApiException(409, ErrorCode.USER_NAME_TAKEN, "userName", "The user name '" + name
                        + "' is taken. Choose another.");
            }
            d.insert(row, now);
            d.grant(row.id(), library, roles);
            audit(h, caller, "ACCOUNT_CREATED", "user=" + name + " roles=" + String.join(",", roles) + " by="
                    + admin.userName());
            return new Api.StaffAccountIssued(view(row, library, roles, permissionsIn(d, row.id(), library)), password);
        });
    }

    /**
     * An administrator locks an account of their library (or unlocks it, which also ends a timed
     * lock). Never their own: they would be signed out at once with nobody there to unlock them.
     */
    Api.StaffAccount setLocked(Caller caller, UUID id, boolean locked) {
        Staff admin = caller.requireStaff(Permission.STAFF_ADMIN);
        String library = caller.library().code();
        if (locked) {
            notOwn(admin, id);
        }
        return OverseeingRefusal.audited(jdbi, caller, clock, h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            StaffDao.AccountRow account = ofLibrary(d, id, library);
            // Whoever oversees the library's administrators is not locked out (or let in) by them.
            checkGrantor(d, admin, d.roles(id, library), (locked ? "lock" : "unlock") + " user="
                    + account.userName());
            d.setAdminLocked(id, locked);
            if (locked) {
                d.closeSessions(id);
            }
            audit(h, caller, locked ? "ACCOUNT_LOCKED_BY_ADMIN" : "ACCOUNT_UNLOCKED", "user=" + account.userName()
                    + " by=" + admin.userName());
            StaffDao.AccountRow now = d.byId(id).orElseThrow();
            return view(now, library, d.roles(id, library), permissionsIn(d, id, library));
        });
    }

    /**
     * The roles an account of the administrator's library holds there, in place of those it held
     * (someone who changes job, or stays on with less); the person's next request already has them.
     * Never the administrator's own: nobody gives themself a role, nor takes away the one that lets
     * them administer staff. Audited with the roles before and after.
     */
    Api.StaffAccount setRoles(Caller caller, UUID id, String body, Envelope envelope) {
        Staff admin = caller.requireStaff(Permission.STAFF_ADMIN);
        Api.StaffRoles in = envelope.parse(body, Api.StaffRoles.class);
        List<String> roles = roles(in.roles()).stream().sorted().toList();
        notOwn(admin, id);
        String library = caller.library().code();
        return OverseeingRefusal.audited(jdbi, caller, clock, h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            StaffDao.AccountRow account = ofLibrary(d, id, library);
            List<String> before = d.roles(id, library);
            checkGrant(d, roles);
            String attempt = "roles user=" + account.userName() + " roles=" + String.join(",", roles) + " was="
                    + String.join(",", before);
            checkGrantor(d, admin, roles, attempt);
            // Organisation-wide roles are taken away only by whoever may give them.
            checkGrantor(d, admin, before, attempt);
            if (!before.equals(roles)) {
                d.revokeAll(id, library);
                d.grant(id, library, roles);
                audit(h, caller, "ROLES_CHANGED", "user=" + account.userName() + " roles=" + String.join(",", roles)
                        + " was=" + String.join(",", before) + " by=" + admin.userName());
            }
            return view(account, library, roles, permissionsIn(d, id, library));
        });
    }

    /** Corrects a person's full name (a typing error, a new surname); audited without either name. */
    Api.StaffAccount rename(Caller caller, UUID id, String body, Envelope envelope) {
        Staff admin = caller.requireStaff(Permission.STAFF_ADMIN);
        Api.StaffName in = envelope.parse(body, Api.StaffName.class);
        String display = text("displayName", in.displayName(), 100, true);
        String library = caller.library().code();
        return OverseeingRefusal.audited(jdbi, caller, clock, h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            StaffDao.AccountRow account = ofLibrary(d, id, library);
            // Whoever oversees the library's administrators is not renamed by them either.
            checkGrantor(d, admin, d.roles(id, library), "rename user=" + account.userName());
            if (!account.displayName().equals(display)) {
                d.rename(id, display);
                audit(h, caller, "STAFF_RENAMED", "user=" + account.userName() + " by=" + admin.userName());
            }
            List<String> roles = d.roles(id, library);
            return view(ofLibrary(d, id, library), library, roles, permissionsIn(d, id, library));
        });
    }

    /** A personal account with a role at {@code library}, or 404. */
    private static StaffDao.AccountRow ofLibrary(StaffDao d, UUID id, String library) {
        return d.byId(id).filter(a -> "PERSONAL".equals(a.kind()) && !d.roles(a.id(), library).isEmpty())
                .orElseThrow(() -> new ApiException(404, ErrorCode.ACCOUNT_NOT_FOUND, "id", "No staff account of "
                        + library + " has this id."));
    }

    private static void notOwn(Staff admin, UUID id) {
        if (id.equals(admin.accountId())) {
            throw new ApiException(409, ErrorCode.OWN_ACCOUNT, "id", "Administrators do not lock their own account "
                    + "or change their own roles; another administrator of the library does.");
        }
    }

    /**
     * Permissions given, taken and locked only by an organisation administrator, never by a library's
     * own administrator: the organisation's (libraries and series, verification rounds), and reading
     * the audit, since the data protection officer reads what the library's administrators did.
     */
    static final List<Permission> OVERSEEING = List.of(Permission.ORGANISATION_ADMIN,
            Permission.VERIFICATION_ROUND, Permission.AUDIT_READ);

    /** @param attempt what was tried on whose account, for the audit of a refusal */
    private static void checkGrantor(StaffDao d, Staff admin, List<String> roles, String attempt) {
        List<String> granted = d.permissionsOf(roles);
        boolean overseeing = OVERSEEING.stream().anyMatch(p -> granted.contains(p.name()));
        if (overseeing && !admin.permissions().contains(Permission.ORGANISATION_ADMIN)) {
            throw new OverseeingRefusal(attempt, admin.userName(), "roles", "Only an organisation administrator "
                    + "gives, takes away or locks the roles of organisation administrator and data protection "
                    + "officer: they oversee the library's own administrators.");
        }
    }

    /** Refuses unknown roles and grants that would join a declared pair of conflicting permissions. */
    private static void checkGrant(StaffDao d, List<String> roles) {
        List<String> known = d.knownRoles(roles);
        for (String role : roles) {
            if (!known.contains(role)) {
                throw new ApiException(422, ErrorCode.UNKNOWN_ROLE, "roles", "There is no role '" + role + "'.");
            }
        }
        List<String> conflicts = d.conflicts(d.permissionsOf(roles));
        if (!conflicts.isEmpty()) {
            throw new ApiException(422, ErrorCode.PERMISSION_CONFLICT, "roles", "These roles may not be held "
                    + "together: " + conflicts.get(0));
        }
    }

    private static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty() || roles.size() > 10) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "roles", "Give the account one role or more.");
        }
        List<String> codes = new java.util.ArrayList<>();
        for (String r : roles) {
            if (r == null || r.isBlank() || r.length() > 40 || FieldLimit.hasControlCharacter(r)) {
                throw new ApiException(422, ErrorCode.UNKNOWN_ROLE, "roles", "A role is named by its code, "
                        + "for example DESK_STAFF.");
            }
            String code = r.trim().toUpperCase(Locale.ROOT);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    static String userName(String raw) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!app.carddesk.domain.StaffUserName.valid(name)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "userName", "A user name is 2 to 60 letters a-z, "
                    + "digits, dots, dashes or underscores.");
        }
        return name;
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, field, "Fill in " + field + ".");
            }
            return null;
        }
        if (v.length() > max || FieldLimit.hasControlCharacter(v)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, field, field + " is one line of at most " + max
                    + " characters.");
        }
        return v;
    }


    private static String workEmail(String given) {
        String email = text("workEmail", given, 254, false);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "workEmail", "A work e-mail address looks like "
                    + "name@library.dk.");
        }
        return email;
    }

    /**
     * A library's first administrator, made by the operator on the central's machine (a library has
     * nobody to create accounts before): library administrator and desk staff at the library, with a
     * one-time password to read out, changed at the first sign-in.
     *
     * @return the one-time password
     */
    String addFirstAdministrator(String library, String userName, String displayName, String workEmail) {
        return addByOperator(library, userName, displayName, workEmail, List.of("LIBRARY_ADMIN", "DESK_STAFF"));
    }

    /**
     * An organisation administrator, made by the operator on the central's machine: nobody else may
     * grant the organisation's role, so a real organisation's first one is made here. They sign in
     * at the given library's desks and schedule verification rounds, add libraries and card series.
     *
     * @return the one-time password
     */
    String addOrganisationAdministrator(String library, String userName, String displayName, String workEmail) {
        return addByOperator(library, userName, displayName, workEmail, List.of("ORGANISATION_ADMIN"));
    }

    /**
     * A data protection officer at the library, made by the operator on the central's machine (or by
     * an organisation administrator who administers the library's staff): they read the library's
     * audit, and its own administrators neither give nor take nor lock the role.
     *
     * @return the one-time password
     */
    String addDataProtectionOfficer(String library, String userName, String displayName, String workEmail) {
        return addByOperator(library, userName, displayName, workEmail, List.of("DATA_PROTECTION"));
    }

    private String addByOperator(String library, String userName, String displayName, String workEmail,
                                 List<String> roles) {
        String name = userName(userName);
        String display = text("displayName", displayName, 100, true);
        String email = workEmail(workEmail);
        String password = Secrets.typable(16);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        StaffDao.AccountRow row = new StaffDao.AccountRow(UUID.randomUUID(), "PERSONAL", name, display, email, hash,
                true, null, null, true, false, 0, null);
        jdbi.useTransaction(h -> {
            if (Daos.on(h, CentralDaos.Libraries.class).byCode(library).isEmpty()) {
                throw new ApiException(404, ErrorCode.NOT_FOUND, "library", "No library " + library + " in this "
                        + "register; import its configuration first.");
            }
            StaffDao d = Daos.on(h, StaffDao.class);
            if (d.countNamed(name) > 0) {
                throw new ApiException(409, ErrorCode.USER_NAME_TAKEN, "userName", "The user name '" + name
                        + "' is taken. Choose another.");
            }
            d.insert(row, now);
            d.grant(row.id(), library, roles);
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, library, CentralActor.COMMAND_LINE.stored(),
                    null, null,
                    "ACCOUNT_CREATED", null, "user=" + name + " roles=" + String.join(",", roles) + " by=operator");
        });
        return password;
    }

    /**
     * Adds a demo library's staff account with the public demo password ({@code DemoStaff.PASSWORD},
     * demo mode only), unless it exists.
     */
    void addDemoAccount(String userName, String displayName, String library, List<String> roles) {
        jdbi.useTransaction(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            if (d.countNamed(userName) > 0) {
                return;
            }
            String hash = demoHash;
            if (hash == null) {
                hash = hasher.hash(app.carddesk.api.DemoStaff.PASSWORD);
                demoHash = hash;
            }
            StaffDao.AccountRow row = new StaffDao.AccountRow(UUID.randomUUID(), "PERSONAL", userName, displayName,
                    null, hash, false, null, null, true, false, 0, null);
            d.insert(row, clock.instant());
            d.grant(row.id(), library, roles);
        });
    }

    private void audit(Handle h, Caller caller, String action, String detail) {
        Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), action, null, detail);
    }

    private Api.StaffAccount view(StaffDao.AccountRow a, String library, List<String> roles,
                                  Set<Permission> permissions) {
        return StaffSessions.view(a, library, roles, permissions, clock.instant());
    }

    private static Set<Permission> permissionsIn(StaffDao d, UUID account, String library) {
        return StaffSessions.permissionsIn(d, account, library);
    }
}
