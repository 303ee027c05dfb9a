package app.carddesk.central;

import org.jdbi.v3.core.Jdbi;

/**
 * Patrons of the demo library DEMO-DK written straight into a central register's H2, with their cards
 * and their places in the change feed, as registrations at desks leave them: for a feed of any
 * length without registering each patron over HTTP. Card numbers are {@code 4099} and five digits from
 * 00000.
 */
public final class CentralPatronRows {

    private CentralPatronRows() {
    }

    /** The INSERT of {@code n} patrons alone (no cards, no feed). */
    private static String patrons(int n) {
        return """
                INSERT INTO patron (id, library_code, card_number, identity_kind, surname, given_name, birth_date,
                    address_line, postal_code, city, country, category_code, pickup_library_code, registration_kind,
                    version, created_at, updated_at)
                SELECT RANDOM_UUID(7), 'DEMO-DK', '4099' || LPAD(CAST(X AS VARCHAR), 5, '0'), 'NONE', 'Surname' || X,
                    'Given' || MOD(X, 997), DATEADD(DAY, -MOD(X, 20000), DATE '2005-01-01'), 'Vej ' || X, '1000',
                    'København K', 'Danmark', 'STUDENT', 'KB-SK', 'EXPECTS_NATIONAL_ID', 1, CURRENT_TIMESTAMP,
                    CURRENT_TIMESTAMP
                FROM SYSTEM_RANGE(0, %d)""".formatted(n - 1);
    }

    /** {@code n} patrons with their cards, each in the change feed as created, in card-number order. */
    public static void withCardsAndFeed(Jdbi central, int n) {
        central.useHandle(h -> {
            h.execute(patrons(n));
            h.execute("INSERT INTO card (number, status, patron_id, library_code, issued_at) "
                    + "SELECT card_number, 'ISSUED', id, library_code, created_at FROM patron");
            h.execute("INSERT INTO change_feed (library_code, patron_id, kind, at) "
                    + "SELECT 'DEMO-DK', id, 'CREATED', created_at FROM patron ORDER BY card_number");
        });
    }
}
