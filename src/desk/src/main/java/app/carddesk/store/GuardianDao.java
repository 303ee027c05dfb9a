package app.carddesk.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code guardian_link} table: which patron is a child's guardian, since when, recorded by whom. */
public interface GuardianDao {

    /** One link between a child and a guardian. */
    record Link(UUID childId, UUID guardianId, Instant consentAt, String recordedBy) {
    }

    @SqlQuery("SELECT child_id, guardian_id, consent_at, recorded_by FROM guardian_link WHERE child_id IN (<ids>) "
            + "ORDER BY consent_at")
    @RegisterConstructorMapper(Link.class)
    List<Link> ofChildren(@BindList("ids") Collection<UUID> children);

    @SqlBatch("INSERT INTO guardian_link (child_id, guardian_id, consent_at, recorded_by) "
            + "VALUES (:childId, :guardianId, :consentAt, :recordedBy)")
    void linkAll(@BindMethods List<Link> links);

    @SqlUpdate("DELETE FROM guardian_link WHERE child_id IN (<ids>)")
    void unlinkChildren(@BindList("ids") Collection<UUID> children);

    /** Every link the patron is part of, as child or as guardian. */
    @SqlUpdate("DELETE FROM guardian_link WHERE child_id = :id OR guardian_id = :id")
    void unlinkPatron(@Bind("id") UUID patron);
}
