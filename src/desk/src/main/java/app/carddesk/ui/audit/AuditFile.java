package app.carddesk.ui.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Audit entries saved as a CSV file (RFC 4180) that spreadsheets open as they are: UTF-8 with a
 * byte-order mark (so that Excel reads "Sofie Kjær" as written), every field quoted, lines ended
 * with CR LF. The file is readable by its owner only, as the desk's own files are, and appears
 * whole or not at all.
 */
public final class AuditFile {

    private AuditFile() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // Made in the chosen folder, readable by its owner only (a temporary file is made so on POSIX), then
        // moved over the name chosen: a crash or a full disk leaves no half file under it.
        Path part = Files.createTempFile(folder, ".carddesk-audit", ".csv.part");
        try {
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                line(out, header);
                for (List<String> row : rows) {
                    line(out, row);
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * One field, quoted, its quotes doubled. A field a spreadsheet would take for a formula (it starts
     * with =, +, -, @ or a tab) gets an apostrophe first, so that the file only ever shows text.
     */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
