package app.carddesk.store;

import app.carddesk.issuing.AuditEntry;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit trail: who did what to which patron, without personal data. */
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_event (at, staff, workstation, staff_roles, action, patron_id, detail) "
            + "VALUES (:at, :staff, :workstation, :staffRoles, :action, :patronId, :detail)")
    void append(@BindMethods AuditEntry entry);

    @SqlQuery("SELECT id AS seq, at, staff, staff_roles AS roles, action, patron_id, detail FROM audit_event "
            + "WHERE id > :after ORDER BY id LIMIT :limit")
    @RegisterConstructorMapper(app.carddesk.sync.AuditItem.class)
    List<app.carddesk.sync.AuditItem> after(@Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT at, staff, workstation, COALESCE(staff_roles, '') AS staff_roles, action, patron_id, detail "
            + "FROM audit_event WHERE patron_id = :id "
            + "ORDER BY id")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> forPatron(@Bind("id") UUID patronId);
}
