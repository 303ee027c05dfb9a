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
 */
public record DeskConfig(Path dataDir, String profile, Locale language) {

    public static final String HOME = "carddesk.home";
    public static final String PROFILE = "carddesk.profile";
    public static final String LANGUAGE = "carddesk.language";

    public static DeskConfig load() {
        Path dataDir = Path.of(setting(HOME, new Properties(), defaultDataDir().toString()));
        Properties file = new Properties();
        Path props = dataDir.resolve("carddesk.properties");
        if (Files.isRegularFile(props)) {
            try (InputStream in = Files.newInputStream(props)) {
                file.load(in);
            } catch (IOException e) {
                // An unreadable settings file falls back to the defaults; the desk still starts.
            }
        }
        return new DeskConfig(dataDir, setting(PROFILE, file, "DEMO-DK"),
                supported(setting(LANGUAGE, file, Locale.getDefault().getLanguage())));
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
