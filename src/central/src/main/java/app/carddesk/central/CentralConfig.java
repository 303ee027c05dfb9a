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
 * @param demoToken {@code CARDDESK_CENTRAL_TOKEN}: a workstation token registered for
 *                  {@code demoLibrary} at start (demo mode: {@value #DEFAULT_TOKEN} unless set;
 *                  otherwise none unless set, and never the public demo token)
 * @param demoLibrary {@code CARDDESK_CENTRAL_LIBRARY}: the library that token belongs to
 * @param retentionAt {@code CARDDESK_RETENTION_AT}: the time of day (UTC, HH:mm) of the daily retention
 *                  run, default 02:30; {@code off} runs it only on command
 * @param auditKeptMonths {@code CARDDESK_AUDIT_KEPT_MONTHS}: how long the audit trail is kept before the
 *                  retention run removes it, default {@value #DEFAULT_AUDIT_KEPT_MONTHS} months; {@code
 *                  off} (0 here) keeps it for good
 * @param demo      {@code CARDDESK_CENTRAL_DEMO=true}: demo mode, with the demo libraries and their
 *                  public tokens; never for real patrons
 * @param adminToken {@code CARDDESK_CENTRAL_ADMIN_TOKEN}: the operator's credential (card series);
 *                  required outside demo mode, at least 32 characters
 * @param limits    how often a source may fail to authenticate and a workstation may search the
 *                  country's register or the population register
 * @param tls       {@code CARDDESK_CENTRAL_TLS_KEYSTORE} (a PKCS#12 file with the service's key and
 *                  certificate chain) and {@code CARDDESK_CENTRAL_TLS_KEYSTORE_PASSWORD}: serve HTTPS
 *                  only; unset, plain HTTP (demo mode, or behind a reverse proxy that terminates TLS)
 * @param trustedProxies {@code CARDDESK_CENTRAL_TRUSTED_PROXIES}: addresses of reverse proxies whose
 *                  {@code X-Forwarded-For} names the real source (for rate limits and blocks); none by default
 */
public record CentralConfig(int port, String bind, String jdbcUrl, String dbUser, String dbPassword,
                            String demoToken, String demoLibrary, String retentionAt, int auditKeptMonths,
                            boolean demo, String adminToken, Limits limits,
                            Tls tls, java.util.Set<String> trustedProxies) {

    /** Where the service's HTTPS key is; null path: plain HTTP. */
    public record Tls(Path keyStore, String password) {
        public boolean enabled() {
            return keyStore != null;
        }

        @Override
        public String toString() {
            return enabled() ? "TLS from " + keyStore : "plain HTTP";
        }
    }

    public static final String DEFAULT_TOKEN = "demo-workstation-token";
    public static final String DEMO_ADMIN_TOKEN = "demo-operator-token";
    /** The public workstation tokens of the demo libraries, accepted in demo mode only. */
    public static final Map<String, String> DEMO_TOKENS = Map.of("DEMO-NO", "demo-workstation-token-oslo",
            "DEMO-NO-BGO", "demo-workstation-token-bergen");
    static final int MIN_SECRET_LENGTH = 32;
    /** Five years, unless the organisation sets its own ({@link app.carddesk.domain.AuditKept}). */
    public static final int DEFAULT_AUDIT_KEPT_MONTHS = app.carddesk.domain.AuditKept.DEFAULT_MONTHS;

    /**
     * Rates per minute: {@code CARDDESK_AUTH_FAILURES_PER_MINUTE} failed authentications per source
     * address (default 20; then 429 and a block of {@code CARDDESK_AUTH_BLOCK_SECONDS}, default 300),
     * {@code CARDDESK_NATIONAL_SEARCHES_PER_MINUTE} and {@code CARDDESK_POPULATION_LOOKUPS_PER_MINUTE}
     * per workstation (default 30 each).
     */
    public record Limits(int authFailuresPerMinute, int authBlockSeconds, int nationalSearchesPerMinute,
                         int populationLookupsPerMinute) {
    }

    public static CentralConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static CentralConfig from(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"), ".local", "share", "carddesk-central");
        boolean demo = "true".equalsIgnoreCase(env.getOrDefault("CARDDESK_CENTRAL_DEMO", "false").trim());
        return new CentralConfig(
                Integer.parseInt(env.getOrDefault("CARDDESK_CENTRAL_PORT", "8480")),
                env.getOrDefault("CARDDESK_CENTRAL_BIND", "127.0.0.1"),
                env.getOrDefault("CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + home.resolve("central").toAbsolutePath()),
                env.getOrDefault("CARDDESK_CENTRAL_DB_USER", "carddesk"),
                env.getOrDefault("CARDDESK_CENTRAL_DB_PASSWORD", ""),
                env.getOrDefault("CARDDESK_CENTRAL_TOKEN", demo ? DEFAULT_TOKEN : null),
                env.getOrDefault("CARDDESK_CENTRAL_LIBRARY", "DEMO-DK"),
                env.getOrDefault("CARDDESK_RETENTION_AT", "02:30"),
                app.carddesk.domain.AuditKept.months(env.get("CARDDESK_AUDIT_KEPT_MONTHS"), "CARDDESK_AUDIT_KEPT_MONTHS"),
                demo,
                env.getOrDefault("CARDDESK_CENTRAL_ADMIN_TOKEN", demo ? DEMO_ADMIN_TOKEN : null),
                new Limits(number(env, "CARDDESK_AUTH_FAILURES_PER_MINUTE", 20),
                        number(env, "CARDDESK_AUTH_BLOCK_SECONDS", 300),
                        number(env, "CARDDESK_NATIONAL_SEARCHES_PER_MINUTE", 30),
                        number(env, "CARDDESK_POPULATION_LOOKUPS_PER_MINUTE", 30)),
                new Tls(env.get("CARDDESK_CENTRAL_TLS_KEYSTORE") == null
                        || env.get("CARDDESK_CENTRAL_TLS_KEYSTORE").isBlank() ? null
                        : Path.of(env.get("CARDDESK_CENTRAL_TLS_KEYSTORE").trim()),
                        env.getOrDefault("CARDDESK_CENTRAL_TLS_KEYSTORE_PASSWORD", "")),
                java.util.Arrays.stream(env.getOrDefault("CARDDESK_CENTRAL_TRUSTED_PROXIES", "").split(","))
                        .map(String::trim).filter(a -> !a.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The audit trail's kept period, or null when it is kept for good. */
    public java.time.Period auditKept() {
        return auditKeptMonths == 0 ? null : java.time.Period.ofMonths(auditKeptMonths);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            int n = value == null ? fallback : Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 1 or more, not '" + value + "'.");
        }
    }

    /**
     * Why the service must not start with these settings, if it must not: outside demo mode it
     * needs an operator credential of its own, and the public demo token is refused.
     */
    public java.util.Optional<String> refusal() {
        if (demo) {
            return java.util.Optional.empty();
        }
        if (adminToken == null || adminToken.isBlank()) {
            return java.util.Optional.of("No operator credential is configured. Set CARDDESK_CENTRAL_ADMIN_TOKEN to a "
                    + "secret of at least " + MIN_SECRET_LENGTH + " characters (for example: openssl rand -hex 32), "
                    + "or start a demo with CARDDESK_CENTRAL_DEMO=true (demo libraries, public tokens, no real "
                    + "patrons).");
        }
        if (adminToken.trim().length() < MIN_SECRET_LENGTH || adminToken.equals(DEMO_ADMIN_TOKEN)) {
            return java.util.Optional.of("CARDDESK_CENTRAL_ADMIN_TOKEN is too short or public: use a secret of at "
                    + "least " + MIN_SECRET_LENGTH + " characters.");
        }
        if (tls.enabled() && !java.nio.file.Files.isReadable(tls.keyStore())) {
            return java.util.Optional.of("CARDDESK_CENTRAL_TLS_KEYSTORE names " + tls.keyStore() + ", which cannot be "
                    + "read. Give the path of a PKCS#12 file the service's user may read.");
        }
        if (demoToken != null && !demoToken.isBlank()
                && (demoToken.equals(DEFAULT_TOKEN) || demoToken.trim().length() < MIN_SECRET_LENGTH)) {
            return java.util.Optional.of("CARDDESK_CENTRAL_TOKEN is the public demo token or shorter than "
                    + MIN_SECRET_LENGTH + " characters: outside demo mode use a secret workstation token.");
        }
        return java.util.Optional.empty();
    }

    /** The same settings on another port and database, for tests and benchmarks. */
    public CentralConfig with(int newPort, String newJdbcUrl) {
        return new CentralConfig(newPort, bind, newJdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, retentionAt,
                auditKeptMonths, demo, adminToken, limits, tls, trustedProxies);
    }


    public CentralConfig withRetentionAt(String at) {
        return new CentralConfig(port, bind, jdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, at, auditKeptMonths,
                demo, adminToken, limits, tls, trustedProxies);
    }

    public CentralConfig withLimits(Limits newLimits) {
        return new CentralConfig(port, bind, jdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, retentionAt,
                auditKeptMonths, demo, adminToken, newLimits, tls, trustedProxies);
    }

    /** The same settings serving HTTPS with the key in {@code keyStore}. */
    public CentralConfig withTls(Path keyStore, String password) {
        return new CentralConfig(port, bind, jdbcUrl, dbUser, dbPassword, demoToken, demoLibrary, retentionAt,
                auditKeptMonths, demo, adminToken, limits, new Tls(keyStore, password),
                trustedProxies);
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
                + (demo ? ", demo" : "") + ", " + tls + "]";
    }
}
