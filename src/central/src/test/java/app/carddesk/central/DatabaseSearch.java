package app.carddesk.central;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Looks through every text value of every table for a number standing on its own, for the tests
 * that prove a PIN is stored nowhere in clear. UUIDs and Argon2 hashes are left out, and so are
 * digits inside longer numbers (card numbers, times): any of them may hold four given digits by
 * chance.
 */
public final class DatabaseSearch {

    private static final Pattern RANDOM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\$argon2id\\$\\S+");

    private DatabaseSearch() {
    }

    /** The digits on their own, not inside a longer number such as a card number or a time. */
    static Pattern standalone(String digits) {
        return Pattern.compile("(?<!\\d)" + Pattern.quote(digits) + "(?!\\d)");
    }

    static boolean centralContains(CentralDatabase db, String needle) {
        return contains(db.jdbi(), needle);
    }

    public static boolean contains(Jdbi jdbi, String needle) {
        return jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'").mapTo(String.class).list();
            for (String table : tables) {
                for (Map<String, Object> row : h.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list()) {
                    for (Object value : row.values()) {
                        if (value instanceof String text && standalone(needle).matcher(
                                RANDOM.matcher(text).replaceAll("")).find()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }
}
