package app.carddesk.central;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The lifecycle tests again on PostgreSQL (CI sets {@code CARDDESK_TEST_PG_URL}). */
class CentralLifecyclePostgresTest extends CentralLifecycleTest {

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(CentralFixture.POSTGRES_URL != null, "CARDDESK_TEST_PG_URL is not set");
    }

    @Override
    boolean postgres() {
        return true;
    }
}
