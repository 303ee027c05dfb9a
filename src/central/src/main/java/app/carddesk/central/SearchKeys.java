package app.carddesk.central;

import app.carddesk.domain.ContactRules;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Gives patrons stored before search keys existed their keys, a thousand at a time. Safe to run
 * on every start and on several instances at once: it only fills keys that are missing.
 */
final class SearchKeys {

    private record Names(UUID id, String surname, String givenName, String email, String phone) {
    }

    private SearchKeys() {
    }

    static int backfill(Jdbi jdbi) {
        int done = 0;
        while (true) {
            List<Names> batch = jdbi.withHandle(h -> h.createQuery("SELECT id, surname, given_name, email, phone "
                    + "FROM patron WHERE surname_key IS NULL ORDER BY id LIMIT 1000")
                    .map((rs, ctx) -> new Names(rs.getObject("id", UUID.class), rs.getString("surname"),
                            rs.getString("given_name"), rs.getString("email"), rs.getString("phone"))).list());
            if (batch.isEmpty()) {
                return done;
            }
            jdbi.useTransaction(h -> {
                var update = h.prepareBatch("UPDATE patron SET surname_key = ?, given_name_key = ?, email_key = ?, "
                        + "phone_key = ? WHERE id = ?");
                for (Names n : batch) {
                    update.add(ContactRules.nameKey(n.surname()), ContactRules.nameKey(n.givenName()),
                            ContactRules.emailKey(n.email()), ContactRules.phoneKey(n.phone()), n.id());
                }
                update.execute();
            });
            done += batch.size();
        }
    }
}
