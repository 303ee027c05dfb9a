package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
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
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
            Optional<VerificationRoundDao.RoundRow> open = d.open();
            if (open.isPresent()) {
                throw new ApiException(409, ErrorCode.VERIFICATION_ROUND_OPEN, null, "A verification round "
                        + (open.get().startedAt() == null ? "is scheduled for " + open.get().startsAt()
                        : "has been running since " + open.get().startedAt()) + "; one round at a time.");
            }
            d.schedule(id, in.startsAt(), admin.userName(), now);
            audit(h, caller, "VERIFICATION_ROUND_SCHEDULED", "starts=" + in.startsAt() + " by=" + admin.userName());
        });
        return view(caller, jdbi.withExtension(VerificationRoundDao.class, d -> d.open()).orElseThrow());
    }

    /** Cancels the scheduled round before it starts (organisation administrators). */
    void cancel(Caller caller) {
        StaffSessions.Staff admin = caller.requireStaff(Permission.VERIFICATION_ROUND);
        jdbi.useTransaction(h -> {
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
            VerificationRoundDao.RoundRow round = d.open().orElseThrow(VerificationRounds::noRound);
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
        VerificationRoundDao.RoundRow round = jdbi.withExtension(VerificationRoundDao.class, VerificationRoundDao::newest).orElseThrow(VerificationRounds::noRound);
        return view(caller, round);
    }

    /** The caller library's accounts in the open round, for its administrator to work through. */
    Api.RoundAccounts accounts(Caller caller) {
        caller.requireStaff(Permission.STAFF_ADMIN);
        VerificationRoundDao.RoundRow round = started();
        return jdbi.withHandle(h -> {
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
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
        VerificationRoundDao.RoundRow round = started();
        Instant now = clock.instant();
        return OverseeingRefusal.audited(jdbi, caller, clock, h -> {
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
            VerificationRoundDao.AccountRow account = d.account(round.id(), accountId)
                    .filter(a -> admin.permissions().contains(Permission.VERIFICATION_ROUND)
                            || d.grantedAt(a.accountId(), caller.library().code()))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "No account "
                            + "of " + caller.library().code() + " in this round has this id."));
            // A library's administrator does not close the account of whoever oversees them (the data
            // protection officer, the organisation's administrator); the organisation's administrator does.
            if ("CLOSED".equals(state) && !admin.permissions().contains(Permission.VERIFICATION_ROUND)
                    && StaffSessions.permissionsIn(Daos.on(h, StaffDao.class), accountId, caller.library().code())
                    .stream().anyMatch(StaffAccounts.OVERSEEING::contains)) {
                throw new OverseeingRefusal("close user=" + account.userName(), admin.userName(), "decision",
                        account.userName() + " oversees the library's administrators: only an organisation "
                        + "administrator closes their account.");
            }
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
        Optional<VerificationRoundDao.RoundRow> due = jdbi.withExtension(VerificationRoundDao.class, VerificationRoundDao::open)
                .filter(r -> r.startedAt() == null && !r.startsAt().isAfter(now));
        if (due.isEmpty()) {
            return 0;
        }
        VerificationRoundDao.RoundRow round = due.get();
        return jdbi.inTransaction(h -> {
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
            if (d.start(round.id(), now) == 0) {
                return 0;
            }
            int enlisted = d.enlist(round.id());
            d.endSessions(round.id());
            d.deactivate(round.id());
            int mailed = 0;
            for (VerificationRoundDao.AccountRow admin : d.administrators(round.id())) {
                String code = Secrets.typable(12);
                d.setCode(round.id(), admin.accountId(), Envelope.sha256(code));
                queueCodeMail(h, admin, code);
                mailed++;
            }
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", "central", null, null,
                    "VERIFICATION_ROUND_STARTED", null, "deactivated=" + enlisted + " mailed=" + mailed);
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
        VerificationRoundDao.RoundRow round = jdbi.withExtension(VerificationRoundDao.class, VerificationRoundDao::open).filter(r -> r.startedAt() != null)
                .orElseThrow(() -> new IllegalArgumentException("No verification round is running."));
        String name = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        VerificationRoundDao.AccountRow account = jdbi.withExtension(VerificationRoundDao.class, d -> d.named(round.id(), name)).orElseThrow(() ->
                new IllegalArgumentException("'" + name + "' is not an account in this round."));
        if (account.codeHash() == null) {
            throw new IllegalArgumentException(name + " was given no verification code (only library and "
                    + "organisation administrators with a work address are). Their library's administrator "
                    + "decides them.");
        }
        String given = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        if (!account.codeHash().equals(Envelope.sha256(given))) {
            jdbi.useExtension(CentralDaos.Audit.class, a -> a.appendWithStaff(now, "*",
                    CentralActor.OPERATOR.stored(), null, null,
                    "VERIFICATION_CODE_WRONG", null, "user=" + name));
            throw new IllegalArgumentException("The verification code does not match the one mailed to " + name
                    + ". Ask them to read it again from the mail.");
        }
        return jdbi.inTransaction(h -> {
            VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
            if (d.decide(round.id(), account.accountId(), "REACTIVATED", "operator", now) == 0) {
                throw new IllegalArgumentException(name + " was " + account.state().toLowerCase(Locale.ROOT)
                        + " by " + account.decidedBy() + " already.");
            }
            String password = Secrets.typable(16);
            d.reactivate(account.accountId(), hasher.hash(password));
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", CentralActor.OPERATOR.stored(), null, null,
                    "VERIFICATION_REACTIVATED", null, "user=" + name + " by=operator with code");
            endIfDecided(h, round, now);
            return password;
        });
    }

    private static void endIfDecided(Handle h, VerificationRoundDao.RoundRow round, Instant now) {
        VerificationRoundDao d = Daos.on(h, VerificationRoundDao.class);
        if (d.undecided(round.id()) == 0 && d.end(round.id(), now) > 0) {
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, "*", "central", null, null,
                    "VERIFICATION_ROUND_ENDED", null, "every account decided");
        }
    }

    private VerificationRoundDao.RoundRow started() {
        return jdbi.withExtension(VerificationRoundDao.class, VerificationRoundDao::open).filter(r -> r.startedAt() != null)
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

    private Api.VerificationRound view(Caller caller, VerificationRoundDao.RoundRow round) {
        boolean all = caller.staff() != null && caller.staff().permissions().contains(Permission.VERIFICATION_ROUND);
        List<VerificationRoundDao.ProgressRow> rows = jdbi.withExtension(VerificationRoundDao.class, d -> d.progress(round.id()));
        // One line per library, its accounts counted by state (pending, verified, reactivated, closed).
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (VerificationRoundDao.ProgressRow r : rows) {
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

    private static Api.RoundAccount view(VerificationRoundDao d, VerificationRoundDao.AccountRow a) {
        return new Api.RoundAccount(a.accountId(), a.userName(), a.displayName(), a.workEmail(),
                d.roles(a.accountId()).stream().distinct().toList(), a.state().toLowerCase(Locale.ROOT),
                a.decidedBy(), a.decidedAt());
    }

    private void queueCodeMail(Handle h, VerificationRoundDao.AccountRow admin, String code) {
        CentralTexts texts = CentralTexts.forLanguage(language(h, admin.accountId()));
        mails.queue(h, "*", null, "VERIFY_CODE", new Mailer.Mail(admin.workEmail(),
                texts.get("round.code.subject"), texts.get("round.code.body", admin.displayName(), code)));
    }

    private void queuePasswordMail(Handle h, CentralDaos.Library library, VerificationRoundDao.AccountRow account, String password) {
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
