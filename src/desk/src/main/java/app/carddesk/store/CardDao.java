package app.carddesk.store;

import app.carddesk.issuing.CardRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code card} table: every card number ever issued, and whether it is retired. */
public interface CardDao {

    @SqlQuery("SELECT number, status, patron_id, retired_reason FROM card WHERE number = :number")
    @RegisterConstructorMapper(CardRecord.class)
    Optional<CardRecord> find(@Bind("number") String number);

    @SqlUpdate("INSERT INTO card (number, status, patron_id, issued_at) VALUES (:number, 'ISSUED', :patronId, :at)")
    void issue(@Bind("number") String number, @Bind("patronId") UUID patronId, @Bind("at") Instant at);

    @SqlUpdate("UPDATE card SET status = 'RETIRED', retired_at = :at, retired_reason = :reason "
            + "WHERE number = :number AND status = 'ISSUED'")
    int retire(@Bind("number") String number, @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlUpdate("DELETE FROM card WHERE number = :number")
    void delete(@Bind("number") String number);

    /** The card, unless it went to another patron meanwhile. */
    @SqlUpdate("DELETE FROM card WHERE number = :number AND patron_id = :patron")
    void deleteOf(@Bind("number") String number, @Bind("patron") UUID patron);

    @SqlUpdate("DELETE FROM card WHERE patron_id = :patron")
    void deleteAllOf(@Bind("patron") UUID patron);
}
