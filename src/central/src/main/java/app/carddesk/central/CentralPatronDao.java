package app.carddesk.central;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The central {@code patron} and {@code card} tables. */
public interface CentralPatronDao {

    String COLUMNS = "id, library_code, card_number, identity_kind, identity_number, surname, given_name, "
            + "birth_date, email, phone, address_line, postal_code, city, country, category_code, "
            + "pickup_library_code, registration_kind, expires_on, fees_owed_minor, print_credit_minor, pin_hash, "
            + "version, created_at, updated_at";

    /** Inserting a patron: a registration is the patron's latest activity. */
    String INSERT = "INSERT INTO patron (" + COLUMNS + ", last_active_at, surname_key, given_name_key, email_key, "
            + "phone_key) VALUES (:id, :libraryCode, :cardNumber, "
            + ":identityKind, :identityNumber, :surname, :givenName, :birthDate, :email, :phone, :addressLine, "
            + ":postalCode, :city, :country, :categoryCode, :pickupLibraryCode, :registrationKind, :expiresOn, "
            + ":feesOwedMinor, :printCreditMinor, :pinHash, :version, :createdAt, :updatedAt, :updatedAt, "
            + ":surnameKey, :givenNameKey, :emailKey, :phoneKey)";

    @SqlUpdate(INSERT)
    void insert(@BindMethods CentralPatronRow row);

    @SqlBatch(INSERT)
    void insertAll(@BindMethods List<CentralPatronRow> rows);

    @SqlQuery("SELECT " + COLUMNS + " FROM patron WHERE id = :id")
    Optional<CentralPatronRow> byId(@Bind("id") UUID id);

    /**
     * Locks a patron's row until the transaction ends, so that changes which must not interleave
     * (a deletion and an activation) happen one after the other; empty when the patron is gone.
     */
    @SqlQuery("SELECT id FROM patron WHERE id = :id FOR UPDATE")
    Optional<UUID> lock(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM patron WHERE card_number = :card")
    Optional<CentralPatronRow> byCard(@Bind("card") String card);

    @SqlQuery("SELECT " + COLUMNS + " FROM patron WHERE identity_number = :number")
    Optional<CentralPatronRow> byIdentity(@Bind("number") String number);

    @SqlUpdate("""
            UPDATE patron SET card_number = :cardNumber, identity_kind = :identityKind,
                   identity_number = :identityNumber, surname = :surname, given_name = :givenName,
                   birth_date = :birthDate, email = :email, phone = :phone, address_line = :addressLine,
                   postal_code = :postalCode, city = :city, country = :country, category_code = :categoryCode,
                   pickup_library_code = :pickupLibraryCode, registration_kind = :registrationKind,
                   expires_on = :expiresOn, fees_owed_minor = :feesOwedMinor,
                   print_credit_minor = :printCreditMinor, version = version + 1, updated_at = :updatedAt,
                   last_active_at = :updatedAt, surname_key = :surnameKey, given_name_key = :givenNameKey,
                   email_key = :emailKey, phone_key = :phoneKey
             WHERE id = :id AND version = :version""")
    int update(@BindMethods CentralPatronRow row);

    @SqlUpdate("UPDATE patron SET pin_hash = :hash, updated_at = :now WHERE id = :id")
    int setPinHash(@Bind("id") UUID id, @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM patron WHERE id = :id")
    int delete(@Bind("id") UUID id);

    @SqlQuery("SELECT status FROM card WHERE number = :number")
    Optional<String> cardStatus(@Bind("number") String number);

    @SqlUpdate("INSERT INTO card (number, status, patron_id, library_code, issued_at) "
            + "VALUES (:number, 'ISSUED', :patronId, :library, :at)")
    void issueCard(@Bind("number") String number, @Bind("patronId") UUID patronId, @Bind("library") String library,
                   @Bind("at") Instant at);

    /** Retires a card the patron no longer holds, with the desk's reason when it gave one. */
    @SqlUpdate("UPDATE card SET status = 'RETIRED', retired_at = :at, retired_reason = :reason WHERE number = :number")
    int retireReplacedCard(@Bind("number") String number, @Bind("at") Instant at, @Bind("reason") String reason);

    /** Retires a card number and says why (a merge or a deletion: the card is to be destroyed). */
    @SqlUpdate("UPDATE card SET status = 'RETIRED', retired_at = :at, retired_reason = :reason, patron_id = NULL "
            + "WHERE number = :number")
    int retireCard(@Bind("number") String number, @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlQuery("SELECT COUNT(*) > 0 FROM membership WHERE patron_id = :patron AND library_code = :library")
    boolean isMember(@Bind("patron") UUID patron, @Bind("library") String library);

    @SqlUpdate("UPDATE patron SET last_active_at = :at WHERE id = :id")
    int touch(@Bind("id") UUID id, @Bind("at") Instant at);

    /** Activity a library system reports: kept only when later than what the register knows. */
    @SqlUpdate("UPDATE patron SET last_active_at = :at WHERE id = :id AND (last_active_at IS NULL "
            + "OR last_active_at < :at)")
    int activeAt(@Bind("id") UUID id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE patron SET library_code = :library, version = version + 1, updated_at = :now WHERE id = :id")
    int moveHome(@Bind("id") UUID id, @Bind("library") String library, @Bind("now") Instant now);

    @SqlQuery("SELECT pin_locked_until FROM patron WHERE id = :id")
    Optional<Instant> pinLockedUntil(@Bind("id") UUID id);

    @SqlUpdate("UPDATE patron SET pin_failures = 0, pin_locked_until = NULL WHERE id = :id")
    void pinAccepted(@Bind("id") UUID id);

    /** Counts a wrong PIN; answers how many there have been since the last right one or lock. */
    default int pinRefused(UUID id) {
        countPinFailure(id);
        return pinFailures(id);
    }

    @SqlUpdate("UPDATE patron SET pin_failures = pin_failures + 1 WHERE id = :id")
    void countPinFailure(@Bind("id") UUID id);

    @SqlQuery("SELECT pin_failures FROM patron WHERE id = :id")
    int pinFailures(@Bind("id") UUID id);

    @SqlUpdate("UPDATE patron SET pin_failures = 0, pin_locked_until = :until WHERE id = :id")
    void lockPin(@Bind("id") UUID id, @Bind("until") Instant until);
}
