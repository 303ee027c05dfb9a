package app.carddesk.central;

import java.util.List;

/** Sends mail to patrons: a new PIN (which passes through and is never kept), retention notices. */
public interface Mailer {

    /** One mail to send. */
    record Mail(String to, String subject, String body) {
    }

    /**
     * @throws MailUnavailableException when the mail server cannot take the message now
     */
    void send(String to, String subject, String body);

    /**
     * Sends many mails, over one connection where the server allows it, and says how many of them
     * (from the start of the list) were sent before the server stopped taking them.
     */
    default int sendAll(List<Mail> mails) {
        int sent = 0;
        for (Mail m : mails) {
            try {
                send(m.to(), m.subject(), m.body());
            } catch (MailUnavailableException e) {
                return sent;
            }
            sent++;
        }
        return sent;
    }

    final class MailUnavailableException extends RuntimeException {
        public MailUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
