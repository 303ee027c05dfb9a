package app.carddesk.central;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A central register on H2 as the real migrations leave it, for tests that start a central: the first
 * one in a test JVM migrates a register (and loads the demo libraries, for a demo central) and keeps
 * its file; each later one starts on a copy. Migrating from nothing and loading the demo libraries
 * was a quarter of the central tests' time. The register's user is the central's default one. The central still runs Flyway at each start, which finds
 * the register current; the migrations from nothing are what the first test of each JVM runs.
 */
public final class MigratedH2 {

    private static Path plain;
    private static Path demo;

    private MigratedH2() {
    }

    /**
     * The JDBC URL of a register at {@code file} (H2's file name without {@code .mv.db}), migrated,
     * with the demo libraries when {@code demoLibraries}; an existing register there is left as it is.
     */
    public static String url(Path file, boolean demoLibraries) {
        Path target = file.resolveSibling(file.getFileName() + ".mv.db");
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(template(demoLibraries), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    private static synchronized Path template(boolean demoLibraries) throws IOException {
        Path made = demoLibraries ? demo : plain;
        if (made == null) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "carddesk-central-template");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("central");
            try (CentralDatabase db = CentralDatabase.open("jdbc:h2:file:" + file.toAbsolutePath(), "carddesk", "")) {
                if (demoLibraries) {
                    db.loadDemoData();
                }
            }
            made = file.resolveSibling("central.mv.db");
            made.toFile().deleteOnExit();
            if (demoLibraries) {
                demo = made;
            } else {
                plain = made;
            }
        }
        return made;
    }
}
