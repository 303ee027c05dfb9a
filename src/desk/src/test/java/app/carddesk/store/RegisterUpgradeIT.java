package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.RegisterKey;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register made before libraries were configured (its migrations 2 and 4 inserted the demo
 * profiles) opens with this version: those two migrations' changed checksums are accepted, the
 * rows they inserted and the patrons stay, and the register moves on to the current schema.
 */
class RegisterUpgradeIT {

    private static final RegisterKey KEY = RegisterKey.random();

    @TempDir
    Path dir;

    @Test
    void aRegisterFromBeforeConfigurationFilesOpensWithItsProfilesAndPatrons() {
        String url = "jdbc:h2:file:" + dir.resolve("carddesk").toAbsolutePath() + ";CIPHER=AES";
        String password = new String(KEY.filePassword()) + " ";
        org.h2.jdbcx.JdbcDataSource old = new org.h2.jdbcx.JdbcDataSource();
        old.setURL(url);
        old.setUser("carddesk");
        old.setPassword(password);
        Flyway.configure().dataSource(old).locations("classpath:db/before-configuration").load().migrate();
        org.jdbi.v3.core.Jdbi.create(old).useHandle(h -> {
            h.execute("INSERT INTO card (number, status, issued_at) VALUES ('409900009', 'ISSUED', CURRENT_TIMESTAMP)");
            h.execute("INSERT INTO register_owner (profile_code) VALUES ('DEMO-DK')");
        });

        try (Database db = Database.openFor(dir, "DEMO-DK", KEY)) {
            assertThat(db.file().getFileName().toString()).isEqualTo("carddesk");
            ProfileRepository profiles = new ProfileRepository(db);
            assertThat(profiles.codes()).containsExactly("DEMO-DK", "DEMO-NO");
            assertThat(profiles.load("DEMO-DK").orElseThrow().digitalServices()).hasSize(4);
            assertThat(profiles.version("DEMO-DK")).as("not yet from a configuration").isEmpty();
            int cards = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM card").mapTo(Integer.class).one());
            assertThat(cards).isEqualTo(1);
            int schema = db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM "
                    + "\"flyway_schema_history\" WHERE \"success\"").mapTo(Integer.class).one());
            assertThat(schema).isEqualTo(Database.SCHEMA_VERSION);
        }
        try (Database again = Database.openFor(dir, "DEMO-DK", KEY)) {
            assertThat(again.file().getFileName().toString()).as("opened again without any question").isEqualTo("carddesk");
        }
    }
}
