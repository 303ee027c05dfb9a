package app.carddesk.central;

import app.carddesk.api.RetentionApi;
import app.carddesk.central.RetentionStatements.Candidate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retention run of the central register.
 * <ul>
 * <li>Short-stay patrons past their expiry date are deleted, unless they owe fees, hold print
 * credit or have loans, reminders or claims somewhere: those go on the staff list instead.</li>
 * <li>At libraries with an inactivity period (Norway: three years), an inactive patron is sent a
 * notice; once the notice period (30 days) has passed without activity they are deleted (or listed
 * for staff, as above). Activity after the notice withdraws it.</li>
 * <li>Stored answers to idempotency keys past 30 days, changes of the feed a later change
 * supersedes, and staff sessions and enrolment codes past their end are removed.</li>
 * <li>Audit entries older than the organisation's kept period are removed from the start of the
 * audit chain ({@link AuditChain#removeBefore}).</li>
 * </ul>
 * Every step selects by state, so a second run on the same day does nothing more, and work is
 * committed in chunks, so an interrupted run goes on where it stopped. The log holds counts only;
 * the report lists ids and card numbers, never names. A dry run reads and reports, writing nothing.
 */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int CHUNK = 1_000;
    /** How long the answer to an idempotency key is kept for a retry. */
    static final java.time.Duration ANSWERS_KEPT = java.time.Duration.ofDays(30);
    /** The PostgreSQL advisory lock that lets one instance of several run the job. */
    static final long LOCK_KEY = 0x4341524444455343L;

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Clock clock;
    private final java.time.Period auditKept;

    /** With the audit trail kept for {@link CentralConfig#DEFAULT_AUDIT_KEPT_MONTHS} months. */
    public RetentionJob(Jdbi jdbi, Mailer mailer, Clock clock) {
        this(jdbi, mailer, clock, java.time.Period.ofMonths(CentralConfig.DEFAULT_AUDIT_KEPT_MONTHS));
    }

    /** @param auditKept how long audit entries are kept ({@code CARDDESK_AUDIT_KEPT_MONTHS}); null: for good */
    public RetentionJob(Jdbi jdbi, Mailer mailer, Clock clock, java.time.Period auditKept) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.clock = clock;
        this.auditKept = auditKept;
    }

    /**
     * Runs the job unless another central instance on the same database is running it now: on
     * PostgreSQL the run holds an advisory lock for its length (empty: another instance has it).
     * An H2 register is opened by one process only, and a dry run writes nothing, so both just run.
     */
    public java.util.Optional<RetentionApi.RetentionReport> runAlone(boolean dryRun, int listLimit) {
        boolean postgres;
        try {
            postgres = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the database does not say what it is", e);
        }
        if (dryRun || !postgres) {
            return java.util.Optional.of(run(dryRun, listLimit));
        }
        try (org.jdbi.v3.core.Handle lock = jdbi.open()) {
            RetentionStatements locks = lock.attach(RetentionStatements.class);
            boolean mine = locks.tryLock(LOCK_KEY);
            if (!mine) {
                LOG.info("Retention: another central instance is running the job; this one leaves it");
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(run(false, listLimit));
            } finally {
                locks.unlock(LOCK_KEY);
            }
        }
    }

    /** How long the audit trail is kept, as the log says it: "60 months" or "for good". */
    public String auditKept() {
        return auditKept == null ? "for good" : auditKept.toTotalMonths() + " months";
    }

    /** Runs the job for today; with {@code dryRun} nothing is written or sent. */
    public RetentionApi.RetentionReport run(boolean dryRun, int listLimit) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<RetentionApi.RetentionAction> actions = new ArrayList<>();
        int[] counts = new int[5]; // deleted short stays, held, notices, withdrawn, deleted inactive

        List<Candidate> expired = select(q -> q.expiredShortStays(today));
        settle(expired, "EXPIRED_SHORT_STAY", dryRun, now, actions, listLimit, counts, 0);
        // In a dry run nothing is deleted; a patron is still reported once only.
        java.util.Set<UUID> handled = new java.util.HashSet<>();
        expired.forEach(c -> handled.add(c.id()));

        // Activity after a notice withdraws it.
        List<Candidate> withdrawn = select(RetentionStatements::activeAgainAfterNotice);
        counts[3] = withdrawn.size();
        list(withdrawn, "NOTICE_WITHDRAWN", "ACTIVE_AGAIN", actions, listLimit);
        if (!dryRun) {
            forChunks(withdrawn, (q, ids) -> q.withdrawNotices(ids));
        }

        // Noticed, the notice period over, and no activity since: delete.
        List<Candidate> due = select(RetentionStatements::noticedAndStillInactive);
        due.removeIf(c -> !c.noticeSentAt().plus(c.noticeDays(), ChronoUnit.DAYS).isBefore(now)
                || handled.contains(c.id()));
        settle(due, "INACTIVE", dryRun, now, actions, listLimit, counts, 4);

        // Inactive for the library's period and not yet noticed: send the notice.
        List<Candidate> inactive = new ArrayList<>();
        for (int years : jdbi.withExtension(RetentionStatements.class, RetentionStatements::inactivityPeriods)) {
            Instant cutoff = today.minusYears(years).atStartOfDay(ZoneOffset.UTC).toInstant();
            inactive.addAll(select(q -> q.inactiveSince(years, cutoff)));
        }
        due.forEach(c -> handled.add(c.id()));
        List<Candidate> toNotice = new ArrayList<>();
        for (Candidate c : inactive) {
            if (c.holdReason() == null && !handled.contains(c.id())) {
                toNotice.add(c); // with something outstanding the library is in touch with them anyway
            }
        }
        for (Candidate c : toNotice) {
            if (actions.size() < listLimit) {
                actions.add(new RetentionApi.RetentionAction(c.id(), c.libraryCode(), c.cardNumber(),
                        c.email() == null ? "NOTICE_WITHOUT_EMAIL" : "NOTICE_SENT", "INACTIVE_" + c.years() + "_YEARS"));
            }
        }
        counts[2] = dryRun ? toNotice.size() : notify(toNotice, today, now);
        int answers = pruneAnswers(dryRun, now);
        // The feed keeps each patron's latest change at each library (deletions included): a desk
        // reading from any place, or from the start, still receives every patron as they are now.
        int changes = jdbi.withExtension(RetentionStatements.class, q -> dryRun ? q.supersededChanges()
                : q.pruneSupersededChanges());
        // Sessions and enrolment codes past their end: they open nothing, and name a person and a place.
        int credentials = jdbi.withExtension(RetentionStatements.class, q -> dryRun ? q.expiredCredentials(now)
                : q.pruneExpiredCredentials(now));
        // The audit trail's oldest entries, once past the kept period (the day's start, in UTC).
        long audit = auditKept == null ? 0 : new AuditChain(jdbi).removeBefore(
                today.minus(auditKept).atStartOfDay(ZoneOffset.UTC).toInstant(), now, dryRun);
        RetentionApi.RetentionReport report = new RetentionApi.RetentionReport(dryRun, today, counts[0], counts[1],
                counts[2], counts[3], counts[4], actions, answers, changes, credentials, audit);
        LOG.info("Retention{}: {} expired short stays deleted, {} held for staff, {} notices, {} notices withdrawn, "
                + "{} inactive patrons deleted, {} stored answers past {} days removed, {} superseded changes removed "
                + "from the feed, {} expired sessions and enrolment codes removed, {} audit entries removed (kept {})",
                dryRun ? " (dry run)" : "", counts[0], counts[1], counts[2], counts[3], counts[4], answers,
                ANSWERS_KEPT.toDays(), changes, credentials, audit, auditKept());
        return report;
    }

    /**
     * Stored answers to idempotency keys are kept {@link #ANSWERS_KEPT}: longer than any desk retries
     * a request. A desk's change queued for longer is sent as new and, its patron being stored
     * already, answered as a conflict for staff, never applied twice.
     */
    private int pruneAnswers(boolean dryRun, Instant now) {
        Instant cutoff = now.minus(ANSWERS_KEPT);
        return jdbi.withExtension(RetentionStatements.class, q -> dryRun ? q.answersBefore(cutoff)
                : q.pruneAnswersBefore(cutoff));
    }

    /** Patrons the library should see to before the register may delete them. */
    /** What this run keeps how long for {@code library}; {@code runsAt} the daily time, null when by command only. */
    public RetentionApi.RetentionPolicy policy(String library, java.time.LocalTime runsAt) {
        RetentionStatements.LibraryPolicy own = jdbi.withExtension(RetentionStatements.class,
                q -> q.libraryPolicy(library));
        return new RetentionApi.RetentionPolicy(runsAt == null ? null : runsAt.toString(),
                auditKept == null ? null : (int) auditKept.toTotalMonths(), own.maxShortStayDays(),
                own.inactiveYears(), own.noticeDays());
    }

    public List<RetentionApi.RetentionAction> held(String library) {
        return jdbi.withExtension(RetentionStatements.class, q -> q.held(library)).stream()
                .map(RetentionStatements.HeldRow::action).toList();
    }

    /**
     * Sends the notices in chunks over one connection each and marks a patron as noticed only once
     * their mail is sent (patrons without an e-mail address are marked at once: the period runs from
     * today). If the mail server stops taking mail, the rest wait for the next run.
     *
     * @return how many patrons were noticed
     */
    private int notify(List<Candidate> candidates, LocalDate today, Instant now) {
        int noticed = 0;
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<Candidate> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            List<Candidate> withMail = chunk.stream().filter(c -> c.email() != null).toList();
            List<Mailer.Mail> mails = withMail.stream().map(c -> notice(c, today.plusDays(c.noticeDays()))).toList();
            Mailer.Sent went = mailer.sendAll(mails);
            int sent = went.count();
            List<UUID> done = new ArrayList<>(withMail.subList(0, sent).stream().map(Candidate::id).toList());
            chunk.stream().filter(c -> c.email() == null).forEach(c -> done.add(c.id()));
            if (!done.isEmpty()) {
                jdbi.useExtension(RetentionStatements.class, q -> q.markNoticed(now, done));
            }
            noticed += done.size();
            if (sent < mails.size()) {
                LOG.warn("Retention: {}; {} notices wait for the next run", went.stoppedBecause(),
                        candidates.size() - from - sent);
                break;
            }
        }
        return noticed;
    }

    private static Mailer.Mail notice(Candidate c, LocalDate deleteOn) {
        CentralTexts texts = CentralTexts.forLanguage("DK".equals(c.country()) ? "da" : "nb");
        String date = deleteOn.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(texts.locale()));
        return new Mailer.Mail(c.email(), texts.get("retention.notice.subject", c.libraryName()),
                texts.get("retention.notice.body", c.givenName(), c.libraryName(), c.years(), date));
    }

    /** Deletes the candidates that can go, lists the others for staff (once). */
    private void settle(List<Candidate> candidates, String why, boolean dryRun, Instant now,
                        List<RetentionApi.RetentionAction> actions, int listLimit, int[] counts, int deletedSlot) {
        List<Candidate> delete = new ArrayList<>();
        List<Candidate> hold = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.holdReason() == null) {
                delete.add(c);
            } else {
                hold.add(c);
            }
        }
        counts[deletedSlot] += delete.size();
        counts[1] += hold.size();
        for (Candidate c : delete) {
            if (actions.size() < listLimit) {
                actions.add(new RetentionApi.RetentionAction(c.id(), c.libraryCode(), c.cardNumber(), "DELETE", why));
            }
        }
        for (Candidate c : hold) {
            if (actions.size() < listLimit) {
                actions.add(new RetentionApi.RetentionAction(c.id(), c.libraryCode(), c.cardNumber(), "HOLD",
                        why + ":" + c.holdReason()));
            }
        }
        if (dryRun) {
            return;
        }
        for (int from = 0; from < hold.size(); from += CHUNK) {
            List<RetentionStatements.Hold> chunk = hold.subList(from, Math.min(hold.size(), from + CHUNK)).stream()
                    .map(c -> new RetentionStatements.Hold(c.id(), c.libraryCode(), why + ":" + c.holdReason(), now))
                    .toList();
            jdbi.useExtension(RetentionStatements.class, q -> q.hold(chunk));
        }
        for (int from = 0; from < delete.size(); from += CHUNK) {
            List<Candidate> chunk = delete.subList(from, Math.min(delete.size(), from + CHUNK));
            jdbi.useExtension(RetentionStatements.class, q -> q.erase(chunk, why, now));
        }
    }

    private void list(List<Candidate> candidates, String action, String reason,
                      List<RetentionApi.RetentionAction> actions, int listLimit) {
        for (Candidate c : candidates) {
            if (actions.size() < listLimit) {
                actions.add(new RetentionApi.RetentionAction(c.id(), c.libraryCode(), c.cardNumber(), action, reason));
            }
        }
    }

    private void forChunks(List<Candidate> all, java.util.function.BiConsumer<RetentionStatements, List<UUID>> work) {
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> ids = all.subList(from, Math.min(all.size(), from + CHUNK)).stream().map(Candidate::id).toList();
            jdbi.useTransaction(h -> work.accept(Daos.on(h, RetentionStatements.class), ids));
        }
    }

    private List<Candidate> select(java.util.function.Function<RetentionStatements, List<Candidate>> query) {
        return new ArrayList<>(jdbi.withExtension(RetentionStatements.class, query::apply));
    }
}
