package app.carddesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the desk keeps its data and which library profile and language it starts with. Each
 * setting is read from a system property, else an environment variable, else
 * {@code carddesk.properties} in the data folder, else its default.
 *
 * @param dataDir  the folder of the local database (default: the user's data folder)
 * @param profile  the library profile's code (default {@code DEMO-DK})
 * @param language {@code da}, {@code nb} or {@code en} (default: the system's language)
 * @param centralUrl the central service, like {@code http://127.0.0.1:8480}; empty: the desk works
 *                   on its own with the stand-in population register
 * @param centralToken this workstation's token for the central service
 * @param syncSeconds how often the desk syncs with the central service
 * @param paper       the paper letters are printed on: {@code A4} (default) or {@code letter}
 */
public record DeskConfig(Path dataDir, String profile, Locale language, String centralUrl, String centralToken,
                         int syncSeconds, String paper) {

    /** A desk on its own, without a central service. */
    public DeskConfig(Path dataDir, String profile, Locale language) {
        this(dataDir, profile, language, "", "", 15);
    }

    /** A desk that prints on A4. */
    public DeskConfig(Path dataDir, String profile, Locale language, String centralUrl, String centralToken,
                      int syncSeconds) {
        this(dataDir, profile, language, centralUrl, centralToken, syncSeconds, "A4");
    }

    /**
     * After how many minutes without a key or a mouse action the desk locks: {@code carddesk.idle.minutes},
     * default 10, at least 1.
     */
    public int idleMinutes() {
        try {
            return Math.max(1, Integer.parseInt(setting(IDLE_MINUTES, new Properties(), "10").trim()));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /**
     * How many months this desk keeps its own audit trail: {@code carddesk.audit.kept.months}, the
     * period the organisation's data-protection officer sets (default 60, as the central register's),
     * or {@code off} (0) to keep it for good.
     *
     * @throws IllegalArgumentException naming the setting, for a value that is neither
     */
    public int auditKeptMonths() {
        return app.carddesk.domain.AuditKept.months(setting(AUDIT_KEPT_MONTHS, fileSettings(dataDir), ""),
                AUDIT_KEPT_MONTHS);
    }

    /** How long a person may sign in here without the central register after it last let them in. */
    public java.time.Duration signInGrace() {
        return app.carddesk.staff.StaffSignIn.DEFAULT_GRACE;
    }

    /**
     * The TLS context for an HTTPS central register: the organisation's own certificate authority
     * from {@code carddesk.central.truststore} (a PKCS#12 file; password in
     * {@code carddesk.central.truststore.password}), else the system's.
     */
    public javax.net.ssl.SSLContext centralTls() {
        Properties file = fileSettings(dataDir);
        String store = setting(TRUST_STORE, file, "");
        return app.carddesk.sync.TrustStore.context(store.isEmpty() ? null : Path.of(store),
                setting(TRUST_STORE_PASSWORD, file, ""));
    }

    public boolean hasCentral() {
        return centralUrl != null && !centralUrl.isBlank();
    }

    public static final String HOME = "carddesk.home";
    public static final String PROFILE = "carddesk.profile";
    public static final String LANGUAGE = "carddesk.language";
    public static final String CENTRAL_URL = "carddesk.central.url";
    public static final String CENTRAL_TOKEN = "carddesk.central.token";
    public static final String SYNC_SECONDS = "carddesk.sync.seconds";
    public static final String PAPER = "carddesk.paper";
    public static final String IDLE_MINUTES = "carddesk.idle.minutes";
    public static final String TRUST_STORE = "carddesk.central.truststore";
    public static final String AUDIT_KEPT_MONTHS = "carddesk.audit.kept.months";
    public static final String TRUST_STORE_PASSWORD = "carddesk.central.truststore.password";

    public static DeskConfig load() {
        Path dataDir = dataDirectory();
        Properties file = fileSettings(dataDir);
        int seconds;
        try {
            seconds = Math.max(2, Integer.parseInt(setting(SYNC_SECONDS, file, "15")));
        } catch (NumberFormatException e) {
            seconds = 15;
        }
        String profile = setting(PROFILE, file, "DEMO-DK");
        // A demo desk uses its demo library's public token; a real one is always configured.
        String demoToken = "DEMO-NO".equals(profile) ? "demo-workstation-token-oslo" : "demo-workstation-token";
        return new DeskConfig(dataDir, profile,
                supported(setting(LANGUAGE, file, DeskPreferences.in(dataDir).get("language")
                        .orElse(Locale.getDefault().getLanguage()))),
                setting(CENTRAL_URL, file, ""), setting(CENTRAL_TOKEN, file, demoToken), seconds,
                setting(PAPER, file, "A4"));
    }

    /** The settings in {@code carddesk.properties} of the data folder; none when it is missing or unreadable. */
    private static Properties fileSettings(Path dataDir) {
        Properties file = new Properties();
        Path props = dataDir.resolve("carddesk.properties");
        if (Files.isRegularFile(props)) {
            try (InputStream in = Files.newInputStream(props)) {
                file.load(in);
            } catch (IOException e) {
                // An unreadable settings file falls back to the defaults; the desk still starts.
            }
        }
        return file;
    }

    /**
     * The data folder alone, read without anything that logs: the log goes into it, so it must be
     * known before the first line is logged.
     */
    public static Path dataDirectory() {
        return Path.of(setting(HOME, new Properties(), defaultDataDir().toString()));
    }

    /** da, nb (also for no and nn) or en. */
    public static Locale supported(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "da" -> Locale.forLanguageTag("da");
            case "nb", "no", "nn" -> Locale.forLanguageTag("nb");
            default -> Locale.ENGLISH;
        };
    }

    private static String setting(String key, Properties file, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("CardDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/CardDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("carddesk");
    }
}
