package app.carddesk.central;

import java.nio.file.Path;
import java.util.Map;

/**
 * The central service's settings, from environment variables (documented in the README).
 *
 * @param port      {@code CARDDESK_CENTRAL_PORT}, default 8480
 * @param bind      {@code CARDDESK_CENTRAL_BIND}, default 127.0.0.1
 * @param jdbcUrl   {@code CARDDESK_CENTRAL_DB}: an H2 file (the default) or a PostgreSQL JDBC URL
 * @param dbUser    {@code CARDDESK_CENTRAL_DB_USER}
 * @param dbPassword {@code CARDDESK_CENTRAL_DB_PASSWORD}
 * @param demoToken {@code CARDDESK_CENTRAL_TOKEN}: a workstation token for the demo library, so a
 *                  fresh install works without setup (empty: none)
 * @param demoLibrary {@code CARDDESK_CENTRAL_LIBRARY}: the library that token belongs to
 * @param smtpHost  {@code CARDDESK_SMTP_HOST}, default localhost
 * @param smtpPort  {@code CARDDESK_SMTP_PORT}, default 25
 * @param mailFrom  {@code CARDDESK_MAIL_FROM}
 * @param retentionAt {@code CARDDESK_RETENTION_AT}: the time of day (UTC, HH:mm) of the daily retention
 *                  run, default 02:30; {@code off} runs it only on command
 */
public record CentralConfig(int port, String bind, String jdbcUrl, String dbUser, String dbPassword,
                            String demoToken, String demoLibrary, String smtpHost, int smtpPort, String mailFrom,
                            String retentionAt) {

    public static final String DEFAULT_TOKEN = "demo-workstation-token";

    public static CentralConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static CentralConfig from(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"), ".local", "share", "carddesk-central");
        return new CentralConfig(
                Integer.parseInt(env.getOrDefault("CARDDESK_CENTRAL_PORT", "8480")),
                env.getOrDefault("CARDDESK_CENTRAL_BIND", "127.0.0.1"),
                env.getOrDefault("CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + home.resolve("central").toAbsolutePath()),
                env.getOrDefault("CARDDESK_CENTRAL_DB_USER", "carddesk"),
                env.getOrDefault("CARDDESK_CENTRAL_DB_PASSWORD", ""),
                env.getOrDefault("CARDDESK_CENTRAL_TOKEN", DEFAULT_TOKEN),
                env.getOrDefault("CARDDESK_CENTRAL_LIBRARY", "DEMO-DK"),
                env.getOrDefault("CARDDESK_SMTP_HOST", "localhost"),
                Integer.parseInt(env.getOrDefault("CARDDESK_SMTP_PORT", "25")),
                env.getOrDefault("CARDDESK_MAIL_FROM", "CardDesk <no-reply@carddesk.invalid>"),
                env.getOrDefault("CARDDESK_RETENTION_AT", "02:30"));
    }

    /** The same settings on another port and database, for tests and benchmarks. */
    public CentralConfig with(int newPort, String newJdbcUrl) {
        return new CentralConfig(newPort, bind, newJdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, smtpHost,
                smtpPort, mailFrom, retentionAt);
    }

    public CentralConfig withSmtp(String host, int newPort) {
        return new CentralConfig(port, bind, jdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, host, newPort,
                mailFrom, retentionAt);
    }

    public CentralConfig withRetentionAt(String at) {
        return new CentralConfig(port, bind, jdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, smtpHost, smtpPort,
                mailFrom, at);
    }

    /** The daily retention time, or null when the job runs only on command. */
    public java.time.LocalTime retentionTime() {
        if (retentionAt == null || retentionAt.isBlank() || "off".equalsIgnoreCase(retentionAt.trim())) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(retentionAt.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("CARDDESK_RETENTION_AT must be a time of day like 02:30, or off.");
        }
    }

    @Override
    public String toString() {
        return "CentralConfig[port=" + port + ", bind=" + bind + ", db=" + jdbcUrl.replaceAll("password=[^;&]*", "")
                + "]";
    }
}
