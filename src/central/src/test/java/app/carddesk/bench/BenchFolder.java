package app.carddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's data folder in the temporary folder: its registers take up to gigabytes, so it is
 * removed when the benchmark is done with it, and at the latest when the benchmark's JVM ends,
 * however it ends (a check that fails exits at once).
 */
public final class BenchFolder implements AutoCloseable {

    private final Path path;
    private final Thread atExit;

    private BenchFolder(Path path) {
        this.path = path;
        this.atExit = new Thread(this::delete, "remove " + path.getFileName());
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    public static BenchFolder create(String prefix) {
        try {
            return new BenchFolder(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Removes the folder; call it after every register in it was closed. */
    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending: the hook runs anyway, and finds nothing left
        }
    }

    private void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.printf("the benchmark's folder %s could not be removed (%s): remove it by hand%n", path, e);
        }
    }
}
