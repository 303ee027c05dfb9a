package app.carddesk.central;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Looks through every text value of every table for a number standing on its own, for the tests
 * that prove a PIN is stored nowhere in clear. UUIDs, Argon2 hashes, hex digests (the audit chain's,
 * a token's) and dates written out (a birth date, a time in a stored answer) are left out, and so
 * are digits inside longer numbers (card numbers): any of them may hold four given digits by chance,
 * a year such as 1987 or the "4711" between two letters of a digest.
 *
 * <p>A four-digit PIN may still be a value the register holds anyway (a library's postal code, a
 * card series' prefix): the search therefore compares with what the register held before the PIN
 * was made ({@link #texts}), and a PIN stored in clear is one more place it stands.
 */
public final class DatabaseSearch {

    private static final Pattern RANDOM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\$argon2id\\$\\S+"
            + "|(?<![0-9a-zA-Z])[0-9a-fA-F]{32,}(?![0-9a-zA-Z])"
            + "|(?<!\\d)\\d{4}-\\d\\d-\\d\\d(?:[T ]\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d\\d:?\\d\\d)?)?");

    private DatabaseSearch() {
    }

    /** The digits on their own, not inside a longer number such as a card number or a time. */
    static Pattern standalone(String digits) {
        return Pattern.compile("(?<!\\d)" + Pattern.quote(digits) + "(?!\\d)");
    }

    /** Every text value of every table (of every register given), with what may hold digits by chance left out. */
    public static List<String> texts(Jdbi... registers) {
        List<String> texts = new ArrayList<>();
        for (Jdbi jdbi : registers) {
            jdbi.useHandle(h -> {
                List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'").mapTo(String.class).list();
                for (String table : tables) {
                    for (Map<String, Object> row : h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list()) {
                        for (Object value : row.values()) {
                            if (value instanceof String text) {
                                texts.add(RANDOM.matcher(text).replaceAll(""));
                            }
                        }
                    }
                }
            });
        }
        return texts;
    }

    /** How often {@code digits} stand on their own among {@code texts}. */
    public static long count(List<String> texts, String digits) {
        Pattern p = standalone(digits);
        return texts.stream().mapToLong(t -> p.matcher(t).results().count()).sum();
    }

    /** Whether {@code digits} stand somewhere in the register more often than they did in {@code before}. */
    public static boolean gained(Jdbi jdbi, String digits, List<String> before) {
        return count(texts(jdbi), digits) > count(before, digits);
    }
}
