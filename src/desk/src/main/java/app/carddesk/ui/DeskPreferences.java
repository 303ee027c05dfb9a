package app.carddesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk remembers for the person at this workstation between starts: the language, the
 * folder letters were last saved in, and where the window was. Kept in {@code preferences.properties}
 * in the data folder, readable by its owner only; a broken file is ignored, never fatal.
 */
public final class DeskPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPreferences.class);
    public static final String FILE = "preferences.properties";

    private final Path file;
    private final Properties values = new Properties();

    private DeskPreferences(Path file) {
        this.file = file;
    }

    public static DeskPreferences in(Path dataDir) {
        DeskPreferences p = new DeskPreferences(dataDir.resolve(FILE));
        if (Files.isRegularFile(p.file)) {
            try (InputStream in = Files.newInputStream(p.file)) {
                p.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Preferences could not be read; the defaults apply ({})", e.getClass().getSimpleName());
            }
        }
        return p;
    }

    /** The desk's language, starting at {@code start}; the one chosen is the language of the next start too. */
    public static javafx.beans.property.ObjectProperty<java.util.Locale> language(Path dataDir,
                                                                                 java.util.Locale start) {
        javafx.beans.property.ObjectProperty<java.util.Locale> locale =
                new javafx.beans.property.SimpleObjectProperty<>(start);
        DeskPreferences preferences = in(dataDir);
        locale.addListener((obs, old, l) -> preferences.put("language", l.getLanguage()));
        return locale;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(s -> !s.isBlank());
    }

    public Optional<Double> number(String key) {
        try {
            return get(key).map(Double::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Remembers a value at once (written to a temporary file, then moved over the old one). */
    public synchronized void put(String key, String value) {
        // What another part of the desk remembered meanwhile (through its own instance) is kept.
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Properties now = new Properties();
                now.load(in);
                values.putAll(now);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Preferences could not be read; the defaults apply ({})", e.getClass().getSimpleName());
            }
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "CardDesk: what this workstation remembers");
            }
            ownerOnly(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Preferences could not be saved ({})", e.getClass().getSimpleName());
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }

    /** The folder a save dialog starts in: the last one used (while files can still be made there), else documents. */
    public java.io.File startFolder() {
        Optional<Path> last = get("lastFolder").map(Path::of).filter(DeskPreferences::takesFiles);
        if (last.isPresent()) {
            return last.get().toFile();
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return (Files.isDirectory(documents) ? documents : home).toFile();
    }

    /** The folder of a file staff chose to save, for the next dialog; not one where no file can be made. */
    public void rememberFolder(java.io.File chosen) {
        if (chosen != null && chosen.getParentFile() != null && takesFiles(chosen.getParentFile().toPath())) {
            put("lastFolder", chosen.getParentFile().getAbsolutePath());
        }
    }

    /** Whether a file can be made in {@code folder}, tried (its permissions do not tell, for root or on /proc). */
    private static boolean takesFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            Files.delete(Files.createTempFile(folder, ".carddesk-", ".probe"));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
