package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** The audit trail again on PostgreSQL, where the organisation's audit grows largest. */
class AuditTrailPostgresIT extends AuditTrailIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
