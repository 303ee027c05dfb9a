package app.carddesk.store;

import app.carddesk.staff.WorkstationEnrolment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/**
 * The desk's settings file, {@code carddesk.properties} in its data folder: values written here
 * keep the ones already there, and the file (which holds the workstation's credential) is
 * readable by its owner only. Written to a new file first and moved into place, so a crash
 * leaves the old file or the new one, never half of one.
 */
public final class SettingsFile implements WorkstationEnrolment.Settings {

    private final Path file;

    public SettingsFile(Path dataDir) {
        this.file = dataDir.resolve("carddesk.properties");
    }

    @Override
    public void save(Map<String, String> values) {
        Properties p = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            }
            p.putAll(values);
            Path next = file.resolveSibling(file.getFileName() + ".new");
            try (OutputStream out = Files.newOutputStream(next)) {
                p.store(out, "CardDesk settings");
            }
            DataFolder.ownerOnly(next);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
