package app.carddesk.central;

import app.carddesk.api.Api;
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
import org.jdbi.v3.core.Handle;
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

    public RetentionJob(Jdbi jdbi, Mailer mailer, Clock clock) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** A patron the job looks at, with what stands in the way of deleting them. */
    private record Candidate(UUID id, String library, String cardNumber, long fees, long printCredit,
                             long outstanding, String email, String givenName, String libraryName, String country,
                             int years, int noticeDays, Instant noticeSentAt) {
        String holdReason() {
            if (fees > 0 || printCredit > 0) {
                return "BALANCE";
            }
            return outstanding > 0 ? "LOANS" : null;
        }
    }

    private static final String CANDIDATE = "SELECT p.id, p.library_code, p.card_number, p.fees_owed_minor, "
            + "p.print_credit_minor, (SELECT COALESCE(SUM(m.loans + m.reminders + m.claims), 0) FROM membership m "
            + "WHERE m.patron_id = p.id) AS outstanding, p.email, p.given_name, l.name AS library_name, l.country, "
            + "COALESCE(l.inactive_years, 0) AS years, l.notice_days, p.notice_sent_at FROM patron p JOIN library l ON l.code = p.library_code ";

    /**
     * Runs the job unless another central instance on the same database is running it now: on
     * PostgreSQL the run holds an advisory lock for its length (empty: another instance has it).
     * An H2 register is opened by one process only, and a dry run writes nothing, so both just run.
     */
    public java.util.Optional<Api.RetentionReport> runAlone(boolean dryRun, int listLimit) {
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
            boolean mine = lock.createQuery("SELECT pg_try_advisory_lock(:key)").bind("key", LOCK_KEY)
                    .mapTo(Boolean.class).one();
            if (!mine) {
                LOG.info("Retention: another central instance is running the job; this one leaves it");
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(run(false, listLimit));
            } finally {
                lock.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", LOCK_KEY).mapTo(Boolean.class).one();
            }
        }
    }

    /** Runs the job for today; with {@code dryRun} nothing is written or sent. */
    public Api.RetentionReport run(boolean dryRun, int listLimit) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Api.RetentionAction> actions = new ArrayList<>();
        int[] counts = new int[5]; // deleted short stays, held, notices, withdrawn, deleted inactive

        List<Candidate> expired = select(CANDIDATE + "WHERE p.registration_kind = 'SHORT_STAY' "
                + "AND p.expires_on < ?", today);
        settle(expired, "EXPIRED_SHORT_STAY", dryRun, now, actions, listLimit, counts, 0);
        // In a dry run nothing is deleted; a patron is still reported once only.
        java.util.Set<UUID> handled = new java.util.HashSet<>();
        expired.forEach(c -> handled.add(c.id()));

        // Activity after a notice withdraws it.
        List<Candidate> withdrawn = select(CANDIDATE + "WHERE p.notice_sent_at IS NOT NULL "
                + "AND p.last_active_at > p.notice_sent_at");
        counts[3] = withdrawn.size();
        list(withdrawn, "NOTICE_WITHDRAWN", "ACTIVE_AGAIN", actions, listLimit);
        if (!dryRun) {
            forChunks(withdrawn, (h, ids) -> h.createUpdate("UPDATE patron SET notice_sent_at = NULL WHERE id IN "
                    + "(<ids>)").bindList("ids", ids).execute());
        }

        // Noticed, the notice period over, and no activity since: delete.
        List<Candidate> due = select(CANDIDATE + "WHERE p.notice_sent_at IS NOT NULL "
                + "AND p.last_active_at <= p.notice_sent_at AND l.inactive_years IS NOT NULL");
        due.removeIf(c -> !c.noticeSentAt().plus(c.noticeDays(), ChronoUnit.DAYS).isBefore(now)
                || handled.contains(c.id()));
        settle(due, "INACTIVE", dryRun, now, actions, listLimit, counts, 4);

        // Inactive for the library's period and not yet noticed: send the notice.
        List<Candidate> inactive = new ArrayList<>();
        for (int years : jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT inactive_years FROM library "
                + "WHERE inactive_years IS NOT NULL").mapTo(Integer.class).list())) {
            Instant cutoff = today.minusYears(years).atStartOfDay(ZoneOffset.UTC).toInstant();
            inactive.addAll(select(CANDIDATE + "WHERE l.inactive_years = ? AND p.last_active_at < ? "
                    + "AND p.notice_sent_at IS NULL", years, cutoff));
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
                actions.add(new Api.RetentionAction(c.id(), c.library(), c.cardNumber(),
                        c.email() == null ? "NOTICE_WITHOUT_EMAIL" : "NOTICE_SENT", "INACTIVE_" + c.years() + "_YEARS"));
            }
        }
        counts[2] = dryRun ? toNotice.size() : notify(toNotice, today, now);
        int answers = pruneAnswers(dryRun, now);
        Api.RetentionReport report = new Api.RetentionReport(dryRun, today, counts[0], counts[1], counts[2], counts[3],
                counts[4], actions, answers);
        LOG.info("Retention{}: {} expired short stays deleted, {} held for staff, {} notices, {} notices withdrawn, "
                + "{} inactive patrons deleted, {} stored answers past {} days removed", dryRun ? " (dry run)" : "",
                counts[0], counts[1], counts[2], counts[3], counts[4], answers, ANSWERS_KEPT.toDays());
        return report;
    }

    /**
     * Stored answers to idempotency keys are kept {@link #ANSWERS_KEPT}: longer than any desk retries
     * a request. A desk's change queued for longer is sent as new and, its patron being stored
     * already, answered as a conflict for staff, never applied twice.
     */
    private int pruneAnswers(boolean dryRun, Instant now) {
        Instant cutoff = now.minus(ANSWERS_KEPT);
        return jdbi.withHandle(h -> dryRun
                ? h.createQuery("SELECT COUNT(*) FROM idempotency WHERE created_at < :cutoff").bind("cutoff", cutoff)
                        .mapTo(Integer.class).one()
                : h.createUpdate("DELETE FROM idempotency WHERE created_at < :cutoff").bind("cutoff", cutoff)
                        .execute());
    }

    /** Patrons the library should see to before the register may delete them. */
    public List<Api.RetentionAction> held(String library) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.patron_id, r.library_code, p.card_number, r.reason "
                + "FROM retention_hold r LEFT JOIN patron p ON p.id = r.patron_id WHERE r.library_code = ? "
                + "ORDER BY r.listed_at").bind(0, library)
                .map((rs, ctx) -> new Api.RetentionAction(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), "HELD", rs.getString(4))).list());
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
            int sent = mailer.sendAll(mails);
            List<UUID> done = new ArrayList<>(withMail.subList(0, sent).stream().map(Candidate::id).toList());
            chunk.stream().filter(c -> c.email() == null).forEach(c -> done.add(c.id()));
            if (!done.isEmpty()) {
                jdbi.useHandle(h -> h.createUpdate("UPDATE patron SET notice_sent_at = :at WHERE id IN (<ids>)")
                        .bind("at", now).bindList("ids", done).execute());
            }
            noticed += done.size();
            if (sent < mails.size()) {
                LOG.warn("Retention: the mail server stopped taking notices; {} wait for the next run",
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
                        List<Api.RetentionAction> actions, int listLimit, int[] counts, int deletedSlot) {
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
                actions.add(new Api.RetentionAction(c.id(), c.library(), c.cardNumber(), "DELETE", why));
            }
        }
        for (Candidate c : hold) {
            if (actions.size() < listLimit) {
                actions.add(new Api.RetentionAction(c.id(), c.library(), c.cardNumber(), "HOLD",
                        why + ":" + c.holdReason()));
            }
        }
        if (dryRun) {
            return;
        }
        forChunks(hold, (h, ids) -> {
            var insert = h.prepareBatch("INSERT INTO retention_hold (patron_id, library_code, reason, listed_at) "
                    + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM retention_hold WHERE patron_id = ?)");
            for (Candidate c : hold.stream().filter(c -> ids.contains(c.id())).toList()) {
                insert.add(c.id(), c.library(), why + ":" + c.holdReason(), now, c.id());
            }
            insert.execute();
        });
        for (int from = 0; from < delete.size(); from += CHUNK) {
            List<Candidate> chunk = delete.subList(from, Math.min(delete.size(), from + CHUNK));
            jdbi.useTransaction(h -> erase(h, chunk, why, now));
        }
    }

    /** Deletes a chunk of patrons in one transaction, with the change feed and the audit trail. */
    private static void erase(Handle h, List<Candidate> chunk, String why, Instant now) {
        List<UUID> ids = chunk.stream().map(Candidate::id).toList();
        List<String> cards = chunk.stream().map(Candidate::cardNumber).filter(java.util.Objects::nonNull).toList();
        h.createUpdate("INSERT INTO change_feed (library_code, patron_id, kind, at) SELECT library_code, patron_id, "
                + "'DELETED', :at FROM membership WHERE patron_id IN (<ids>)").bind("at", now)
                .bindList("ids", ids).execute();
        if (!cards.isEmpty()) {
            h.createUpdate("UPDATE card SET status = 'RETIRED', retired_at = :at, retired_reason = 'RETENTION', "
                    + "patron_id = NULL WHERE number IN (<cards>)").bind("at", now).bindList("cards", cards).execute();
        }
        h.createUpdate("DELETE FROM membership WHERE patron_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM guardian_link WHERE child_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM guardian_link WHERE guardian_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM retention_hold WHERE patron_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM patron WHERE id IN (<ids>)").bindList("ids", ids).execute();
        var audit = h.prepareBatch("INSERT INTO audit_event (at, library_code, workstation, action, patron_id, detail) "
                + "VALUES (?, ?, 'retention job', 'PATRON_DELETED', ?, ?)");
        for (Candidate c : chunk) {
            audit.add(now, c.library(), c.id(), "retention=" + why);
        }
        audit.execute();
    }

    private void list(List<Candidate> candidates, String action, String reason, List<Api.RetentionAction> actions,
                      int listLimit) {
        for (Candidate c : candidates) {
            if (actions.size() < listLimit) {
                actions.add(new Api.RetentionAction(c.id(), c.library(), c.cardNumber(), action, reason));
            }
        }
    }

    private void forChunks(List<Candidate> all, java.util.function.BiConsumer<Handle, List<UUID>> work) {
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> ids = all.subList(from, Math.min(all.size(), from + CHUNK)).stream().map(Candidate::id).toList();
            jdbi.useTransaction(h -> work.accept(h, ids));
        }
    }

    private List<Candidate> select(String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return new ArrayList<>(q.map((rs, ctx) -> new Candidate(rs.getObject("id", UUID.class),
                    rs.getString("library_code"), rs.getString("card_number"), rs.getLong("fees_owed_minor"),
                    rs.getLong("print_credit_minor"), rs.getLong("outstanding"), rs.getString("email"),
                    rs.getString("given_name"), rs.getString("library_name"), rs.getString("country"),
                    rs.getInt("years"), rs.getInt("notice_days"), rs.getObject("notice_sent_at", java.time.OffsetDateTime.class)
                    == null ? null : rs.getObject("notice_sent_at", java.time.OffsetDateTime.class).toInstant()))
                    .list());
        });
    }
}
