package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands as typed: a mistyped one or wrong arguments start and change nothing. */
class CentralMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The settings of a central on an H2 file in the test's folder, with {@code more} on top. */
    private Map<String, String> settings(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + dir.resolve("central")));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private int run(Map<String, String> env, String... args) throws Exception {
        return CentralMain.command(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private boolean registerMade() {
        return Files.exists(dir.resolve("central.mv.db"));
    }

    @Test
    void aLogFolderTheServiceMakesIsItsOwnersOnlyAndOneITMadeKeepsItsRights() throws Exception {
        String before = System.getProperty("carddesk.logDir");
        try {
            Path made = dir.resolve("made/logs");
            CentralMain.prepareLog(Map.of("CARDDESK_CENTRAL_LOG_DIR", made.toString()));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
                    .isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    made.resolve("carddesk-central.log")))).isEqualTo("rw-------");
            Path given = Files.createDirectories(dir.resolve("given"));
            Files.setPosixFilePermissions(given, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
            CentralMain.prepareLog(Map.of("CARDDESK_CENTRAL_LOG_DIR", given.toString()));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(given)))
                    .isEqualTo("rwxr-x---");
        } finally {
            if (before == null) {
                System.clearProperty("carddesk.logDir");
            } else {
                System.setProperty("carddesk.logDir", before);
            }
        }
    }

    @Test
    void aCommandThereIsNoneOfIsRefusedWithTheListAndOpensNothing() throws Exception {
        assertThat(run(settings(), "serve")).isEqualTo(2);
        assertThat(said()).contains("There is no command 'serve'. Nothing was started or changed.", "audit-verify",
                "retention [--dry-run]", "config import", "Exit codes");
        assertThat(registerMade()).as("no register made").isFalse();
    }

    @Test
    void helpListsEveryCommandAndWhatItsExitCodesSay() throws Exception {
        assertThat(run(settings(), "--help")).isZero();
        assertThat(said()).contains("(no command)", "retention [--dry-run]", "audit-verify", "reactivate-admin",
                "config import", "add-admin", "enrolment-code", "4 the register could not be opened",
                "5 the command failed on");
    }

    @Test
    void wrongArgumentsOrSettingsAreRefusedBeforeTheRegisterIsOpened() throws Exception {
        assertThat(run(settings(), "retention", "--now")).isEqualTo(2);
        assertThat(run(settings(), "reactivate-admin", "karen.bach")).isEqualTo(2);
        assertThat(run(settings("CARDDESK_AUDIT_KEPT_MONTHS", "sixty"), "retention", "--dry-run")).isEqualTo(2);
        assertThat(said()).contains("Nothing was done: CARDDESK_AUDIT_KEPT_MONTHS must be a whole number");
        assertThat(registerMade()).as("no register made").isFalse();
    }

    @Test
    void anExampleOrACheckOfAFileNeedsNoRegisterAndWorksBesideARunningService() throws Exception {
        assertThat(run(settings(), "config", "example", "DK")).isZero();
        Path file = dir.resolve("example.json");
        Files.writeString(file, out.toString(StandardCharsets.UTF_8));
        assertThat(run(settings(), "config", "check", file.toString(), "999012345")).as(said()).isZero();
        assertThat(said()).contains("configures MY-LIBRARY", "999012345: a blank card of MY-LIBRARY.");
        // A Norwegian library's: cards N and nine digits, children under the guardian age, adults from it.
        out.reset();
        assertThat(run(settings(), "config", "example", "NO")).isZero();
        String norwegian = out.toString(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode example = app.carddesk.api.Json.mapper().readTree(norwegian);
        assertThat(example.at("/categories/0/minAge").asInt()).isEqualTo(example.get("guardianAge").asInt());
        assertThat(example.at("/categories/1/maxAge").asInt()).isEqualTo(example.get("guardianAge").asInt() - 1);
        Files.writeString(file, norwegian);
        assertThat(run(settings(), "config", "check", file.toString(), "N000012345")).as(said()).isZero();
        assertThat(said()).contains("N000012345: a blank card of MY-LIBRARY.");
        assertThat(registerMade()).as("no register made or opened").isFalse();
    }
}
