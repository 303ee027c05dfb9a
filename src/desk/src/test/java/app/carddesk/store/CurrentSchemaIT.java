package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A register opens without Flyway only when every migration ran and succeeded. */
class CurrentSchemaIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    @TempDir
    Path dir;

    @Test
    void onlyACompleteRegisterCountsAsCurrent() {
        String url = "jdbc:h2:file:" + dir.resolve("carddesk").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool empty = JdbcConnectionPool.create(url, "carddesk", "");
        assertThat(Database.isCurrent(empty)).as("a new file").isFalse();
        empty.dispose();

        try (Database db = Database.open(dir, KEY)) {
            int cards = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM card").mapTo(Integer.class).one());
            assertThat(cards).isZero();
        }
        // The plain file made above was encrypted when the register opened: it opens with the key only.
        JdbcConnectionPool migrated = JdbcConnectionPool.create(url.replace(";DB_CLOSE", ";CIPHER=AES;DB_CLOSE"),
                "carddesk", new String(KEY.filePassword()) + " ");
        assertThat(Database.isCurrent(migrated)).as("after every migration").isTrue();
        try (var c = migrated.getConnection(); var st = c.createStatement()) {
            st.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                    + Database.SCHEMA_VERSION + "'");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(Database.isCurrent(migrated)).as("with a failed migration").isFalse();
        migrated.dispose();
    }

    @Test
    void aRegisterOpensAgainWithItsData() {
        try (Database db = Database.open(dir, KEY)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO card (number, status, issued_at) VALUES ('409900001', 'DESTROYED', CURRENT_TIMESTAMP)"));
        }
        try (Database again = Database.open(dir, KEY)) {
            String status = again.jdbi().withHandle(h -> h.createQuery("SELECT status FROM card").mapTo(String.class)
                    .one());
            assertThat(status).isEqualTo("DESTROYED");
        }
    }
}
