package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** The lifecycle tests again on PostgreSQL (CI sets {@code CARDDESK_TEST_PG_URL}). */
class CentralLifecyclePostgresIT extends CentralLifecycleIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
