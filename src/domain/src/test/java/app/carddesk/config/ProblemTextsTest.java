package app.carddesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.LibraryConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every problem a configuration can have is said in English, Danish and Norwegian, and every text is used. */
class ProblemTextsTest {

    /** A problem made with its field and key, directly or through the file reader's {@code refused}. */
    private static final Pattern USE = Pattern.compile("(?:Problem\\.of|(?<![.\\w])refused)\\(\\s*[^,;]+,\\s*\"([A-Za-z.]+)\"");
    /** Keys made of a prefix and a kind of value, as the file reader names them. */
    private static final Set<String> KINDS = Set.of("value", "oneOf", "number", "boolean", "time", "list", "text",
            "object");

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemTextsTest.class.getResourceAsStream("/app/carddesk/domain/problems" + suffix
                + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_da", "_nb"})
    void everyLanguageHasEveryText(String suffix) throws IOException {
        assertThat(new TreeSet<>(load(suffix).stringPropertyNames()))
                .isEqualTo(new TreeSet<>(load("").stringPropertyNames()));
    }

    @Test
    void everyKeyUsedHasATextAndEveryTextIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String kind : KINDS) {
            used.add("not." + kind);
            used.add("valueNot." + kind);
        }
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("../desk/src/main/java")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    // "not." + a kind of value: the kinds are added above.
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isEqualTo(new TreeSet<>(load("").stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "nb"})
    void everyTextCanBeFilledIn(String language) throws IOException {
        for (String key : load("").stringPropertyNames()) {
            String said = LibraryConfiguration.Problem.of("x", key, "A", "B", "C").reason(Locale.forLanguageTag(
                    language));
            assertThat(said).as(key).doesNotContainPattern("\\{[0-9]").isNotBlank();
        }
    }
}
