package app.carddesk.store;

import app.carddesk.domain.Patron;
import app.carddesk.issuing.PatronSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code patron} table. */
@RegisterRowMapper(PatronRows.class)
public interface PatronDao extends org.jdbi.v3.sqlobject.SqlObject {

    /** Writes a new patron's row; the columns are the ones {@link PatronRows#columns} names. */
    default void insert(Patron patron, String pinHash) {
        insertRows(List.of(PatronRows.columns(patron, pinHash)));
    }

    /**
     * Writes many rows in one JDBC batch (a first pull brings 5,000 a page); each holds the same
     * columns, those of {@link PatronRows#columns} and more, bound in the map's order.
     */
    default void insertRows(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        java.util.Set<String> columns = rows.get(0).keySet();
        String sql = "INSERT INTO patron (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (java.sql.PreparedStatement batch = getHandle().getConnection().prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (Object value : row.values()) {
                    batch.setObject(i++, value);
                }
                batch.addBatch();
            }
            batch.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    @SqlQuery("SELECT * FROM patron WHERE id = :id")
    Optional<StoredPatron> byId(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM patron WHERE id IN (<ids>)")
    List<StoredPatron> byIds(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids);

    @SqlQuery("SELECT id FROM patron WHERE identity_number = :number")
    Optional<UUID> idByIdentity(@Bind("number") String number);

    @SqlQuery("""
            SELECT p.id, p.card_number, p.given_name, p.surname, p.birth_date, 'GUARDIAN' AS reason
              FROM guardian_link g JOIN patron p ON p.id = g.guardian_id WHERE g.child_id = :id
            UNION ALL
            SELECT p.id, p.card_number, p.given_name, p.surname, p.birth_date, 'CHILD' AS reason
              FROM guardian_link g JOIN patron p ON p.id = g.child_id WHERE g.guardian_id = :id""")
    @RegisterConstructorMapper(PatronSummary.class)
    List<PatronSummary> relatives(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT id, card_number, given_name, surname, birth_date, 'NAME_BIRTH' AS reason FROM patron
             WHERE surname_key = :surnameKey AND given_name_key = :givenNameKey AND birth_date = :birthDate
            UNION
            SELECT id, card_number, given_name, surname, birth_date, 'EMAIL' AS reason FROM patron
             WHERE email_key = :emailKey
            UNION
            SELECT id, card_number, given_name, surname, birth_date, 'PHONE' AS reason FROM patron
             WHERE phone_key = :phoneKey
            LIMIT :limit""")
    @RegisterConstructorMapper(PatronSummary.class)
    List<PatronSummary> similar(@Bind("surnameKey") String surnameKey, @Bind("givenNameKey") String givenNameKey,
                                @Bind("birthDate") LocalDate birthDate, @Bind("emailKey") String emailKey,
                                @Bind("phoneKey") String phoneKey, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE patron SET identity_kind = :kind, identity_number = :number, surname = :surname,
                   given_name = :givenName, surname_key = :surnameKey, given_name_key = :givenNameKey,
                   birth_date = :birthDate, address_line = :line, postal_code = :postalCode, city = :city,
                   country = :country, registration_kind = 'NATIONAL_ID', expires_on = NULL,
                   card_number = CASE WHEN :keepCard THEN card_number ELSE NULL END,
                   email = CASE WHEN :keepEmail THEN email ELSE NULL END,
                   email_key = CASE WHEN :keepEmail THEN email_key ELSE NULL END,
                   phone = CASE WHEN :keepPhone THEN phone ELSE NULL END,
                   phone_key = CASE WHEN :keepPhone THEN phone_key ELSE NULL END,
                   updated_at = :now, version = version + 1
             WHERE id = :id""")
    int convert(@Bind("id") UUID id, @Bind("kind") String kind, @Bind("number") String number,
                @Bind("surname") String surname, @Bind("givenName") String givenName,
                @Bind("surnameKey") String surnameKey, @Bind("givenNameKey") String givenNameKey,
                @Bind("birthDate") LocalDate birthDate, @Bind("line") String line,
                @Bind("postalCode") String postalCode, @Bind("city") String city, @Bind("country") String country,
                @Bind("keepCard") boolean keepCard, @Bind("keepEmail") boolean keepEmail,
                @Bind("keepPhone") boolean keepPhone, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM patron WHERE registration_kind = 'SHORT_STAY' AND expires_on < :today "
            + "ORDER BY expires_on, surname_key")
    List<StoredPatron> expiredShortStay(@Bind("today") LocalDate today);

    @SqlQuery("SELECT * FROM patron WHERE identity_kind = 'CPR' "
            + "AND CAST(SUBSTRING(identity_number, 1, 2) AS INT) > 60 ORDER BY surname_key, given_name_key")
    List<StoredPatron> needingReRegistration();

    @SqlUpdate("DELETE FROM patron WHERE id = :id")
    int delete(@Bind("id") UUID id);

    @SqlUpdate("UPDATE patron SET fees_owed_minor = :fees, print_credit_minor = :credit, updated_at = :now, "
            + "version = version + 1 WHERE id = :id")
    int updateBalances(@Bind("id") UUID id, @Bind("fees") long fees, @Bind("credit") long credit,
                       @Bind("now") Instant now);

    @SqlUpdate("UPDATE patron SET card_number = :card, updated_at = :now, version = version + 1 WHERE id = :id")
    int changeCard(@Bind("id") UUID id, @Bind("card") String card, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE patron SET email = :email, email_key = :emailKey, phone = :phone, phone_key = :phoneKey,
                   address_line = :line, postal_code = :postalCode, city = :city, country = :country,
                   updated_at = :now, version = version + 1
             WHERE id = :id""")
    int changeContact(@Bind("id") UUID id, @Bind("email") String email, @Bind("emailKey") String emailKey,
                      @Bind("phone") String phone, @Bind("phoneKey") String phoneKey, @Bind("line") String line,
                      @Bind("postalCode") String postalCode, @Bind("city") String city,
                      @Bind("country") String country, @Bind("now") Instant now);

    @SqlUpdate("UPDATE patron SET pickup_library_code = :pickup, updated_at = :now, version = version + 1 "
            + "WHERE id = :id")
    int changePickup(@Bind("id") UUID id, @Bind("pickup") String pickup, @Bind("now") Instant now);

    @SqlQuery("SELECT COUNT(*) FROM patron")
    long count();
}
