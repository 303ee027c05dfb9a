package app.carddesk.central;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Verification rounds and each account's place in them (V14__verification_round.sql), for
 * {@link VerificationRounds}.
 */
interface VerificationRoundDao {
    record RoundRow(UUID id, Instant startsAt, String scheduledBy, Instant startedAt, Instant endedAt) {
    }

    record AccountRow(UUID accountId, String userName, String displayName, String workEmail, String state,
                      String codeHash, String decidedBy, Instant decidedAt) {
    }

    record ProgressRow(String libraryCode, String libraryName, String state, int count) {
    }

    String ROUND = "SELECT id, starts_at, scheduled_by, started_at, ended_at FROM verification_round ";
    String ACCOUNT = "SELECT v.account_id, a.user_name, a.display_name, a.work_email, v.state, v.code_hash, "
            + "v.decided_by, v.decided_at FROM verification_account v JOIN staff_account a ON a.id = v.account_id ";

    /** The round not yet ended, if there is one (there is at most one). */
    @SqlQuery(ROUND + "WHERE ended_at IS NULL")
    @RegisterConstructorMapper(RoundRow.class)
    Optional<RoundRow> open();

    /** The newest round, ended or not. */
    @SqlQuery(ROUND + "ORDER BY scheduled_at DESC FETCH FIRST 1 ROWS ONLY")
    @RegisterConstructorMapper(RoundRow.class)
    Optional<RoundRow> newest();

    @SqlUpdate("INSERT INTO verification_round (id, starts_at, scheduled_by, scheduled_at) "
            + "VALUES (:id, :startsAt, :by, :at)")
    void schedule(@Bind("id") UUID id, @Bind("startsAt") Instant startsAt, @Bind("by") String by,
                  @Bind("at") Instant at);

    /** Marks the round started; 0 when another central instance started it first. */
    @SqlUpdate("UPDATE verification_round SET started_at = :now WHERE id = :id AND started_at IS NULL")
    int start(@Bind("id") UUID id, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO verification_account (round_id, account_id, state) "
            + "SELECT :round, id, 'PENDING' FROM staff_account WHERE kind = 'PERSONAL' AND active")
    int enlist(@Bind("round") UUID round);

    @SqlUpdate("DELETE FROM staff_session WHERE account_id IN (SELECT account_id FROM verification_account "
            + "WHERE round_id = :round)")
    int endSessions(@Bind("round") UUID round);

    @SqlUpdate("UPDATE staff_account SET active = FALSE WHERE id IN (SELECT account_id FROM verification_account "
            + "WHERE round_id = :round)")
    int deactivate(@Bind("round") UUID round);

    /** The enlisted library administrators (those who may administer staff somewhere), with a work address. */
    @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND a.work_email IS NOT NULL AND v.account_id IN ("
            + "SELECT g.account_id FROM staff_grant g JOIN staff_role_permission p ON p.role_code = g.role_code "
            + "WHERE p.permission IN ('STAFF_ADMIN', 'VERIFICATION_ROUND')) ORDER BY a.user_name")
    @RegisterConstructorMapper(AccountRow.class)
    List<AccountRow> administrators(@Bind("round") UUID round);

    @SqlUpdate("UPDATE verification_account SET code_hash = :hash WHERE round_id = :round AND account_id = :id")
    void setCode(@Bind("round") UUID round, @Bind("id") UUID account, @Bind("hash") String hash);

    @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND v.account_id IN (SELECT account_id FROM staff_grant "
            + "WHERE library_code = :library) ORDER BY a.user_name")
    @RegisterConstructorMapper(AccountRow.class)
    List<AccountRow> ofLibrary(@Bind("round") UUID round, @Bind("library") String library);

    @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND v.account_id = :id")
    @RegisterConstructorMapper(AccountRow.class)
    Optional<AccountRow> account(@Bind("round") UUID round, @Bind("id") UUID account);

    @SqlQuery(ACCOUNT + "WHERE v.round_id = :round AND a.user_name = :name")
    @RegisterConstructorMapper(AccountRow.class)
    Optional<AccountRow> named(@Bind("round") UUID round, @Bind("name") String userName);

    /** Decides an account; 0 when it was decided finally already (re-activated or closed). */
    @SqlUpdate("UPDATE verification_account SET state = :state, decided_by = :by, decided_at = :at "
            + "WHERE round_id = :round AND account_id = :id AND state IN ('PENDING', 'VERIFIED')")
    int decide(@Bind("round") UUID round, @Bind("id") UUID account, @Bind("state") String state,
               @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("UPDATE staff_account SET active = TRUE, " + StaffDao.KEEP_CHOSEN_PASSWORD + ", password_hash = :hash, "
            + "must_change_password = TRUE, failed_attempts = 0, locked_until = NULL WHERE id = :id")
    void reactivate(@Bind("id") UUID account, @Bind("hash") String passwordHash);

    /** Whether a round that has started holds the account inactive until someone decides it. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM verification_account a JOIN verification_round r ON r.id = a.round_id "
            + "WHERE a.account_id = :id AND r.started_at IS NOT NULL AND r.ended_at IS NULL "
            + "AND a.state IN ('PENDING', 'VERIFIED')")
    boolean awaitsDecision(@Bind("id") UUID account);

    @SqlQuery("SELECT COUNT(*) FROM verification_account WHERE round_id = :round "
            + "AND state IN ('PENDING', 'VERIFIED')")
    int undecided(@Bind("round") UUID round);

    @SqlUpdate("UPDATE verification_round SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
    int end(@Bind("id") UUID id, @Bind("now") Instant now);

    /** Removes a round that has not started; 0 when it started meanwhile. */
    @SqlUpdate("DELETE FROM verification_round WHERE id = :id AND started_at IS NULL")
    int cancel(@Bind("id") UUID id);

    @SqlQuery("SELECT g.library_code, l.name AS library_name, v.state, COUNT(DISTINCT v.account_id) AS count "
            + "FROM verification_account v JOIN staff_grant g ON g.account_id = v.account_id "
            + "JOIN library l ON l.code = g.library_code WHERE v.round_id = :round "
            + "GROUP BY g.library_code, l.name, v.state ORDER BY g.library_code")
    @RegisterConstructorMapper(ProgressRow.class)
    List<ProgressRow> progress(@Bind("round") UUID round);

    @SqlQuery("SELECT COUNT(*) > 0 FROM staff_grant WHERE account_id = :id AND library_code = :library")
    boolean grantedAt(@Bind("id") UUID account, @Bind("library") String library);

    @SqlQuery("SELECT role_code FROM staff_grant WHERE account_id = :id ORDER BY library_code, role_code")
    List<String> roles(@Bind("id") UUID account);
}
