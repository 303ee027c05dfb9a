package app.carddesk.store;

import app.carddesk.sync.SyncProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
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

    @SqlUpdate("UPDATE patron SET central_version = :version WHERE id IN (<ids>)")
    void setCentralVersion(@org.jdbi.v3.sqlobject.customizer.BindList("ids") List<UUID> ids,
                           @Bind("version") Integer version);

    @SqlBatch("INSERT INTO card (number, status, patron_id, issued_at) SELECT :number, 'ISSUED', :patron, :at "
            + "WHERE NOT EXISTS (SELECT 1 FROM card WHERE number = :number)")
    void ensureCards(@Bind("number") List<String> numbers, @Bind("patron") List<UUID> patrons, @Bind("at") Instant at);

    /**
     * The central register's holder of a card is its holder here: a card two desks issued while
     * apart is the one the central register took first, never the local patron it refused.
     */
    @SqlBatch("UPDATE card SET patron_id = :patron WHERE number = :number AND status = 'ISSUED' "
            + "AND (patron_id IS NULL OR patron_id <> :patron)")
    void claimCards(@Bind("number") List<String> numbers, @Bind("patron") List<UUID> patrons);

    @SqlQuery("SELECT DISTINCT patron_id FROM sync_problem WHERE change_kind = 'PATRON_CREATED' "
            + "AND resolved_at IS NULL AND patron_id IS NOT NULL")
    java.util.Set<UUID> refusedRegistrations();

    /** A registration the central register took after all: its earlier refusals are settled. */
    @SqlUpdate("UPDATE sync_problem SET resolved_at = :at, resolution = 'REGISTERED_AGAIN', resolved_by = :staff "
            + "WHERE patron_id = :id AND change_kind = 'PATRON_CREATED' AND resolved_at IS NULL")
    int registeredAgain(@Bind("id") UUID patronId, @Bind("staff") String staff, @Bind("at") Instant at);

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

    /**
     * Takes the central register's version of a patron this desk has: every column the central
     * owns ({@link PatronRows#fromCentral}), and the version it answered with.
     */
    default int updateFromCentral(app.carddesk.domain.Patron patron, Integer centralVersion, Instant now) {
        java.util.Map<String, Object> row = PatronRows.columns(patron, null);
        List<String> assignments = PatronRows.fromCentral(row);
        row.put("central_version", centralVersion);
        row.put("now", now);
        return updateRow(assignments, row);
    }

    @SqlUpdate("UPDATE patron SET <assignments>, central_version = :central_version, updated_at = :now WHERE id = :id")
    int updateRow(@org.jdbi.v3.sqlobject.customizer.DefineList("assignments") List<String> assignments,
                  @org.jdbi.v3.sqlobject.customizer.BindMap java.util.Map<String, Object> row);
}
