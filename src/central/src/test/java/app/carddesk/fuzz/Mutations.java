package app.carddesk.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The malformed and hostile values the fuzzer sends: texts of every awkward length and script,
 * control characters, wrong types, extreme numbers and dates, broken JSON. All of it drawn from
 * one seeded {@link Random}, so a run can be repeated.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Lengths around the columns' limits (8, 20, 30, 32, 40, 100, 200, 400) and well past them. */
    private static final int[] LENGTHS = {0, 1, 9, 13, 21, 31, 33, 41, 101, 201, 301, 401, 1001, 4001, 10_001, 70_000};
    private static final String[] ODD_TEXTS = {"", " ", "\u0000", "nul\u0000inside", "line\nbreak", "tab\there",
        "\u001b[31mred", "\r\n", "한국어이름", "İSTANBUL", "Ǆemal", "ß", "ﬃ", "👩‍👩‍👧‍👦", "\u202Eevil", "Z\u0351\u0354a\u0352l\u0353",
        "\uD800", "\uDFFF lone", "\uFFFF", "\uFEFFbom", "'; DROP TABLE patron; --", "%00", "${jndi:ldap://127.0.0.1/x}",
        "<script>alert(1)</script>", "null", "NaN", "-1", "1e309", "9".repeat(40), "../../etc/passwd", "Ω≈ç√∫",
        "مرحبا", "שלום", "日本語の名前", "Ñandú", "o'Brien", "\"quoted\"", "\\backslash", "a@b", "@", "a@b.c"};
    private static final String[] ODD_DATES = {"+99999-01-01", "-999999999-01-01", "2023-02-30", "0000-00-00",
        "1990-5-7", "1990-05-17T00:00:00Z", "+1000000000-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "1850-01-01",
        "2999-12-31", "3000-01-01", "1969-12-31T23:59:59.999999999Z", "2026-13-01", "yesterday", "1900-01-01T00:00:00Z"};

    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A text that is too long, oddly encoded or hostile. */
    String oddText() {
        return switch (random.nextInt(4)) {
            case 0 -> "x".repeat(LENGTHS[random.nextInt(LENGTHS.length)]);
            case 1 -> pick(ODD_TEXTS).repeat(between(1, 3));
            case 2 -> pick(ODD_TEXTS).repeat(between(20, 120));
            default -> randomUnicode(between(1, 300));
        };
    }

    private String randomUnicode(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> 0xAC00 + random.nextInt(11_172);
                case 3 -> random.nextInt(0x10000);
                default -> 0x1F300 + random.nextInt(0x300);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    String oddDate() {
        return pick(ODD_DATES);
    }

    /** A value of another type, an extreme number, an odd date or text, or a hostile structure. */
    JsonNode oddValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 2_147_483_648L,
                    100_000_000_001L)));
            case 3 -> NODES.numberNode(new BigInteger("18446744073709551616").multiply(BigInteger.valueOf(
                    between(1, 1000))));
            case 4 -> NODES.numberNode(pick(List.of(0.5, -0.0, 1e308, 4.9e-324)));
            case 5 -> NODES.textNode(oddDate());
            case 6 -> NODES.arrayNode().add(NODES.nullNode()).add(NODES.textNode("x"));
            case 7 -> NODES.objectNode().putNull("unexpected");
            case 8 -> nested(between(2, 60));
            case 9 -> NODES.textNode(uuid().toString());
            default -> NODES.textNode(oddText());
        };
    }

    private JsonNode nested(int depth) {
        JsonNode at = NODES.arrayNode();
        for (int i = 0; i < depth; i++) {
            at = random.nextBoolean() ? NODES.arrayNode().add(at) : NODES.objectNode().set("a", at);
        }
        return at;
    }

    /** Changes one place of a document: a value replaced, a field removed or added, nulls in an array. */
    JsonNode mutate(JsonNode doc) {
        JsonNode copy = doc.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        if (containers.isEmpty()) {
            return oddValue();
        }
        JsonNode at = pick(containers);
        if (at instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int what = random.nextInt(10);
            if (names.isEmpty() || what == 0) {
                object.set(pick("unexpected", "id", "__proto__", "version", oddText()), oddValue());
            } else if (what == 1) {
                object.remove(pick(names));
            } else if (what == 2) {
                object.putNull(pick(names));
            } else {
                object.set(pick(names), oddValue());
            }
        } else if (at instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.insert(array.isEmpty() ? 0 : random.nextInt(array.size() + 1), NODES.nullNode());
            } else {
                array.set(random.nextInt(array.size()), oddValue());
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), out);
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, out));
            }
        }
    }

    /** A body that is not the JSON document the route takes at all. */
    String brokenBody(String good) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> good.isEmpty() ? "{" : good.substring(0, random.nextInt(good.length()));
            case 2 -> "null";
            case 3 -> "[]";
            case 4 -> "\"just a string\"";
            case 5 -> "[".repeat(between(500, 5000));
            case 6 -> "{\"a\":" + "1".repeat(between(1000, 20_000)) + "}";
            case 7 -> randomUnicode(between(1, 200));
            default -> good + good;
        };
    }
}
