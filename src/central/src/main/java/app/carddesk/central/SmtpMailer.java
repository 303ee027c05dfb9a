package app.carddesk.central;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends mails through the configured SMTP server with Jakarta Mail (Angus). */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final String server;

    public SmtpMailer(String host, int port, String from) {
        this.server = host + ":" + port;
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(props);
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) {
        try {
            Transport.send(message(new Mail(to, subject, body)));
        } catch (MessagingException e) {
            throw new MailUnavailableException(reason(e), e);
        }
    }

    /**
     * Why a mail did not go, for the log and without personal data: the mail server and, where it
     * could not be reached, the network's own words (connection refused, unknown host, timed out);
     * a server's refusal, which may quote an address, by its kind only.
     */
    String reason(MessagingException e) {
        Throwable network = e;
        while (network != null && !(network instanceof java.io.IOException)) {
            network = network.getCause();
        }
        if (network == null) {
            return "the mail server " + server + " refused it (" + e.getClass().getSimpleName() + ")";
        }
        String words = network.getClass().getSimpleName() + (network.getMessage() == null ? ""
                : ": " + network.getMessage());
        boolean notReached = network instanceof java.net.ConnectException
                || network instanceof java.net.UnknownHostException
                || network instanceof java.net.SocketTimeoutException;
        return notReached
                ? "the mail server " + server + " cannot be reached (" + words + "); check CARDDESK_SMTP_HOST and "
                + "CARDDESK_SMTP_PORT"
                : "the connection to the mail server " + server + " broke off (" + words + ")";
    }

    /** One SMTP connection for the whole list; a mail the server refuses ends the run there. */
    @Override
    public Sent sendAll(java.util.List<Mail> mails) {
        int sent = 0;
        if (mails.isEmpty()) {
            return new Sent(sent, null);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Mail m : mails) {
                MimeMessage message = message(m);
                transport.sendMessage(message, message.getAllRecipients());
                sent++;
            }
        } catch (MessagingException e) {
            return new Sent(sent, reason(e));
        }
        return new Sent(sent, null);
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }
}
