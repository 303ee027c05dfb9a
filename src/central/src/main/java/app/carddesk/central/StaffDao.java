package app.carddesk.central;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Staff accounts, their grants and sessions (V10__staff_accounts.sql). */
interface StaffDao {

    /** One account's row; {@code kind} is PERSONAL or SYSTEM. */
    record AccountRow(UUID id, String kind, String userName, String displayName, String workEmail,
                      String passwordHash, boolean mustChangePassword, LocalDate validFrom, LocalDate validUntil,
                      boolean active, boolean adminLocked, int failedAttempts, Instant lockedUntil) {
    }

    String ACCOUNT = "SELECT id, kind, user_name, display_name, work_email, password_hash, must_change_password, "
            + "valid_from, valid_until, active, admin_locked, failed_attempts, locked_until FROM staff_account ";

    @SqlQuery(ACCOUNT + "WHERE user_name = :name AND kind = 'PERSONAL'")
    Optional<AccountRow> personalByName(@Bind("name") String userName);

    @SqlQuery(ACCOUNT + "WHERE id = :id")
    Optional<AccountRow> byId(@Bind("id") UUID id);

    @SqlQuery(ACCOUNT + "WHERE id IN (SELECT account_id FROM staff_grant WHERE library_code = :library) "
            + "ORDER BY user_name")
    List<AccountRow> ofLibrary(@Bind("library") String library);

    @SqlUpdate("INSERT INTO staff_account (id, kind, user_name, display_name, work_email, password_hash, "
            + "must_change_password, valid_from, valid_until, active, admin_locked, failed_attempts, created_at) "
            + "VALUES (:id, :kind, :userName, :displayName, :workEmail, :passwordHash, :mustChangePassword, "
            + ":validFrom, :validUntil, :active, :adminLocked, 0, :at)")
    void insert(@BindMethods AccountRow row, @Bind("at") Instant at);

    @SqlUpdate("UPDATE staff_account SET display_name = :name WHERE id = :id")
    void rename(@Bind("id") UUID id, @Bind("name") String displayName);

    @SqlQuery("SELECT COUNT(*) FROM staff_account WHERE user_name = :name")
    int countNamed(@Bind("name") String userName);

    /** Counts a wrong password and returns the count now, so that two instances count together. */
    @SqlUpdate("UPDATE staff_account SET failed_attempts = failed_attempts + 1 WHERE id = :id")
    void countFailure(@Bind("id") UUID id);

    @SqlUpdate("UPDATE staff_account SET failed_attempts = 0, locked_until = :until WHERE id = :id")
    void lockUntil(@Bind("id") UUID id, @Bind("until") Instant until);

    @SqlUpdate("UPDATE staff_account SET failed_attempts = 0 WHERE id = :id")
    void signedIn(@Bind("id") UUID id);

    @SqlUpdate("UPDATE staff_account SET admin_locked = :locked, locked_until = NULL, failed_attempts = 0 "
            + "WHERE id = :id")
    void setAdminLocked(@Bind("id") UUID id, @Bind("locked") boolean locked);

    /**
     * Keeps the password the person chose last when another one takes its place (each right-hand side
     * reads the row as it was): a one-time password an administrator set is not kept.
     */
    String KEEP_CHOSEN_PASSWORD = "previous_password_hash = CASE WHEN must_change_password THEN "
            + "previous_password_hash ELSE password_hash END";

    @SqlUpdate("UPDATE staff_account SET " + KEEP_CHOSEN_PASSWORD + ", password_hash = :hash, "
            + "must_change_password = :mustChange WHERE id = :id")
    void setPassword(@Bind("id") UUID id, @Bind("hash") String hash, @Bind("mustChange") boolean mustChange);

    /** The hash of the password the person chose before the one they have now, if kept. */
    @SqlQuery("SELECT previous_password_hash FROM staff_account WHERE id = :id AND previous_password_hash IS NOT NULL")
    Optional<String> previousPassword(@Bind("id") UUID id);

    @SqlQuery("SELECT role_code FROM staff_grant WHERE account_id = :id AND library_code = :library "
            + "ORDER BY role_code")
    List<String> roles(@Bind("id") UUID account, @Bind("library") String library);

    /** A role held at a library with one of its permissions (none for a role without any). */
    record Grant(String role, String permission) {
    }

