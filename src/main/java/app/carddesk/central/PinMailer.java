package app.carddesk.central;

/** Sends a patron their new PIN. The PIN passes through and is never kept. */
public interface PinMailer {

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
