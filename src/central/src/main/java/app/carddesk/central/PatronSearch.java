package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Finds the caller's patrons (home library or member) by one key at a time. Each search is
 * audited with the key it used, never with what was searched for.
 */
final class PatronSearch {

    private static final int MAX_LENGTH = 200;

    private final Jdbi jdbi;
    private final Clock clock;

    PatronSearch(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Api.PatronSearchResult search(Caller caller, Api.PatronSearch q) {
        List<String> given = new ArrayList<>();
        String where;
        String by;
        List<Object> values = new ArrayList<>();
        if (present(q.cardNumber())) {
            by = "card";
            where = "p.card_number = ?";
            values.add(q.cardNumber().trim().toUpperCase(Locale.ROOT));
            given.add("cardNumber");
        } else {
            by = null;
            where = null;
        }
        if (present(q.identity())) {
            given.add("identity");
            by = "identity";
            where = "p.identity_number = ?";
            values.add(IdentityValidator.normalise(q.identity()));
        }
        if (present(q.email())) {
            given.add("email");
            by = "email";
            where = "p.email_key = ?";
            values.add(ContactRules.emailKey(q.email()));
        }
        if (present(q.phone())) {
            given.add("phone");
            by = "phone";
            where = "p.phone_key = ?";
            values.add(ContactRules.phoneKey(q.phone()));
        }
        if (present(q.name())) {
            given.add("name");
            by = "name";
            StringBuilder w = new StringBuilder("1 = 1");
            for (String[] like : app.carddesk.domain.PatronQuery.nameLikePatterns(q.name())) {
                w.append(" AND (p.surname_key LIKE ? ESCAPE '!' OR p.surname_key LIKE ? ESCAPE '!'"
                        + " OR p.given_name_key LIKE ? ESCAPE '!' OR p.given_name_key LIKE ? ESCAPE '!')");
                values.addAll(List.of(like[0], like[1], like[0], like[1]));
            }
            if (q.birthDate() != null) {
                w.append(" AND p.birth_date = ?");
                values.add(q.birthDate());
            }
            where = w.toString();
        } else if (q.birthDate() != null) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "birthDate", "A birth date narrows a search by name: "
                    + "send it together with name.");
        }
        if (given.size() != 1) {
            throw new ApiException(422, ErrorCode.SEARCH_KEY, given.isEmpty() ? null : given.get(1),
                    "Search by exactly one of cardNumber, identity, email, phone or name (with birthDate).");
        }
        for (String field : List.of(nz(q.cardNumber()), nz(q.identity()), nz(q.email()), nz(q.phone()), nz(q.name()))) {
            if (field.length() > MAX_LENGTH) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, given.get(0), "A search key is at most " + MAX_LENGTH
                        + " characters long.");
            }
            if (app.carddesk.api.FieldLimit.hasControlCharacter(field)) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, given.get(0), "A search key is one line of text.");
            }
        }
        if (q.birthDate() != null && (q.birthDate().getYear() < 1800 || q.birthDate().getYear() > 9999)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "birthDate", "A birth date lies between the years 1800 "
                    + "and 9999.");
        }
        String sql = "SELECT p.id, p.card_number, p.given_name, p.surname, p.birth_date FROM patron p WHERE " + where
                + " AND (p.library_code = ? OR EXISTS (SELECT 1 FROM membership m WHERE m.patron_id = p.id"
                + " AND m.library_code = ?)) ORDER BY p.surname_key, p.given_name_key, p.id LIMIT "
                + (Api.SEARCH_LIMIT + 1);
        String library = caller.library().code();
        String searchedBy = by;
        return jdbi.inTransaction(h -> {
            Query query = h.createQuery(sql);
            int i = 0;
            for (Object v : values) {
                query.bind(i++, v);
            }
            query.bind(i++, library).bind(i, library);
            List<Api.PatronFound> found = query.map((rs, ctx) -> new Api.PatronFound(
                    rs.getObject("id", java.util.UUID.class), rs.getString("card_number"), rs.getString("given_name"),
                    rs.getString("surname"), rs.getObject("birth_date", java.time.LocalDate.class))).list();
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "PATRON_SEARCH",
                    null, "by=" + searchedBy + ";found=" + Math.min(found.size(), Api.SEARCH_LIMIT));
            boolean more = found.size() > Api.SEARCH_LIMIT;
            return new Api.PatronSearchResult(more ? found.subList(0, Api.SEARCH_LIMIT) : found, more);
        });
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
