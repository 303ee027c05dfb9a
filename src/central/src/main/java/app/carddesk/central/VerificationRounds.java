package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.security.PinHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification round, as one operation. An organisation administrator schedules it; at its
 * time every personal account becomes inactive (administrators included; system accounts are
 * untouched) and its sessions end. Each library administrator with a work address is mailed a
 * verification code; the organisation's operator takes that code by phone and re-activates the
 * administrator with {@link #reactivateByOperator}, which gives a one-time password. The library
 * administrators then decide every account of their library: verified, re-activated with a new
 * one-time password, or closed. The round ends when every account is decided. Every step is
 * audited.
 */
final class VerificationRounds {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationRounds.class);
    /** A round may be set to start now; one set further back than this is a mistake. */
    private static final Duration PAST_SLACK = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final PinHasher hasher;
    private final MailOutbox mails;
    private final Clock clock;

    VerificationRounds(Jdbi jdbi, PinHasher hasher, MailOutbox mails, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.mails = mails;
        this.clock = clock;
    }

    record RoundRow(UUID id, Instant startsAt, String scheduledBy, Instant startedAt, Instant endedAt) {
    }

    record AccountRow(UUID accountId, String userName, String displayName, String workEmail, String state,
                      String codeHash, String decidedBy, Instant decidedAt) {
    }

    record ProgressRow(String libraryCode, String libraryName, String state, int count) {
    }

    interface Dao {
        String ROUND = "SELECT id, starts_at, scheduled_by, started_at, ended_at FROM verification_round ";
        String ACCOUNT = "SELECT v.account_id, a.user_name, a.display_name, a.work_email, v.state, v.code_hash, "
                + "v.decided_by, v.decided_at FROM verification_account v JOIN staff_account a ON a.id = v.account_id ";

        /** The round not yet ended, if there is one (there is at most one). */
        @SqlQuery(ROUND + "WHERE ended_at IS NULL")
        @RegisterConstructorMapper(RoundRow.class)
        Optional<RoundRow> open();

        /** The newest round, ended or not. */
        @SqlQuery(ROUND + "ORDER BY scheduled_at DESC FETCH FIRST 1 ROWS ONLY")
        @RegisterConstructorMapper(RoundRow.class)
        Optional<RoundRow> newest();

        @SqlUpdate("INSERT INTO verification_round (id, starts_at, scheduled_by, scheduled_at) "
                + "VALUES (:id, :startsAt, :by, :at)")
        void schedule(@Bind("id") UUID id, @Bind("startsAt") Instant startsAt, @Bind("by") String by,
                      @Bind("at") Instant at);

        /** Marks the round started; 0 when another central instance started it first. */
        @SqlUpdate("UPDATE verification_round SET started_at = :now WHERE id = :id AND started_at IS NULL")
        int start(@Bind("id") UUID id, @Bind("now") Instant now);

        @SqlUpdate("INSERT INTO verification_account (round_id, account_id, state) "
                + "SELECT :round, id, 'PENDING' FROM staff_account WHERE kind = 'PERSONAL' AND active")
        int enlist(@Bind("round") UUID round);

        @SqlUpdate("DELETE FROM staff_session WHERE account_id IN (SELECT account_id FROM verification_account "
                + "WHERE round_id = :round)")
        int endSessions(@Bind("round") UUID round);

        @SqlUpdate("UPDATE staff_account SET active = FALSE WHERE id IN (SELECT account_id FROM verification_account "
                + "WHERE round_id = :round)")
        int deactivate(@Bind("round") UUID round);

        /** The enlisted library administrators (those who may administer staff somewhere), with a work address. */
        @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND a.work_email IS NOT NULL AND v.account_id IN ("
                + "SELECT g.account_id FROM staff_grant g JOIN staff_role_permission p ON p.role_code = g.role_code "
                + "WHERE p.permission IN ('STAFF_ADMIN', 'VERIFICATION_ROUND')) ORDER BY a.user_name")
        @RegisterConstructorMapper(AccountRow.class)
        List<AccountRow> administrators(@Bind("round") UUID round);

        @SqlUpdate("UPDATE verification_account SET code_hash = :hash WHERE round_id = :round AND account_id = :id")
        void setCode(@Bind("round") UUID round, @Bind("id") UUID account, @Bind("hash") String hash);

        @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND v.account_id IN (SELECT account_id FROM staff_grant "
                + "WHERE library_code = :library) ORDER BY a.user_name")
        @RegisterConstructorMapper(AccountRow.class)
        List<AccountRow> ofLibrary(@Bind("round") UUID round, @Bind("library") String library);

        @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND v.account_id = :id")
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> account(@Bind("round") UUID round, @Bind("id") UUID account);

        @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND a.user_name = :name")
        @RegisterConstructorMapper(AccountRow.class)
        Optional<AccountRow> named(@Bind("round") UUID round, @Bind("name") String userName);

        /** Decides an account; 0 when it was decided finally already (re-activated or closed). */
        @SqlUpdate("UPDATE verification_account SET state = :state, decided_by = :by, decided_at = :at "
                + "WHERE round_id = :round AND account_id = :id AND state IN ('PENDING', 'VERIFIED')")
        int decide(@Bind("round") UUID round, @Bind("id") UUID account, @Bind("state") String state,
                   @Bind("by") String by, @Bind("at") Instant at);

        @SqlUpdate("UPDATE staff_account SET active = TRUE, password_hash = :hash, must_change_password = TRUE, "
                + "failed_attempts = 0, locked_until = NULL WHERE id = :id")
        void reactivate(@Bind("id") UUID account, @Bind("hash") String passwordHash);

        @SqlQuery("SELECT COUNT(*) FROM verification_account WHERE round_id = :round "
                + "AND state IN ('PENDING', 'VERIFIED')")
        int undecided(@Bind("round") UUID round);

        @SqlUpdate("UPDATE verification_round SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
        int end(@Bind("id") UUID id, @Bind("now") Instant now);

        /** Removes a round that has not started; 0 when it started meanwhile. */
        @SqlUpdate("DELETE FROM verification_round WHERE id = :id AND started_at IS NULL")
        int cancel(@Bind("id") UUID id);

        @SqlQuery("SELECT g.library_code, l.name AS library_name, v.state, COUNT(DISTINCT v.account_id) AS count "
                + "FROM verification_account v JOIN staff_grant g ON g.account_id = v.account_id "
                + "JOIN library l ON l.code = g.library_code WHERE v.round_id = :round "
                + "GROUP BY g.library_code, l.name, v.state ORDER BY g.library_code")
        @RegisterConstructorMapper(ProgressRow.class)
        List<ProgressRow> progress(@Bind("round") UUID round);

        @SqlQuery("SELECT COUNT(*) > 0 FROM staff_grant WHERE account_id = :id AND library_code = :library")
        boolean grantedAt(@Bind("id") UUID account, @Bind("library") String library);

        @SqlQuery("SELECT role_code FROM staff_grant WHERE account_id = :id ORDER BY library_code, role_code")
        List<String> roles(@Bind("id") UUID account);
    }

    /** Schedules a round; only one may be open at a time. */
    Api.VerificationRound schedule(Caller caller, String body, Envelope envelope) {
        StaffSessions.Staff admin = caller.requireStaff(Permission.VERIFICATION_ROUND);
        Api.NewVerificationRound in = envelope.parse(body, Api.NewVerificationRound.class);
        Instant now = clock.instant();
        if (in.startsAt() == null) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "startsAt", "Fill in startsAt: when every personal "
                    + "account is made inactive (an ISO time such as 2026-12-07T06:00:00Z).");
        }
        if (in.startsAt().isBefore(now.minus(PAST_SLACK))) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "startsAt", "startsAt is in the past. Choose a time "
                    + "from now on.");
        }
        UUID id = UUID.randomUUID();
        jdbi.useTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            Optional<RoundRow> open = d.open();
            if (open.isPresent()) {
                throw new ApiException(409, ErrorCode.VERIFICATION_ROUND_OPEN, null, "A verification round "
                        + (open.get().startedAt() == null ? "is scheduled for " + open.get().startsAt()
                        : "has been running since " + open.get().startedAt()) + "; one round at a time.");
            }
            d.schedule(id, in.startsAt(), admin.userName(), now);
            audit(h, caller, "VERIFICATION_ROUND_SCHEDULED", "starts=" + in.startsAt() + " by=" + admin.userName());
        });
        return view(caller, jdbi.withExtension(Dao.class, d -> d.open()).orElseThrow());
    }

    /** Cancels the scheduled round before it starts (organisation administrators). */
    void cancel(Caller caller) {
        StaffSessions.Staff admin = caller.requireStaff(Permission.VERIFICATION_ROUND);
        jdbi.useTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            RoundRow round = d.open().orElseThrow(VerificationRounds::noRound);
            if (round.startedAt() != null || d.cancel(round.id()) == 0) {
                throw new ApiException(409, ErrorCode.VERIFICATION_ROUND_STARTED, null, "The verification round "
                        + "has started; it ends when every account is decided.");
            }
            audit(h, caller, "VERIFICATION_ROUND_CANCELLED", "starts=" + round.startsAt() + " by=" + admin.userName());
        });
    }

    /** The open round, or the newest one once ended, with the progress the caller may see. */
    Api.VerificationRound current(Caller caller) {
        requireRoundReader(caller);
        RoundRow round = jdbi.withExtension(Dao.class, Dao::newest).orElseThrow(VerificationRounds::noRound);
        return view(caller, round);
    }

    /** The caller library's accounts in the open round, for its administrator to work through. */
    Api.RoundAccounts accounts(Caller caller) {
        caller.requireStaff(Permission.STAFF_ADMIN);
        RoundRow round = started();
        return jdbi.withHandle(h -> {
            Dao d = Daos.on(h, Dao.class);
            return new Api.RoundAccounts(d.ofLibrary(round.id(), caller.library().code()).stream()
                    .map(a -> view(d, a)).toList());
        });
    }

    /** Decides one account of the caller's library (an organisation administrator: of any library). */
    Api.RoundDecided decide(Caller caller, UUID accountId, String body, Envelope envelope) {
        StaffSessions.Staff person = caller.requireStaffSession();
        StaffSessions.Staff admin = person.permissions().contains(Permission.VERIFICATION_ROUND) ? person
                : caller.requireStaff(Permission.STAFF_ADMIN);
        Api.RoundDecision in = envelope.parse(body, Api.RoundDecision.class);
        String state = switch (in.decision() == null ? "" : in.decision().trim().toLowerCase(Locale.ROOT)) {
            case "verified" -> "VERIFIED";
            case "reactivated" -> "REACTIVATED";
            case "closed" -> "CLOSED";
            default -> throw new ApiException(422, ErrorCode.INVALID_FIELD, "decision", "decision is verified, "
                    + "reactivated or closed.");
        };
        boolean mail = Boolean.TRUE.equals(in.mail());
        RoundRow round = started();
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            AccountRow account = d.account(round.id(), accountId)
                    .filter(a -> admin.permissions().contains(Permission.VERIFICATION_ROUND)
                            || d.grantedAt(a.accountId(), caller.library().code()))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "No account "
                            + "of " + caller.library().code() + " in this round has this id."));
            if (mail && "REACTIVATED".equals(state) && account.workEmail() == null) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "mail", account.userName() + " has no work "
                        + "address. Hand the one-time password over in person.");
            }
            if (d.decide(round.id(), accountId, state, admin.userName(), now) == 0) {
                throw new ApiException(409, ErrorCode.ALREADY_DECIDED, "accountId", account.userName() + " was "
                        + account.state().toLowerCase(Locale.ROOT) + " by " + account.decidedBy() + " already.");
            }
            String password = null;
            if ("REACTIVATED".equals(state)) {
                password = Secrets.typable(16);
                d.reactivate(accountId, hasher.hash(password));
                if (mail) {
                    queuePasswordMail(h, caller.library(), account, password);
                    password = null;
                }
            }
            audit(h, caller, "VERIFICATION_" + state, "user=" + account.userName() + " by=" + admin.userName()
                    + (mail ? " mailed" : ""));
            endIfDecided(h, round, now);
            return new Api.RoundDecided(view(d, d.account(round.id(), accountId).orElseThrow()), password);
        });
    }

    /** Starts every round whose time has come; returns how many this instance started. */
    int startDue() {
        Instant now = clock.instant();
        Optional<RoundRow> due = jdbi.withExtension(Dao.class, Dao::open)
                .filter(r -> r.startedAt() == null && !r.startsAt().isAfter(now));
        if (due.isEmpty()) {
            return 0;
        }
        RoundRow round = due.get();
        return jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            if (d.start(round.id(), now) == 0) {
                return 0;
            }
            int enlisted = d.enlist(round.id());
            d.endSessions(round.id());
            d.deactivate(round.id());
            int mailed = 0;
            for (AccountRow admin : d.administrators(round.id())) {
                String code = Secrets.typable(12);
                d.setCode(round.id(), admin.accountId(), Envelope.sha256(code));
                queueCodeMail(h, admin, code);
                mailed++;
            }
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", "central", null, null,
                    "VERIFICATION_ROUND_STARTED", null, "deactivated=" + enlisted + " codes mailed=" + mailed);
            LOG.info("Verification round started: {} personal accounts made inactive, {} verification codes mailed",
                    enlisted, mailed);
            endIfDecided(h, round, now);
            return 1;
        });
    }

    /**
     * The operator command: re-activates an administrator of the open round who read out the
     * verification code mailed to them, and returns their one-time password. Refuses, with the
     * reason, anything else.
     */
    String reactivateByOperator(String userName, String code) {
        Instant now = clock.instant();
        RoundRow round = jdbi.withExtension(Dao.class, Dao::open).filter(r -> r.startedAt() != null)
                .orElseThrow(() -> new IllegalArgumentException("No verification round is running."));
        String name = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        AccountRow account = jdbi.withExtension(Dao.class, d -> d.named(round.id(), name)).orElseThrow(() ->
                new IllegalArgumentException("'" + name + "' is not an account in this round."));
        if (account.codeHash() == null) {
            throw new IllegalArgumentException(name + " was given no verification code (only library and "
                    + "organisation administrators with a work address are). Their library's administrator "
                    + "decides them.");
        }
        String given = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        if (!account.codeHash().equals(Envelope.sha256(given))) {
            jdbi.useExtension(CentralDaos.Audit.class, a -> a.appendWithStaff(now, "*", "operator", null, null,
                    "VERIFICATION_CODE_WRONG", null, "user=" + name));
            throw new IllegalArgumentException("The verification code does not match the one mailed to " + name
                    + ". Ask them to read it again from the mail.");
        }
        return jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            if (d.decide(round.id(), account.accountId(), "REACTIVATED", "operator", now) == 0) {
                throw new IllegalArgumentException(name + " was " + account.state().toLowerCase(Locale.ROOT)
                        + " by " + account.decidedBy() + " already.");
            }
            String password = Secrets.typable(16);
            d.reactivate(account.accountId(), hasher.hash(password));
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", "operator", null, null,
                    "VERIFICATION_REACTIVATED", null, "user=" + name + " by=operator with code");
            endIfDecided(h, round, now);
            return password;
        });
    }

    private static void endIfDecided(Handle h, RoundRow round, Instant now) {
        Dao d = Daos.on(h, Dao.class);
        if (d.undecided(round.id()) == 0 && d.end(round.id(), now) > 0) {
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", "central", null, null,
                    "VERIFICATION_ROUND_ENDED", null, "every account decided");
        }
    }

    private RoundRow started() {
        return jdbi.withExtension(Dao.class, Dao::open).filter(r -> r.startedAt() != null)
                .orElseThrow(VerificationRounds::noRound);
    }

    private static ApiException noRound() {
        return new ApiException(404, ErrorCode.NO_VERIFICATION_ROUND, null, "No verification round is running.");
    }

    private static void requireRoundReader(Caller caller) {
        if (!caller.requireStaffSession().permissions().contains(Permission.VERIFICATION_ROUND)) {
            caller.requireStaff(Permission.STAFF_ADMIN);
        }
    }

    private Api.VerificationRound view(Caller caller, RoundRow round) {
        boolean all = caller.staff() != null && caller.staff().permissions().contains(Permission.VERIFICATION_ROUND);
        List<ProgressRow> rows = jdbi.withExtension(Dao.class, d -> d.progress(round.id()));
        // One line per library, its accounts counted by state (pending, verified, reactivated, closed).
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (ProgressRow r : rows) {
            if (all || r.libraryCode().equals(caller.library().code())) {
                names.put(r.libraryCode(), r.libraryName());
                counts.computeIfAbsent(r.libraryCode(), code -> new int[4])[switch (r.state()) {
                    case "PENDING" -> 0;
                    case "VERIFIED" -> 1;
                    case "REACTIVATED" -> 2;
                    default -> 3;
                }] += r.count();
            }
        }
        List<Api.RoundProgress> libraries = counts.entrySet().stream().map(e -> new Api.RoundProgress(e.getKey(),
                names.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        return new Api.VerificationRound(round.id(), round.startsAt(), round.scheduledBy(), round.startedAt(),
                round.endedAt(), libraries);
    }

    private static Api.RoundAccount view(Dao d, AccountRow a) {
        return new Api.RoundAccount(a.accountId(), a.userName(), a.displayName(), a.workEmail(),
                d.roles(a.accountId()).stream().distinct().toList(), a.state().toLowerCase(Locale.ROOT),
                a.decidedBy(), a.decidedAt());
    }

    private void queueCodeMail(Handle h, AccountRow admin, String code) {
        CentralTexts texts = CentralTexts.forLanguage(language(h, admin.accountId()));
        mails.queue(h, "*", null, "VERIFY_CODE", new Mailer.Mail(admin.workEmail(),
                texts.get("round.code.subject"), texts.get("round.code.body", admin.displayName(), code)));
    }

    private void queuePasswordMail(Handle h, CentralDaos.Library library, AccountRow account, String password) {
        CentralTexts texts = CentralTexts.forLanguage(language(h, account.accountId()));
        mails.queue(h, library.code(), null, "STAFF_PASSWORD", new Mailer.Mail(account.workEmail(),
                texts.get("round.password.subject", library.name()),
                texts.get("round.password.body", account.displayName(), account.userName(), password)));
    }

    /** The language of the country of the account's (first) library. */
    private static String language(Handle h, UUID account) {
        return h.createQuery("SELECT l.country FROM staff_grant g JOIN library l ON l.code = g.library_code "
                        + "WHERE g.account_id = :id ORDER BY g.library_code FETCH FIRST 1 ROWS ONLY")
                .bind("id", account).mapTo(String.class).findOne().map(c -> "NO".equals(c) ? "nb" : "da").orElse("en");
    }

    private void audit(Handle h, Caller caller, String action, String detail) {
        Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), action, null, detail);
    }
}
