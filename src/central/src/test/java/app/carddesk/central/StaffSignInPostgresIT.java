package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** Staff sign-in again on PostgreSQL, where the lock's count must hold across instances. */
class StaffSignInPostgresIT extends StaffSignInIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
