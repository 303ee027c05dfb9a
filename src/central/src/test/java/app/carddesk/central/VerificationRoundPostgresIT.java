package app.carddesk.central;

import org.junit.jupiter.api.BeforeAll;

/** The verification round again on PostgreSQL, where several central instances share the register. */
class VerificationRoundPostgresIT extends VerificationRoundIT {

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
