package app.carddesk.store;

import app.carddesk.staff.RegisterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads a closed register file as a person with its key could: a decrypted copy, the file itself untouched. */
final class RegisterFiles {

    private RegisterFiles() {
    }

    /** How often {@code text} occurs in the bytes of {@code file} as they are on disk. */
    static int occurrences(Path file, String text) throws Exception {
        return count(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), text);
    }

    /** How often {@code text} occurs in the decrypted content of the closed register {@code name}. */
    static int occurrencesDecrypted(Path folder, String name, RegisterKey key, String text) throws Exception {
        Path copy = Files.createTempDirectory("register-copy");
        try {
            Files.copy(folder.resolve(name + ".mv.db"), copy.resolve(name + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
            org.h2.tools.ChangeFileEncryption.execute(copy.toString(), name, "AES", key.filePassword(), null, true);
            return occurrences(copy.resolve(name + ".mv.db"), text);
        } finally {
            try (var files = Files.list(copy)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(copy);
        }
    }

    private static int count(String content, String text) {
        int n = 0;
        for (int i = content.indexOf(text); i >= 0; i = content.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }
}
