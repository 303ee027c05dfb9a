package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands as typed: a mistyped one or wrong arguments start and change nothing. */
class CentralMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return CentralMain.command(args, Map.of("CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + dir.resolve("central"),
                        "CARDDESK_AUDIT_KEPT_MONTHS", args.length > 1 && args[1].equals("--dry-run") ? "sixty" : "60"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandThereIsNoneOfIsRefusedWithTheListAndOpensNothing() throws Exception {
        assertThat(run("serve")).isEqualTo(2);
        assertThat(said()).contains("There is no command 'serve'. Nothing was started or changed.", "audit-verify",
                "retention [--dry-run]", "config import", "Exit codes");
        assertThat(Files.exists(dir.resolve("central.mv.db"))).as("no register made").isFalse();
    }

    @Test
    void helpListsEveryCommandAndWhatItsExitCodesSay() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(said()).contains("(no command)", "retention [--dry-run]", "audit-verify", "reactivate-admin",
                "config import", "add-admin", "enrolment-code", "4 the register could not be opened");
    }

    @Test
    void wrongArgumentsOrSettingsAreRefusedBeforeTheRegisterIsOpened() throws Exception {
        assertThat(run("retention", "--now")).isEqualTo(2);
        assertThat(run("reactivate-admin", "karen.bach")).isEqualTo(2);
        assertThat(run("retention", "--dry-run")).isEqualTo(2);
        assertThat(said()).contains("Nothing was done: CARDDESK_AUDIT_KEPT_MONTHS must be a whole number");
        assertThat(Files.exists(dir.resolve("central.mv.db"))).as("no register made").isFalse();
    }
}
