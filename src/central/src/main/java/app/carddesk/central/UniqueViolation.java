package app.carddesk.central;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Which unique rule a statement broke, by the name of its constraint or unique index as
 * PostgreSQL names them ({@code patron_card_number}, {@code patron_pkey}, ...). Requests that
 * race past the checks are told apart by that name, never by the wording of the database's
 * message: that quotes the whole statement (whose column list names every column) and its values,
 * and differs between databases and languages.
 */
final class UniqueViolation {

    static final String PATRON_PKEY = "patron_pkey";
    static final String PATRON_IDENTITY = "patron_identity_number";
    static final String PATRON_CARD = "patron_card_number";
    static final String CARD_PKEY = "card_pkey";
    static final String IDEMPOTENCY_PKEY = "idempotency_pkey";

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2 names the object first in its quoted part: {@code "PUBLIC.PATRON_CARD_NUMBER ON ..."}. */
    private static final Pattern H2_OBJECT = Pattern.compile("\"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)[\" ]");

    private UniqueViolation() {
    }

    /**
     * The constraint a statement broke, when it broke a unique one. On PostgreSQL the transaction
     * is aborted afterwards: roll back to a savepoint before the next statement. On H2 the name of
     * an unnamed primary key is looked up in {@code h} (H2 calls it {@code CONSTRAINT_nn}).
     */
    static Optional<String> of(Handle h, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return name(h, s);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> name(Handle h, SQLException s) {
        if (s instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null) {
            return Optional.ofNullable(pg.getServerErrorMessage().getConstraint());
        }
        if (s instanceof org.h2.jdbc.JdbcException h2) {
            Matcher m = H2_OBJECT.matcher(h2.getOriginalMessage());
            if (!m.find()) {
                return Optional.empty();
            }
            String object = m.group(1);
            Optional<String> primaryKeyOf = h.createQuery("SELECT table_name FROM information_schema.table_constraints "
                    + "WHERE constraint_name = :name AND constraint_type = 'PRIMARY KEY'")
                    .bind("name", object).mapTo(String.class).findFirst();
            return Optional.of(primaryKeyOf.map(table -> table + "_pkey").orElse(object).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
