package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every central API test again, on PostgreSQL: the same migrations and DAOs serve the embedded
 * default and an organisation's server. CI installs and starts PostgreSQL and sets
 * {@code CARDDESK_TEST_PG_URL}; a machine without one skips these.
 */
class CentralApiPostgresIT extends CentralApiIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
