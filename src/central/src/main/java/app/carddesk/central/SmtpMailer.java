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

    /** A plain mail server with no login (one on this machine, or a test's). */
    public SmtpMailer(String host, int port, String from) {
        this(MailServer.plain(host, port, from));
    }

    public SmtpMailer(MailServer mail) {
        this.server = mail.host() + ":" + mail.port();
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.host());
        props.put("mail.smtp.port", Integer.toString(mail.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        if (mail.security() != MailServer.Security.NONE) {
            // TLS whose certificate is checked, and for the name the service was given.
            props.put("mail.smtp.ssl.checkserveridentity", "true");
            props.put(mail.security() == MailServer.Security.TLS ? "mail.smtp.ssl.enable" : "mail.smtp.starttls.enable",
                    "true");
            if (mail.security() == MailServer.Security.STARTTLS) {
                // Never on in clear when the server does not offer TLS.
                props.put("mail.smtp.starttls.required", "true");
            }
            if (mail.trustStore() != null) {
                props.put("mail.smtp.ssl.socketFactory", trusting(mail.trustStore(), mail.trustStorePassword()));
            }
        }
        jakarta.mail.Authenticator login = null;
        if (mail.user() != null) {
            props.put("mail.smtp.auth", "true");
            login = new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication(mail.user(), mail.password());
                }
            };
        }
        this.session = Session.getInstance(props, login);
        this.from = mail.from();
    }

    /** TLS sockets that trust the CAs in a PKCS#12 file (an organisation's own CA) and no others. */
    private static javax.net.ssl.SSLSocketFactory trusting(java.nio.file.Path store, String password) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("CARDDESK_SMTP_TRUSTSTORE " + store + " cannot be read as a PKCS#12 "
                    + "file with that password (" + e.getClass().getSimpleName() + ").");
        }
    }

    @Override
    public void send(String to, String subject, String body) {
        try {
            Transport.send(message(new Mail(to, subject, body)));
        } catch (MessagingException e) {
            if (refusedForGood(e)) {
                throw new MailRefusedException("the mail server " + server + " refused the recipient's address ("
                        + refusal(e) + ")", e);
            }
            throw new MailUnavailableException(reason(e), e);
        }
    }

    /**
     * Whether the server refused the recipient with a permanent answer (5xx to RCPT TO: no such
     * mailbox, no such domain, address not allowed). A temporary one (4xx: mailbox busy, greylisted)
     * is tried again like a server that cannot be reached.
     */
    static boolean refusedForGood(MessagingException e) {
        return recipientRefusal(e) >= 500;
    }

    /** The SMTP answer code to the recipient, or 0 when the recipient was not what was refused. */
    private static int recipientRefusal(MessagingException e) {
        for (Exception next = e; next instanceof MessagingException m; next = m.getNextException()) {
            if (m instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return 0;
    }

    /** The refusal's SMTP code, for the log: its text may quote the address, so only the code. */
    private static String refusal(MessagingException e) {
        return "SMTP " + recipientRefusal(e);
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
        if (e instanceof jakarta.mail.AuthenticationFailedException) {
            return "the mail server " + server + " refused the login; check CARDDESK_SMTP_USER and "
                    + "CARDDESK_SMTP_PASSWORD";
        }
        if (network instanceof javax.net.ssl.SSLException) {
            return "the TLS connection to the mail server " + server + " failed (" + network.getClass().getSimpleName()
                    + "): is its certificate from a CA the service trusts (CARDDESK_SMTP_TRUSTSTORE), for that name, "
                    + "and CARDDESK_SMTP_SECURITY right for the port?";
        }
        if (network == null && e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
            return "the mail server " + server + " does not offer STARTTLS, which CARDDESK_SMTP_SECURITY=starttls "
                    + "requires; use tls for a server that speaks TLS from the start (port 465)";
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
