package app.carddesk.store;

import app.carddesk.sync.SyncProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The desk's sync tables: pull position, problems, and patrons as the central register sends them. */
public interface SyncDao {

    @SqlQuery("SELECT state_value FROM sync_state WHERE state_name = :name")
    Optional<String> state(@Bind("name") String name);

    @SqlUpdate("MERGE INTO sync_state (state_name, state_value) KEY (state_name) VALUES (:name, :value)")
    void setState(@Bind("name") String name, @Bind("value") String value);

    @SqlUpdate("UPDATE patron SET central_version = :version WHERE id = :id")
    void setCentralVersion(@Bind("id") UUID id, @Bind("version") Integer version);

    @SqlQuery("SELECT id FROM patron WHERE id IN (<ids>)")
    List<UUID> existing(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids);

    @SqlQuery("SELECT DISTINCT patron_id FROM outbox WHERE patron_id IN (<ids>)")
    List<UUID> withPendingChanges(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids);

    @SqlQuery("SELECT central_version FROM patron WHERE id = :id")
    Optional<Integer> centralVersion(@Bind("id") UUID id);

    @SqlUpdate("INSERT INTO sync_problem (patron_id, change_kind, code, existing_id, message, created_at) "
            + "VALUES (:patron, :kind, :code, :existing, :message, :at)")
    void addProblem(@Bind("patron") UUID patron, @Bind("kind") app.carddesk.issuing.OutboxKind kind, @Bind("code") String code,
                    @Bind("existing") UUID existing, @Bind("message") String message, @Bind("at") Instant at);

    @SqlQuery("SELECT id, patron_id, change_kind, code, existing_id, message, created_at FROM sync_problem "
            + "WHERE resolved_at IS NULL ORDER BY id")
    @RegisterConstructorMapper(SyncProblem.class)
    List<SyncProblem> openProblems();

    @SqlQuery("SELECT COUNT(*) FROM sync_problem WHERE resolved_at IS NULL")
    long openProblemCount();

    @SqlUpdate("UPDATE sync_problem SET resolved_at = :at, resolution = :resolution, resolved_by = :staff "
            + "WHERE id = :id AND resolved_at IS NULL")
    int resolve(@Bind("id") long id, @Bind("resolution") String resolution, @Bind("staff") String staff,
                @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE patron SET card_number = :card, identity_kind = :kind, identity_number = :number,
                   surname = :surname, given_name = :givenName, surname_key = :surnameKey,
                   given_name_key = :givenNameKey, birth_date = :birth, email = :email, email_key = :emailKey,
                   phone = :phone, phone_key = :phoneKey, address_line = :line, postal_code = :postalCode,
                   city = :city, country = :country, category_code = :category, pickup_library_code = :pickup,
                   registration_kind = :registration, expires_on = :expires, fees_owed_minor = :fees,
                   print_credit_minor = :credit, central_version = :version, updated_at = :now
             WHERE id = :id""")
    int updateFromCentral(@Bind("id") UUID id, @Bind("card") String card, @Bind("kind") String kind,
                          @Bind("number") String number, @Bind("surname") String surname,
                          @Bind("givenName") String givenName, @Bind("surnameKey") String surnameKey,
                          @Bind("givenNameKey") String givenNameKey, @Bind("birth") LocalDate birth,
                          @Bind("email") String email, @Bind("emailKey") String emailKey, @Bind("phone") String phone,
                          @Bind("phoneKey") String phoneKey, @Bind("line") String line,
                          @Bind("postalCode") String postalCode, @Bind("city") String city,
                          @Bind("country") String country, @Bind("category") String category,
                          @Bind("pickup") String pickup, @Bind("registration") String registration,
                          @Bind("expires") LocalDate expires, @Bind("fees") long fees, @Bind("credit") long credit,
                          @Bind("version") Integer version, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO card (number, status, patron_id, issued_at) SELECT :number, 'ISSUED', :patron, :at "
            + "WHERE NOT EXISTS (SELECT 1 FROM card WHERE number = :number)")
    void ensureCard(@Bind("number") String number, @Bind("patron") UUID patron, @Bind("at") Instant at);
}