    @SqlQuery("SELECT g.role_code AS role, p.permission FROM staff_grant g LEFT JOIN staff_role_permission p "
            + "ON p.role_code = g.role_code WHERE g.account_id = :id AND g.library_code = :library")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Grant.class)
    List<Grant> grants(@Bind("id") UUID account, @Bind("library") String library);

    @SqlQuery("SELECT DISTINCT p.permission FROM staff_grant g JOIN staff_role_permission p "
            + "ON p.role_code = g.role_code WHERE g.account_id = :id AND g.library_code = :library")
    List<String> permissions(@Bind("id") UUID account, @Bind("library") String library);

    @SqlQuery("SELECT code FROM staff_role WHERE code IN (<roles>)")
    List<String> knownRoles(@BindList("roles") List<String> roles);

    @SqlQuery("SELECT DISTINCT permission FROM staff_role_permission WHERE role_code IN (<roles>)")
    List<String> permissionsOf(@BindList("roles") List<String> roles);

    /** A declared conflict among {@code permissions}, as its reason, if there is one. */
    @SqlQuery("SELECT reason FROM permission_conflict WHERE permission_a IN (<permissions>) "
            + "AND permission_b IN (<permissions>)")
    List<String> conflicts(@BindList("permissions") List<String> permissions);

    @SqlBatch("INSERT INTO staff_grant (account_id, library_code, role_code) VALUES (:id, :library, :role)")
    void grant(@Bind("id") UUID account, @Bind("library") String library, @Bind("role") List<String> roles);

    @SqlUpdate("DELETE FROM staff_grant WHERE account_id = :id AND library_code = :library")
    void revokeAll(@Bind("id") UUID account, @Bind("library") String library);

    @SqlUpdate("INSERT INTO staff_session (token_hash, account_id, library_code, workstation, created_at, expires_at) "
            + "VALUES (:hash, :id, :library, :workstation, :at, :expires)")
    void openSession(@Bind("hash") String tokenHash, @Bind("id") UUID account, @Bind("library") String library,
                     @Bind("workstation") String workstation, @Bind("at") Instant at,
                     @Bind("expires") Instant expires);

    /** A session's account, library and end. */
    record SessionRow(UUID accountId, String libraryCode, Instant expiresAt) {
    }

    @SqlQuery("SELECT account_id, library_code, expires_at FROM staff_session WHERE token_hash = :hash")
    Optional<SessionRow> session(@Bind("hash") String tokenHash);

    /** A sign that a personal account serves as a system account, for the library's administrators. */
    record Sign(String userName, String kind, String detail, Instant at) {
    }

    /** People of the library with open sessions at several workstations at once. */
    @SqlQuery("SELECT a.user_name, 'SEVERAL_WORKSTATIONS' AS kind, "
            + "CAST(COUNT(DISTINCT s.workstation) AS VARCHAR(20)) AS detail, MAX(s.created_at) AS at "
            + "FROM staff_session s JOIN staff_account a ON a.id = s.account_id "
            + "WHERE s.library_code = :library AND s.expires_at > :now "
            + "GROUP BY a.user_name HAVING COUNT(DISTINCT s.workstation) > 1")
    List<Sign> severalWorkstations(@Bind("library") String library, @Bind("now") Instant now);

    /** Sessions of the library's people sent as workstation credentials since {@code since}. */
    @SqlQuery("SELECT staff_user AS user_name, 'SESSION_USED_AS_API' AS kind, CAST(COUNT(*) AS VARCHAR(20)) AS detail, "
            + "MAX(at) AS at FROM audit_event WHERE library_code = :library AND action = 'SESSION_USED_AS_API' "
            + "AND at >= :since GROUP BY staff_user")
    List<Sign> sessionsUsedAsApi(@Bind("library") String library, @Bind("since") Instant since);

    /** A weekday's staffed hours (1 Monday .. 7 Sunday), in the library's own time zone. */
    record Hours(int weekday, java.time.LocalTime opens, java.time.LocalTime closes) {
    }

    @SqlQuery("SELECT weekday, opens, closes FROM library_hours WHERE library_code = :library ORDER BY weekday")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Hours.class)
    List<Hours> hours(@Bind("library") String library);

    @SqlUpdate("DELETE FROM library_hours WHERE library_code = :library")
    void clearHours(@Bind("library") String library);

    @SqlUpdate("INSERT INTO library_hours (library_code, weekday, opens, closes) VALUES (:library, :day, :opens, :closes)")
    void addHours(@Bind("library") String library, @Bind("day") int weekday, @Bind("opens") java.time.LocalTime opens,
                  @Bind("closes") java.time.LocalTime closes);

    /** A person's sign-in at the library. */
    record SignIn(String userName, Instant at) {
    }

    @SqlQuery("SELECT staff_user AS user_name, at FROM audit_event WHERE library_code = :library "
            + "AND action = 'SIGNED_IN' AND staff_user IS NOT NULL AND at >= :since")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(SignIn.class)
    List<SignIn> signIns(@Bind("library") String library, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM staff_session WHERE token_hash = :hash")
    void closeSession(@Bind("hash") String tokenHash);

    @SqlUpdate("DELETE FROM staff_session WHERE account_id = :id")
    void closeSessions(@Bind("id") UUID account);
}
