package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.api.PinMail;
import app.carddesk.api.PinMailState;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.PinPolicy;
import app.carddesk.security.PinHasher;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A new random PIN mailed to the patron, exactly once per request. */
final class PinMails {

    private static final Logger LOG = LoggerFactory.getLogger(PinMails.class);
    /** The answer to a PIN mail request: stored with the PIN, the same for every repeat of its key. */
    static final String PIN_QUEUED = "{\"status\":\"queued\"}";

    private final PinHasher pinHasher;
    private final MailOutbox mails;
    private final Envelope envelope;
    private final Clock clock;
    private final org.jdbi.v3.core.Jdbi jdbi;

    PinMails(org.jdbi.v3.core.Jdbi jdbi, PinHasher pinHasher, MailOutbox mails, Envelope envelope, Clock clock) {
        this.jdbi = jdbi;
        this.pinHasher = pinHasher;
        this.mails = mails;
        this.envelope = envelope;
        this.clock = clock;
    }

    /**
     * Makes a new random PIN, keeps only its hash and mails it to the patron. The hash, the mail
     * and the answer are stored in one transaction, and the mail is sent after it commits (at
     * once, or when the mail server takes it again): so exactly one mail goes out, with the PIN
     * that is stored, and every repeat of the Idempotency-Key gets the same answer, 202 queued.
     */
    public Answer emailPin(Caller caller, UUID id, String idempotencyKey, String rawBody) {
        Envelope.requireKey(idempotencyKey, "Idempotency-Key", "header so a retry cannot mail a second PIN");
        Api.PinEmailRequest request = envelope.parse(rawBody, Api.PinEmailRequest.class);
        String requestHash = Envelope.sha256(id + rawBody);
        return envelope.once(caller, idempotencyKey, requestHash, h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            CentralPatronRow patron = PatronAccess.home(h, caller, id);
            if (patron.email() == null) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "email", "The patron has no e-mail address.");
            }
            if (request.email() != null && !request.email().trim().equalsIgnoreCase(patron.email())) {
                throw new ApiException(409, ErrorCode.EMAIL_CHANGED, "email", "The patron's e-mail address is not the one "
                        + "confirmed when the PIN was asked for. Confirm the address with the patron and ask again.");
            }
            String pin = new PinPolicy().generate(patron.birthDate(), patron.cardNumber(), patron.identityNumber());
            if (patrons.setPinHash(id, pinHasher.hash(pin), clock.instant()) != 1) {
                throw new ApiException(404, ErrorCode.PATRON_NOT_FOUND, "id", "No patron of this library has that id.");
            }
            // A PIN mail still waiting holds a PIN this one replaces: only the new one goes.
            int replaced = Daos.on(h, MailOutbox.Dao.class).dropWaiting(id, KIND);
            if (replaced > 0) {
                Daos.on(h, CentralDaos.Audit.class).append(clock.instant(), caller.library().code(), MailOutbox.SENDER,
                        "MAIL_REPLACED", id, "kind=" + KIND + " mails=" + replaced);
            }
            CentralTexts texts = CentralTexts.forLanguage(request.language());
            mails.queue(h, caller.library().code(), id, KIND, new Mailer.Mail(patron.email(),
                    texts.get("pinmail.subject", caller.library().name()),
                    texts.get("pinmail.body", patron.givenName(), pin, caller.library().name(),
                            MailOutbox.cardAtSending(patron.cardNumber()))));
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "PIN_EMAILED", id, "");
            LOG.info("PIN mail queued for a patron of {}", caller.library().code());
            return new Answer(202, PIN_QUEUED);
        });
    }

    /**
     * Where the patron's last PIN mail is, for the home library's staff: waiting in the queue (with
     * its attempts), or how it ended, from the audit the mail sender writes.
     */
    public PinMail state(Caller caller, UUID id) {
        return jdbi.inTransaction(h -> {
            PatronAccess.home(h, caller, id);
            var waiting = Daos.on(h, MailOutbox.Dao.class).waiting(id, KIND);
            if (waiting.isPresent()) {
                var w = waiting.get();
                return new PinMail(PinMailState.WAITING, w.createdAt(), w.attempts(),
                        w.attempts() == 0 ? w.createdAt() : w.nextAttemptAt());
            }
            return Daos.on(h, CentralDaos.Audit.class).lastPinMail(id, MailOutbox.detailOfKind(KIND))
                    .map(e -> new PinMail(ended(e.action()), e.at(), attempts(e.detail()), null))
                    .filter(m -> m.state() != PinMailState.NONE)
                    .orElse(new PinMail(PinMailState.NONE, null, null, null));
        });
    }

    private static PinMailState ended(String action) {
        return switch (action) {
            case "MAIL_SENT" -> PinMailState.SENT;
            case "MAIL_REFUSED" -> PinMailState.REFUSED;
            case "MAIL_GIVEN_UP" -> PinMailState.GIVEN_UP;
            // Asked for before how mails end was kept, and no longer queued: not known.
            default -> PinMailState.NONE;
        };
    }

    /** The mail queue's kind of a PIN mail. */
    static final String KIND = "PIN";

    private static Integer attempts(String detail) {
        int at = detail == null ? -1 : detail.lastIndexOf("attempts=");
        try {
            return at < 0 ? null : Integer.valueOf(detail.substring(at + "attempts=".length()).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
