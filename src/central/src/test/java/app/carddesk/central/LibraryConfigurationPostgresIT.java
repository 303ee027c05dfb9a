package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** Library configurations again on PostgreSQL, as a country-sized register keeps them. */
class LibraryConfigurationPostgresIT extends LibraryConfigurationIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
