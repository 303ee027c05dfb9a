package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The central register words every problem the domain or its own checks can raise, and its mails in each language. */
class CentralTextsTest {

    private static final Pattern KEY = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9]+)+\\.?)\"");
    private static final Pattern PROBLEM = Pattern.compile("Problem\\.of\\(\"([^\"]+)\"");

    @Test
    void everyProblemKeyHasAnEnglishText() throws IOException {
        Set<String> keys = new TreeSet<>();
        collect(Path.of("../domain/src/main/java"), KEY, keys);
        collect(Path.of("src/main/java"), PROBLEM, keys);
        assertThat(keys).as("problem keys found in the sources").hasSizeGreaterThan(40);

        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            boolean worded = key.endsWith(".")
                    ? CentralTexts.ENGLISH.keys().stream().anyMatch(k -> k.startsWith(key))
                    : CentralTexts.ENGLISH.has(key);
            if (!worded) {
                missing.add(key);
            }
        }
        assertThat(missing).as("problem keys without a text in the central register's texts.properties").isEmpty();
    }

    @Test
    void aProblemIsASentenceWithItsValues() {
        assertThat(CentralTexts.ENGLISH.text(Problem.of("card.wrongLength", "40", 7, 5)))
                .isEqualTo("A card number starting with “40” has 7 digits after it; this one has 5. Scan the card again or check the number.");
    }

    @Test
    void mailsAreWordedInDanishNorwegianAndEnglish() {
        for (String tag : new String[] {"da", "nb", "en"}) {
            CentralTexts texts = CentralTexts.forLanguage(tag);
            assertThat(texts.locale().getLanguage()).isEqualTo(tag.equals("en") ? "" : tag);
            for (String key : new String[] {"pinmail.subject", "pinmail.body", "retention.notice.subject",
                    "retention.notice.body"}) {
                assertThat(texts.get(key, "A", "B", 3, "D")).as("%s in %s", key, tag).isNotEqualTo(key);
            }
        }
        assertThat(CentralTexts.forLanguage("da").get("pinmail.subject", "Aarhus"))
                .isNotEqualTo(CentralTexts.forLanguage("nb").get("pinmail.subject", "Aarhus"))
                .isNotEqualTo(CentralTexts.ENGLISH.get("pinmail.subject", "Aarhus"));
        assertThat(CentralTexts.forLanguage(null).locale()).isEqualTo(Locale.ROOT);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    // Names of the products' system properties (carddesk.…) look like keys and are none.
                    if (!m.group(1).startsWith("carddesk.")) {
                        into.add(m.group(1));
                    }
                }
            }
        }
    }
}
