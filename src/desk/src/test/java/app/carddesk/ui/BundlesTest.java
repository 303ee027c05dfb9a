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
        Set<String> english = new TreeSet<>(load("").stringPropertyNames());
        english.removeIf(k -> k.contains("@"));
        Set<String> other = new TreeSet<>(load(suffix).stringPropertyNames());
        other.removeIf(k -> k.contains("@"));
        assertThat(other).as("keys in %s", suffix).isEqualTo(english);
    }

    /** Texts about one country's numbers, or naming both countries' numbers, need no variant for the other. */
    private static final List<String> ONE_COUNTRY_OR_BOTH = List.of("identity.cpr.", "identity.fnr.", "identityKind.",
            "activate.", "reregister.", "patron.replacementNumber", "identity.length", "convert.notAllowed");

    @ParameterizedTest
    @ValueSource(strings = {"_da:NO:CPR|sundhedskort|CPR-registret", "_nb:DK:fødselsnummer|Folkeregisteret|D-nummer|ID-nummer",
        ":NO:CPR|health card", ":DK:fødselsnummer|Folkeregisteret|D-number"})
    void aTextNamingThisLanguagesNationalIdHasTheOtherCountrysVariant(String spec) throws IOException {
        String[] part = spec.split(":");
        Properties texts = load(part[0]);
        Pattern term = Pattern.compile(part[2], Pattern.CASE_INSENSITIVE);
        Set<String> missing = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            if (!key.contains("@") && term.matcher(texts.getProperty(key)).find()
                    && ONE_COUNTRY_OR_BOTH.stream().noneMatch(key::startsWith)
                    && !texts.containsKey(key + "@" + part[1])) {
                missing.add(key);
            }
        }
        assertThat(missing).as("texts in messages%s a library in %s would read with the wrong country's terms",
                part[0], part[1]).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_da:NO", "_nb:DK", ":DK|NO"})
    void aCountryVariantKeepsItsTextsPlaceholdersAndShortcut(String spec) throws IOException {
        String[] part = spec.split(":");
        Properties texts = load(part[0]);
        Pattern placeholder = Pattern.compile("\\{\\d+[^}]*}");
        Set<String> variants = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            if (!key.contains("@")) {
                continue;
            }
            variants.add(key);
            String base = key.substring(0, key.indexOf('@'));
            assertThat(key.substring(key.indexOf('@') + 1)).as(key).isIn((Object[]) part[1].split("\\|"));
            assertThat(texts.getProperty(base)).as("the text %s is a variant of", key).isNotNull();
            assertThat(all(placeholder.matcher(texts.getProperty(key)))).as(key)
                    .isEqualTo(all(placeholder.matcher(texts.getProperty(base))));
            assertThat(shortcut(texts.getProperty(key))).as("Alt shortcut of %s", key)
                    .isEqualTo(shortcut(texts.getProperty(base)));
        }
        assertThat(variants).isNotEmpty();
    }

    private static Set<String> all(Matcher m) {
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String shortcut(String text) {
        int at = text.indexOf('_');
        return at < 0 || at + 1 >= text.length() ? "" : text.substring(at + 1, at + 2).toLowerCase(Locale.ROOT);
    }

    @Test
    void aCountIsWrittenAsOneOrMany() {
        Messages english = Messages.forLocale(Locale.ENGLISH, app.carddesk.domain.Country.DK);
        assertThat(english.get("signin.idleLocked", 1)).startsWith("The desk locked itself after one minute without");
        assertThat(english.get("signin.idleLocked", 5)).startsWith("The desk locked itself after 5 minutes without");
        assertThat(Messages.forLocale(Locale.forLanguageTag("da"), app.carddesk.domain.Country.DK)
                .get("signin.idleLocked", 1)).contains("efter ét minut uden");
        assertThat(Messages.forLocale(Locale.forLanguageTag("nb"), app.carddesk.domain.Country.NO)
                .get("signin.idleLocked", 1)).contains("etter ett minutt uten");
        assertThat(english.get("pinMail.WAITING", "03.12.2026 20:22", 2, "20:40"))
                .contains("(2 tries); the next try is at 20:40");
    }

    @Test
    void aLibrarysCountryChoosesTheTermsForTheNationalId() {
        Locale danish = Locale.forLanguageTag("da");
        Locale norwegian = Locale.forLanguageTag("nb");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.DK).get("identity.without"))
                .isEqualTo("_Uden CPR-nummer");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.NO).get("identity.without"))
                .isEqualTo("_Uden fødselsnummer");
        assertThat(Messages.forLocale(norwegian, app.carddesk.domain.Country.DK).get("convert.done"))
                .isEqualTo("CPR-nummeret er registrert.");
        assertThat(Messages.forLocale(norwegian, app.carddesk.domain.Country.NO).get("convert.done"))
                .isEqualTo("ID-nummeret er registrert.");
        // A text with no variant is the language's own; a key nowhere stays the key.
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.NO).get("flow.next")).isEqualTo("_Næste");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.NO).get("no.such.key")).isEqualTo("no.such.key");
        // The field under "With a CPR number" asks for a CPR number, in English too.
        assertThat(Messages.forLocale(Locale.ENGLISH, app.carddesk.domain.Country.NO).get("identity.placeholder"))
                .isEqualTo("Fødselsnummer or D-number");
        assertThat(Messages.forLocale(Locale.ENGLISH, app.carddesk.domain.Country.DK).get("identity.placeholder"))
                .isEqualTo("CPR number");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.DK).get("identity.placeholder"))
                .isEqualTo("CPR-nummer");
        assertThat(Messages.forLocale(norwegian, app.carddesk.domain.Country.NO).get("identity.placeholder"))
                .isEqualTo("Fødselsnummer eller D-nummer");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.NO).locale()).isEqualTo(danish);
        assertThat(Messages.forLocale(Locale.ENGLISH, app.carddesk.domain.Country.NO).get("identity.with"))
                .isEqualTo("With a fødselsnummer or D-number");
        assertThat(Messages.forLocale(Locale.ENGLISH, app.carddesk.domain.Country.DK).get("identity.with"))
                .isEqualTo("With a CPR number");
        // A variant only the English texts have does not turn a Danish or Norwegian text English.
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.DK).get("identity.with"))
                .isEqualTo("Med CPR-nummer");
        assertThat(Messages.forLocale(norwegian, app.carddesk.domain.Country.NO).get("identity.with"))
                .isEqualTo("Med fødselsnummer eller D-nummer");
        assertThat(Messages.forLocale(danish, app.carddesk.domain.Country.NO).get("identity.with"))
                .isEqualTo("Med fødselsnummer eller D-nummer");
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
            // A country's variant is used wherever its text is.
            String text = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
            boolean used = literals.contains(text) || fxmlKeys.contains(text)
                    || literals.stream().anyMatch(l -> l.endsWith(".") && text.startsWith(l));
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

    @Test
    void theCentralRegistersOwnWorkIsNamedInTheAudit() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        for (app.carddesk.api.CentralActor actor : app.carddesk.api.CentralActor.values()) {
            assertThat(keys).as(actor.stored()).contains("audit.actor." + actor.name());
        }
        assertThat(app.carddesk.api.CentralActor.of("mail sender")).contains(app.carddesk.api.CentralActor.MAIL_SENDER);
        assertThat(app.carddesk.api.CentralActor.of("Front desk 1")).isEmpty();
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
