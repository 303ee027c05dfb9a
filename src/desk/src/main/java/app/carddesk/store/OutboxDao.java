package app.carddesk.store;

import app.carddesk.issuing.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Changes waiting to be sent to the central register, in the order they were made. */
public interface OutboxDao {

    record Pending(long seq, UUID patronId, app.carddesk.issuing.OutboxKind kind, String payload, Instant createdAt, String idemKey,
                   int attempts, String staffUser) {
    }

    /**
     * Queues a change made by {@code staff} (null: the desk's own). Every entry gets its own
     * idempotency key, so a resend after a lost answer is recognised; a time-ordered one (UUID
     * version 7), as the central register keeps the keys in an index (see {@code PatronIds}).
     */
    @SqlUpdate("INSERT INTO outbox (patron_id, kind, payload, created_at, idem_key, staff_user) "
            + "VALUES (:patronId, :kind, :payload, :at, CAST(RANDOM_UUID(7) AS VARCHAR), :staff)")
    void append(@BindMethods OutboxEntry entry, @Bind("at") Instant at, @Bind("staff") String staff);

    @SqlQuery("SELECT seq, patron_id, kind, payload, created_at, idem_key, attempts, staff_user FROM outbox WHERE seq > :seq "
            + "ORDER BY seq LIMIT :limit")
    @RegisterConstructorMapper(Pending.class)
    List<Pending> after(@Bind("seq") long seq, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM outbox")
    long count();

    @SqlQuery("SELECT MIN(created_at) FROM outbox")
    Instant oldestCreatedAt();

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE patron_id = :patron")
    long countFor(@Bind("patron") UUID patronId);

    @SqlUpdate("DELETE FROM outbox WHERE seq = :seq")
    int done(@Bind("seq") long seq);

    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE seq = :seq")
    void failed(@Bind("seq") long seq, @Bind("error") String error);

    @SqlUpdate("DELETE FROM outbox WHERE seq IN (<seqs>)")
    void deleteAll(@org.jdbi.v3.sqlobject.customizer.BindList("seqs") List<Long> seqs);

    @SqlUpdate("DELETE FROM outbox WHERE patron_id = :patron")
    void deleteFor(@Bind("patron") UUID patron);
}
