package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** Who may do what with another library's patron, again on PostgreSQL (CI sets {@code CARDDESK_TEST_PG_URL}). */
class HomeLibraryRulesPostgresIT extends HomeLibraryRulesIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
