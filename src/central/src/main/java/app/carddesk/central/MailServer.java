package app.carddesk.central;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How the central reaches its mail server: where, how the connection is protected, and with whose
 * login. The defaults are safe: a server on another machine is reached over TLS (STARTTLS), its
 * certificate and name checked, and a password is never sent over a plain connection off this
 * machine.
 *
 * @param host               {@code CARDDESK_SMTP_HOST}, default localhost
 * @param port               {@code CARDDESK_SMTP_PORT}, default 25, 587 with STARTTLS, 465 with TLS
 * @param from               {@code CARDDESK_MAIL_FROM}
 * @param security           {@code CARDDESK_SMTP_SECURITY}: {@code starttls}, {@code tls} (implicit, port
 *                           465) or {@code none}; default none for a server on this machine, starttls else
 * @param user               {@code CARDDESK_SMTP_USER}, or null for no login
 * @param password           {@code CARDDESK_SMTP_PASSWORD}
 * @param trustStore         {@code CARDDESK_SMTP_TRUSTSTORE}: a PKCS#12 file with the CA of the mail
 *                           server's certificate (an organisation's own CA), or null for Java's own CAs
 * @param trustStorePassword {@code CARDDESK_SMTP_TRUSTSTORE_PASSWORD}
 */
public record MailServer(String host, int port, String from, Security security, String user, String password,
                         Path trustStore, String trustStorePassword) {

    /** How the connection to the mail server is protected. */
    public enum Security {
        /** Plain SMTP: only for a relay on this machine. */
        NONE,
        /** Plain SMTP that must switch to TLS before anything else is said (port 587, usually). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS
    }

    /** A plain server on this machine with no login, as the tests' mail servers are. */
    public static MailServer plain(String host, int port, String from) {
        return new MailServer(host, port, from, Security.NONE, null, null, null, null);
    }

    /**
     * From the service's settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what to set
     */
    public static MailServer from(Map<String, String> env) {
        String host = env.getOrDefault("CARDDESK_SMTP_HOST", "localhost").trim();
        String securityText = env.get("CARDDESK_SMTP_SECURITY");
        Security security;
        if (securityText == null || securityText.isBlank()) {
            security = local(host) ? Security.NONE : Security.STARTTLS;
        } else {
            try {
                security = Security.valueOf(securityText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CARDDESK_SMTP_SECURITY must be starttls, tls or none, not '"
                        + securityText.trim() + "'.");
            }
        }
        // Without a port, the one that goes with the protection: 25 plain, 587 STARTTLS, 465 TLS.
        String portText = env.getOrDefault("CARDDESK_SMTP_PORT", switch (security) {
            case NONE -> "25";
            case STARTTLS -> "587";
            case TLS -> "465";
        }).trim();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CARDDESK_SMTP_PORT must be a port number, not '" + portText + "'.");
        }
        String user = blankToNull(env.get("CARDDESK_SMTP_USER"));
        if (user != null && security == Security.NONE && !local(host)) {
            throw new IllegalArgumentException("CARDDESK_SMTP_USER is set but CARDDESK_SMTP_SECURITY is none: the mail "
                    + "login would cross the network in clear to " + host + ". Set CARDDESK_SMTP_SECURITY to "
                    + "starttls or tls.");
        }
        String trust = blankToNull(env.get("CARDDESK_SMTP_TRUSTSTORE"));
        if (trust != null && !Files.isReadable(Path.of(trust))) {
            throw new IllegalArgumentException("CARDDESK_SMTP_TRUSTSTORE names " + trust + ", which cannot be read. "
                    + "Give the path of a PKCS#12 file the service's user may read.");
        }
        return new MailServer(host, port, env.getOrDefault("CARDDESK_MAIL_FROM",
                "CardDesk <no-reply@carddesk.invalid>"), security, user, env.getOrDefault("CARDDESK_SMTP_PASSWORD", ""),
                trust == null ? null : Path.of(trust), env.getOrDefault("CARDDESK_SMTP_TRUSTSTORE_PASSWORD", ""));
    }

    /** Whether the host is this machine, where a plain connection never leaves it. */
    static boolean local(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT)
                + (user == null ? ", no login" : ", as " + user) + ")";
    }
}
