package app.carddesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's log goes into its data folder, for its owner only, and nowhere else — checked in a
 * JVM of its own, since where logging writes is fixed by the first line logged.
 */
class LogLocationIT {

    @TempDir
    Path dir;

    /** What the desk does at start, up to its first lines: prepare the log, read the settings, log. */
    public static void main(String[] args) {
        Launcher.prepareLogging();
        app.carddesk.ui.DeskConfig.load();
        org.slf4j.LoggerFactory.getLogger(LogLocationIT.class).info("started for the log location check");
    }

    @Test
    void theDesksLogIsWrittenInItsDataFolderForItsOwnerOnly() throws Exception {
        Path folder = dir.resolve("desk");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived, as the test JVMs are: the quick compiler only (the build's argLine).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dcarddesk.home=" + folder,
                "-Djava.io.tmpdir=" + tmp, "-Dlogback.configurationFile=logback.xml", LogLocationIT.class.getName()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path log = folder.resolve("carddesk.log");
        assertThat(Files.readString(log)).contains("started for the log location check");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        try (var left = Files.list(tmp)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).as("nothing in the temporary folder")
                    .noneMatch(name -> name.startsWith("carddesk"));
        }
    }
}
