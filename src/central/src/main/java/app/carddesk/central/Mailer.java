package app.carddesk.central;

import java.util.List;

/** Sends mail to patrons: a new PIN (which passes through and is never kept), retention notices. */
public interface Mailer {

    /** One mail to send. */
    record Mail(String to, String subject, String body) {
    }

    /**
     * @throws MailUnavailableException when the mail server cannot take the message now
     * @throws MailRefusedException     when the mail server refuses the recipient's address for good
     */
    void send(String to, String subject, String body);

    /**
     * How many mails of a list went (from its start), and why the rest did not (null when all went),
     * in words for the log: the mail server and the network's reason, never an address.
     */
    record Sent(int count, String stoppedBecause) {
    }

    /**
     * Sends many mails, over one connection where the server allows it, and says how many of them
     * (from the start of the list) were sent before the server stopped taking them, and why.
     */
    default Sent sendAll(List<Mail> mails) {
        int sent = 0;
        for (Mail m : mails) {
            try {
                send(m.to(), m.subject(), m.body());
            } catch (MailUnavailableException e) {
                return new Sent(sent, e.getMessage());
            }
            sent++;
        }
        return new Sent(sent, null);
    }

    final class MailUnavailableException extends RuntimeException {
        public MailUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The mail server refused the recipient's address for good (an SMTP 5xx answer to it: no such
     * mailbox, no such domain): trying again cannot help, only another address can.
     */
    final class MailRefusedException extends RuntimeException {
        public MailRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
