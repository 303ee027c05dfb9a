package app.carddesk.ui;

import app.carddesk.text.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every visible word exists in Danish, Norwegian Bokmål and English, and every text is used. */
class BundlesTest {

    private static final List<String> LANGUAGES = List.of("", "_da", "_nb");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)*\\.?)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9.]+)\"");

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/app/carddesk/ui/messages" + suffix
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_da", "_nb"})
    void everyLanguageHasEveryKey(String suffix) throws IOException {
        Set<String> english = load("").stringPropertyNames();
        Set<String> other = load(suffix).stringPropertyNames();
        assertThat(new TreeSet<>(other)).as("keys in %s", suffix).isEqualTo(new TreeSet<>(english));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_da", "_nb"})
    void noKeyIsDefinedTwice(String suffix) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/app/carddesk/ui/messages" + suffix
                + ".properties")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && eq > 0 && !seen.add(line.substring(0, eq).trim())) {
                    twice.add(line.substring(0, eq).trim());
                }
            }
        }
        assertThat(twice).as("keys defined twice in messages%s (the last one silently wins)", suffix).isEmpty();
    }

    @Test
    void everyTextIsUsedAndEveryUsedKeyExists() throws IOException {
        Set<String> literals = new HashSet<>();
        Set<String> fxmlKeys = new HashSet<>();
        // The desk's own sources and the domain's, whose problem keys the desk puts into words.
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("../domain/src/main")))) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml")).toList()) {
                String text = Files.readString(f);
                if (f.toString().endsWith(".java")) {
                    collect(JAVA_LITERAL.matcher(text), literals);
                } else if (f.toString().endsWith(".fxml")) {
                    collect(FXML_KEY.matcher(text), fxmlKeys);
                }
            }
        }
        Set<String> keys = load("").stringPropertyNames();
        Set<String> unused = new TreeSet<>();
        for (String key : keys) {
            boolean used = literals.contains(key) || fxmlKeys.contains(key)
                    || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("texts no screen uses").isEmpty();
        assertThat(new TreeSet<>(fxmlKeys)).as("keys the views ask for").isSubsetOf(keys);
    }

    @Test
    void problemsFromTheDomainHaveTexts() {
        Messages en = Messages.forLocale(Locale.ENGLISH);
        for (String key : List.of("card.empty", "identity.cpr.modulus11", "pin.weak.birthday", "expiry.tooLate",
                "date.noSuchDay", "details.required.surname")) {
            assertThat(en.get(key)).isNotEqualTo(key);
        }
        assertThat(Messages.forLocale(Locale.forLanguageTag("da")).get("flow.next")).isEqualTo("_Næste");
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
