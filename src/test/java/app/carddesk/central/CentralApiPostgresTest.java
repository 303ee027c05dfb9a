package app.carddesk.central;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every central API test again, on PostgreSQL: the same migrations and DAOs serve the embedded
 * default and an organisation's server. CI installs and starts PostgreSQL and sets
 * {@code CARDDESK_TEST_PG_URL}; a machine without one skips these.
 */
class CentralApiPostgresTest extends CentralApiTest {

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(CentralFixture.POSTGRES_URL != null, "CARDDESK_TEST_PG_URL is not set");
    }

    @Override
    boolean postgres() {
        return true;
    }
}
