package app.carddesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The desk's data folder holds every patron's data: it and the files in it are readable by their
 * owner only (on Windows the user's own profile folder is private already).
 */
public final class DataFolder {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder if needed, for its owner only, and the log file the same way before anything logs. */
    public static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            restrict(folder, OWNER_DIR);
            Path log = folder.resolve("carddesk.log");
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            restrict(log, OWNER_FILE);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the files the desk keeps in the folder (register, log, settings) its owner's only. */
    public static void restrictFiles(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                restrict(f, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file for its owner only (a settings file with the workstation's credential). */
    static void ownerOnly(Path file) throws IOException {
        restrict(file, OWNER_FILE);
    }

    private static void restrict(Path p, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(p, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system.
        }
    }
}
