package app.carddesk.central;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** Who may do what with another library's patron, again on PostgreSQL (CI sets {@code CARDDESK_TEST_PG_URL}). */
class HomeLibraryRulesPostgresTest extends HomeLibraryRulesTest {

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(CentralFixture.POSTGRES_URL != null, "CARDDESK_TEST_PG_URL is not set");
    }

    @Override
    boolean postgres() {
        return true;
    }
}
