package app.carddesk.central;

/** Sends mail to patrons: a new PIN (which passes through and is never kept), retention notices. */
public interface Mailer {

    /**
     * @throws MailUnavailableException when the mail server cannot take the message now
     */
    void send(String to, String subject, String body);

    final class MailUnavailableException extends RuntimeException {
        public MailUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
