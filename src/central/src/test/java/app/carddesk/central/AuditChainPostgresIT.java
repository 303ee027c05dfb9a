package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** The audit chain again on PostgreSQL, where several central instances share one register. */
class AuditChainPostgresIT extends AuditChainIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
