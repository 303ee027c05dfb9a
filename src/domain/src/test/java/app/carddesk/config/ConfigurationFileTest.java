package app.carddesk.config;

import app.carddesk.domain.LibraryConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"DEMO-DK", "DEMO-NO", "DEMO-NO-BGO"})
    void aDemoLibrarysFileReadsAndWritesBackToTheSameConfiguration(String code) {
        LibraryConfiguration demo = ConfigurationFile.bundled("/app/carddesk/config/demo/" + code + ".json");

        ConfigurationFile.Read again = ConfigurationFile.read(ConfigurationFile.write(demo));

        assertThat(again.problems()).isEmpty();
        assertThat(again.configuration()).isEqualTo(demo);
        assertThat(demo.code()).isEqualTo(code);
        assertThat(demo.testProfile()).isTrue();
    }

    @Test
    void aFieldThatIsNotPartOfTheConfigurationIsNamedWithItsPath() throws Exception {
        ObjectNode file = demo();
        ((ObjectNode) file.withArray("categories").get(1)).put("colour", "blue");

        assertThat(problems(file)).map(Object::toString).containsExactly("categories[1].colour: "
                + "Not a field of a library configuration; see the schema for the fields.");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatTheFieldHolds() throws Exception {
        ObjectNode file = demo();
        ((ObjectNode) file.withArray("cardSeries").get(0)).put("checkDigit", "SOMETIMES");
        assertThat(problems(file)).map(Object::toString).containsExactly(
                "cardSeries[0].checkDigit: \"SOMETIMES\" is not one of NONE, LUHN, MOD11.");

        file = demo();
        file.put("guardianAge", "eighteen");
        assertThat(problems(file)).map(Object::toString).containsExactly(
                "guardianAge: \"eighteen\" is not a whole number.");
        assertThat(problems(file).get(0).reason(java.util.Locale.forLanguageTag("da")))
                .isEqualTo("\"eighteen\" er ikke et helt tal.");
    }

    @Test
    void everyUnusableFieldIsNamedAtOnceWithTheRulesBrokenBesideThem() throws Exception {
        ObjectNode file = demo();
        file.put("favouriteColour", "blue");
        ((ObjectNode) file.withArray("categories").get(0)).put("colour", "red");
        ((ObjectNode) file.withArray("cardSeries").get(0)).put("digits", "five");
        file.put("guardianAge", "eighteen");
        file.putObject("languages").put("da", true);
        ((ObjectNode) file.withArray("categories").get(1)).put("minAge", 30).put("maxAge", 20);

        assertThat(problems(file)).map(Object::toString).containsExactlyInAnyOrder(
                "favouriteColour: Not a field of a library configuration; see the schema for the fields.",
                "categories[0].colour: Not a field of a library configuration; see the schema for the fields.",
                "cardSeries[0].digits: \"five\" is not a whole number.",
                "guardianAge: \"eighteen\" is not a whole number.",
                "languages: Not a list [ ... ].",
                "categories[1].maxAge: At least the lowest age, 30.");
    }

    @Test
    void anEmptyOrWrongEntryInTheLanguagesIsNamedNotFailedOn() throws Exception {
        ObjectNode file = demo();
        file.putArray("languages").add("da").addNull().add(JSON.createObjectNode());

        assertThat(problems(file)).map(Object::toString).containsExactly(
                "languages[2]: Not text in quotes.", "languages[1]: One of da, nb and en.");
    }

    @Test
    void textThatIsNotJsonSaysWhere() {
        ConfigurationFile.Read read = ConfigurationFile.read("{\n \"format\": 1,\n \"code\" \"X\"\n}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.ok()).isFalse();
        assertThat(read.configuration()).isNull();
        assertThat(read.problems().get(0).reason()).startsWith("Not JSON at line 3, column 9: look for a missing "
                + "comma");
    }

    @Test
    void everyRuleBrokenIsListedWithItsFieldAndNoConfigurationComesOut() throws Exception {
        ObjectNode file = demo();
        file.put("code", "kb dk");
        file.put("homeLibrary", "NOWHERE");
        file.remove("reportNamesStaff");
        ArrayNode series = file.withArray("cardSeries");
        series.addObject().put("prefix", "40").put("digits", 7).put("from", 9_900_000).put("to", 9_999_999)
                .put("checkDigit", "NONE");
        series.addObject().put("prefix", "4099").put("digits", 5).put("from", 5).put("to", 4).put("checkDigit", "NONE");
        ObjectNode child = (ObjectNode) file.withArray("categories").get(0);
        child.put("minAge", 18).put("maxAge", 12);
        ((ObjectNode) file.withArray("categories").get(1)).put("code", "STUDENT");
        ((ObjectNode) file.withArray("loanRules").get(0).get("text")).remove("en");
        ((ObjectNode) file.withArray("pickupLibraries").get(2)).put("name", "x".repeat(201));

        ConfigurationFile.Read read = ConfigurationFile.read(JSON.writeValueAsBytes(file));

        assertThat(read.configuration()).isNull();
        assertThat(read.problems()).extracting(LibraryConfiguration.Problem::field).containsExactly("code",
                "pickupLibraries[2].name", "homeLibrary", "cardSeries[1]", "cardSeries[2]", "categories[0].maxAge",
                "categories[1].code", "loanRules[0].text.en", "reportNamesStaff");
        assertThat(read.problems()).map(Object::toString).contains(
                "cardSeries[1]: This range overlaps another series of the library.",
                "categories[0].maxAge: At least the lowest age, 18.",
                "pickupLibraries[2].name: At most 200 characters (201 given).");
        assertThat(read.problems()).map(p -> p.reason(new java.util.Locale("nb"))).contains(
                "Dette intervallet overlapper en annen av bibliotekets serier.", "Minst den laveste alderen, 18.");
    }

    @Test
    void aNumberTooLongToReadIsRefusedLikeAnyOtherBrokenFile() {
        ConfigurationFile.Read read = ConfigurationFile.read(("{\"a\":" + "1".repeat(3000) + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.configuration()).isNull();
        assertThat(read.problems()).extracting(LibraryConfiguration.Problem::field).containsExactly("(file)");
    }

    @Test
    void anEmptyOrHugeFileIsRefusedAsAWhole() {
        assertThat(ConfigurationFile.read(new byte[0]).problems()).hasSize(1);
        assertThat(ConfigurationFile.read("null".getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(LibraryConfiguration.Problem::field).containsExactly("(file)");
        assertThat(ConfigurationFile.read(new byte[ConfigurationFile.MAX_BYTES + 1]).problems().get(0).reason())
                .startsWith("The file is larger than");
    }

    /** The published schema names exactly the fields the configuration has, at every level. */
    @Test
    void thePublishedSchemaDescribesTheFieldsOfTheConfiguration() throws Exception {
        JsonNode schema;
        try (InputStream in = ConfigurationFile.class.getResourceAsStream(ConfigurationFile.SCHEMA)) {
            schema = JSON.readTree(in);
        }
        assertSameFields(schema, schema, LibraryConfiguration.class, "");
    }

    private static void assertSameFields(JsonNode root, JsonNode node, Class<?> type, String at) {
        if (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        if (node.has("items")) {
            node = node.get("items");
        }
        if (!type.isRecord()) {
            return;
        }
        Set<String> inSchema = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(inSchema::add);
        Set<String> inRecord = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inSchema).as("fields of %s", at.isEmpty() ? "the configuration" : at).isEqualTo(inRecord);
        for (RecordComponent c : type.getRecordComponents()) {
            Type generic = c.getGenericType();
            Class<?> inner = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k
                    ? k : c.getType();
            assertSameFields(root, node.get("properties").get(c.getName()), inner, at + "." + c.getName());
        }
    }

    private static ObjectNode demo() throws Exception {
        try (InputStream in = ConfigurationFile.class.getResourceAsStream("/app/carddesk/config/demo/DEMO-DK.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static List<LibraryConfiguration.Problem> problems(JsonNode file) throws Exception {
        return ConfigurationFile.read(JSON.writeValueAsBytes(file)).problems();
    }
}
