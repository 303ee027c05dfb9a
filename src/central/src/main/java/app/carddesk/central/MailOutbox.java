package app.carddesk.central;

import app.carddesk.api.CentralActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails that may go out only once the change that asked for them is stored. A PIN mail is queued
 * in the transaction that stores the PIN's hash and sent by one background thread after that
 * transaction commits: a request that fails or is rolled back mails nothing, and a PIN that was
 * mailed is the stored one. While the mail server is down a mail is tried again after a pause that
 * doubles from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}, {@value #MAX_ATTEMPTS} times in
 * all (about a day); then it is given up. An address the server refuses for good is not tried
 * again. How a mail to a patron ended (sent, refused, given up) is audited. A PIN mail's text holds
 * the PIN in clear, so its row is deleted as soon as the mail is sent, refused or given up.
 */
public final class MailOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    static final int MAX_ATTEMPTS = 30;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    /**
     * How long a mail stays taken by the attempt that took it: longer than an attempt can last (the
     * mailer gives up after 10 s to connect and 10 s for each answer or write), so that no other
     * sender takes it while it may still be on its way; a failed attempt sets its pause at once.
     */
    static final Duration TAKEN = Duration.ofMinutes(2);
    /** The most mails one pass reads at a time. */
    private static final int PASS = 100;

    /** The {@code mail_outbox} table. */
    interface Dao {
        record Row(long id, String libraryCode, UUID patronId, String kind, String recipient, String subject,
                   String body, int attempts) {
        }

        @SqlUpdate("INSERT INTO mail_outbox (library_code, patron_id, kind, recipient, subject, body, attempts, "
                + "next_attempt_at, created_at) VALUES (:library, CAST(:patron AS UUID), :kind, :to, :subject, :body, "
                + "0, :at, :at)")
        void add(@Bind("library") String library, @Bind("patron") UUID patron, @Bind("kind") String kind,
                 @Bind("to") String to, @Bind("subject") String subject, @Bind("body") String body,
                 @Bind("at") Instant at);

        @SqlQuery("SELECT id, library_code, patron_id, kind, recipient, subject, body, attempts FROM mail_outbox "
                + "WHERE next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
        List<Row> due(@Bind("now") Instant now, @Bind("limit") int limit);

        /** Takes a mail for one attempt until {@code takenUntil}; 0 when another sender took it first. */
        @SqlUpdate("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :takenUntil "
                + "WHERE id = :id AND attempts = :attempts")
        int claim(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("takenUntil") Instant takenUntil);

        /** After a failed attempt (the {@code attempts}-th): the next one is due at {@code retryAt}. */
        @SqlUpdate("UPDATE mail_outbox SET next_attempt_at = :retryAt WHERE id = :id AND attempts = :attempts")
        int retryAt(@Bind("id") long id, @Bind("attempts") int attempts, @Bind("retryAt") Instant retryAt);

        @SqlUpdate("DELETE FROM mail_outbox WHERE id = :id")
        int delete(@Bind("id") long id);

        @SqlQuery("SELECT COUNT(*) FROM mail_outbox")
        int count();

        /** A patron's PIN mail still queued (the latest asked for), with its attempts so far. */
        record Waiting(Instant createdAt, int attempts, Instant nextAttemptAt) {
        }

        @SqlQuery("SELECT created_at, attempts, next_attempt_at FROM mail_outbox WHERE patron_id = :patron "
                + "AND kind = :kind ORDER BY id DESC LIMIT 1")
        @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Waiting.class)
        Optional<Waiting> waiting(@Bind("patron") UUID patron, @Bind("kind") String kind);

        /** Deletes a patron's queued mails of a kind (one on its way to the mail server this moment may still go). */
        @SqlUpdate("DELETE FROM mail_outbox WHERE patron_id = :patron AND kind = :kind")
        int dropWaiting(@Bind("patron") UUID patron, @Bind("kind") String kind);

        @SqlQuery("SELECT card_number FROM patron WHERE id = :id")
        Optional<String> cardOf(@Bind("id") UUID patron);

        @SqlQuery("SELECT COUNT(*) FROM patron WHERE id = :id")
        int patronCount(@Bind("id") UUID patron);
    }

    /**
     * Stands in a queued mail's text for the patron's card, so that a mail that waited for the server
     * names the card the patron holds when it goes (a temporary card may have been replaced meanwhile);
     * the card it was asked for when the patron holds none then.
     */
    static String cardAtSending(String queuedCard) {
        return CARD_MARK + (queuedCard == null ? "" : queuedCard) + CARD_MARK;
    }

    private static final String CARD_MARK = "\u0001card\u0001";
    private static final java.util.regex.Pattern CARD = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(CARD_MARK) + "(.*?)" + java.util.regex.Pattern.quote(CARD_MARK));

    private String withCurrentCard(Dao.Row mail) {
        java.util.regex.Matcher m = CARD.matcher(mail.body());
        if (!m.find()) {
            return mail.body();
        }
        String card = mail.patronId() == null ? null
                : jdbi.withExtension(Dao.class, d -> d.cardOf(mail.patronId())).orElse(null);
        return m.replaceAll(java.util.regex.Matcher.quoteReplacement(card != null ? card : m.group(1)));
    }

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Clock clock;
    private final ScheduledExecutorService sender;
    /** Set on close: the pass under way stops after the mail it is sending. */
    private volatile boolean stopping;

    /** Starts the sender: it sends after every commit that queued a mail, and looks for due retries every 30 s. */
    public MailOutbox(Jdbi jdbi, Mailer mailer, Clock clock) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.clock = clock;
        this.sender = CentralThreads.scheduled("carddesk-mail");
        sender.scheduleWithFixedDelay(this::sendDueLogged, 0, FIRST_PAUSE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Queues a mail in the caller's transaction; it is sent once that transaction has committed. */
    void queue(Handle h, String library, UUID patron, String kind, Mailer.Mail mail) {
        Daos.on(h, Dao.class).add(library, patron, kind, mail.to(), mail.subject(), mail.body(), clock.instant());
        h.afterCommit(this::wake);
    }

    private void wake() {
        try {
            sender.execute(this::sendDueLogged);
        } catch (RejectedExecutionException e) {
            LOG.info("Mail queued while the service stops; it is sent when the service runs again");
        }
    }

    private void sendDueLogged() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database may be gone for a moment; the next pass tries again.
            LOG.warn("Mail pass failed ({}); the next pass tries again", e.getClass().getName());
        }
    }

    /**
     * Sends every mail that is due. A mail is taken for one attempt first, for longer than the
     * attempt can last, so two senders (two instances of the service) never send it both; it stops
     * at the first mail the server cannot take, as the others would fail alike.
     *
     * @return how many mails went out
     */
    public int sendDue() {
        int sent = 0;
        while (true) {
            List<Dao.Row> due = jdbi.withExtension(Dao.class, d -> d.due(clock.instant(), PASS));
            for (Dao.Row mail : due) {
                if (stopping) {
                    return sent;
                }
                if (mail.patronId() != null && jdbi.withExtension(Dao.class, d -> d.patronCount(mail.patronId())) == 0) {
                    // Queued before the patron was deleted (erasing a patron deletes their mails too).
                    jdbi.useExtension(Dao.class, d -> d.delete(mail.id()));
                    LOG.info("A {} mail to a patron no longer in the register was not sent", mail.kind());
                    continue;
                }
                int attempt = mail.attempts() + 1;
                Instant takenUntil = clock.instant().plus(TAKEN);
                if (jdbi.withExtension(Dao.class, d -> d.claim(mail.id(), mail.attempts(), takenUntil)) == 0) {
                    continue;
                }
                try {
                    mailer.send(mail.recipient(), mail.subject(), withCurrentCard(mail));
                } catch (Mailer.MailRefusedException e) {
                    LOG.warn("A {} mail was not sent: {}; it is not tried again", mail.kind(), e.getMessage());
                    ended(mail, "MAIL_REFUSED", attempt);
                    continue;
                } catch (RuntimeException e) {
                    failed(mail, attempt, e);
                    if (e instanceof Mailer.MailUnavailableException) {
                        return sent;
                    }
                    continue;
                }
                ended(mail, "MAIL_SENT", attempt);
                sent++;
            }
            if (due.size() < PASS) {
                return sent;
            }
        }
    }

    private void failed(Dao.Row mail, int attempt, RuntimeException e) {
        if (attempt < MAX_ATTEMPTS) {
            Instant retryAt = clock.instant().plus(pauseAfter(attempt));
            jdbi.useExtension(Dao.class, d -> d.retryAt(mail.id(), attempt, retryAt));
            LOG.warn("A {} mail was not sent: {}; attempt {} of {}, it is tried again later", mail.kind(),
                    why(e), attempt, MAX_ATTEMPTS);
            return;
        }
        LOG.error("A {} mail was given up after {} attempts: {}", mail.kind(), attempt, why(e));
        ended(mail, "MAIL_GIVEN_UP", attempt);
    }

    /**
     * A mail's end: its row (with any PIN in it) is deleted, and a mail to a patron is audited with
     * how it ended, in one transaction, so the patron's screen can tell where their PIN mail is.
     */
    private void ended(Dao.Row mail, String action, int attempt) {
        jdbi.useTransaction(h -> {
            Daos.on(h, Dao.class).delete(mail.id());
            if (mail.patronId() != null || !"MAIL_SENT".equals(action)) {
                Daos.on(h, CentralDaos.Audit.class).append(clock.instant(), mail.libraryCode(), SENDER, action,
                        mail.patronId(), detail(mail.kind(), attempt));
            }
        });
    }

    /** Who an audit entry of the mail sender names as its workstation. */
    static final String SENDER = CentralActor.MAIL_SENDER.stored();

    /** The audit detail of a mail's end: its kind first, which {@link PinMails} reads. */
    static String detail(String kind, int attempts) {
        return "kind=" + kind + " attempts=" + attempts;
    }

    /** A LIKE pattern for the audit detail of any end of a mail of this kind. */
    static String detailOfKind(String kind) {
        return "kind=" + kind + " attempts=%";
    }

    /** The mailer's own reason (written without personal data); of anything else, its kind only. */
    private static String why(RuntimeException e) {
        return e instanceof Mailer.MailUnavailableException ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The pause after a failed attempt: doubling from the first pause, never longer than the longest. */
    static Duration pauseAfter(int attempt) {
        Duration pause = FIRST_PAUSE;
        for (int i = 1; i < attempt && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_PAUSE) < 0 ? pause : LONGEST_PAUSE;
    }

    /**
     * Waits for the pass under way, if one is, to end: an attempt is taken (its count raised) before
     * the mail goes out, so the count alone does not tell that the attempt is over.
     */
    public void awaitPass() throws Exception {
        sender.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    /** How many mails wait to be sent. */
    public int pending() {
        return jdbi.withExtension(Dao.class, Dao::count);
    }

    /**
     * Stops the sender after the mail it is sending (an interrupted H2 write closes the file under
     * it); mails still queued are sent when the service runs again.
     */
    @Override
    public void close() {
        stopping = true;
        CentralThreads.finish(sender, "Mail sending");
    }
}
