package app.carddesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit saved as a file a spreadsheet opens as written, that shows only text, and that its owner alone reads. */
class AuditFileTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldIsQuotedInUtf8WithAByteOrderMarkAndLinesEndInCrLf() throws Exception {
        Path file = dir.resolve("audit.csv");
        AuditFile.write(file, List.of("Hvornår", "Hvem"), List.of(List.of("2026-12-04T09:15:02+01:00", "sofie.kjær"),
                List.of("says \"hi\", twice", "line\nbreak")));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"Hvornår\",\"Hvem\"\r\n"
                + "\"2026-12-04T09:15:02+01:00\",\"sofie.kjær\"\r\n"
                + "\"says \"\"hi\"\", twice\",\"line\nbreak\"\r\n");
    }

    @Test
    void aFieldASpreadsheetWouldTakeForAFormulaStaysText() {
        assertThat(AuditFile.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditFile.field("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditFile.field("-1")).isEqualTo("\"'-1\"");
        assertThat(AuditFile.field("@sum")).isEqualTo("\"'@sum\"");
        assertThat(AuditFile.field("kind=NONE")).isEqualTo("\"kind=NONE\"");
        assertThat(AuditFile.field(null)).isEqualTo("\"\"");
    }

    @Test
    void theFileIsItsOwnersOnlyAndReplacesAnOlderOneWhole() throws Exception {
        Path file = dir.resolve("audit.csv");
        Files.writeString(file, "an older file");
        AuditFile.write(file, List.of("a"), List.of(List.of("b")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("\uFEFF\"a\"\r\n\"b\"\r\n");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no part file left behind").containsExactly(file);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenToIsSaidAndLeavesNothing() throws Exception {
        Path missing = dir.resolve("no such folder").resolve("audit.csv");
        assertThatThrownBy(() -> AuditFile.write(missing, List.of("a"), List.of()))
                .isInstanceOf(java.io.IOException.class);
        assertThat(Files.exists(missing.getParent())).isFalse();
    }
}
