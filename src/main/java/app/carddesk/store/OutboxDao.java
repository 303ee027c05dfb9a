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

    record Pending(long seq, UUID patronId, String kind, String payload, Instant createdAt) {
    }

    @SqlUpdate("INSERT INTO outbox (patron_id, kind, payload, created_at) VALUES (:patronId, :kind, :payload, :at)")
    void append(@BindMethods OutboxEntry entry, @Bind("at") Instant at);

    @SqlQuery("SELECT seq, patron_id, kind, payload, created_at FROM outbox ORDER BY seq LIMIT :limit")
    @RegisterConstructorMapper(Pending.class)
    List<Pending> oldest(@Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM outbox")
    long count();
}
