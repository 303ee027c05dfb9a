package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A register opens without Flyway only when every migration ran and succeeded. */
class CurrentSchemaIT {

    @TempDir
    Path dir;

    @Test
    void onlyACompleteRegisterCountsAsCurrent() {
        String url = "jdbc:h2:file:" + dir.resolve("carddesk").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool empty = JdbcConnectionPool.create(url, "carddesk", "");
        assertThat(Database.isCurrent(empty)).as("a new file").isFalse();
        empty.dispose();

        try (Database db = Database.open(dir)) {
            int cards = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM card").mapTo(Integer.class).one());
            assertThat(cards).isZero();
        }
        JdbcConnectionPool migrated = JdbcConnectionPool.create(url, "carddesk", "");
        assertThat(Database.isCurrent(migrated)).as("after every migration").isTrue();
        try (var c = migrated.getConnection(); var st = c.createStatement()) {
            st.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '7'");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(Database.isCurrent(migrated)).as("with a failed migration").isFalse();
        migrated.dispose();
    }

    @Test
    void aRegisterOpensAgainWithItsData() {
        try (Database db = Database.open(dir)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO card (number, status, issued_at) VALUES ('409900001', 'DESTROYED', CURRENT_TIMESTAMP)"));
        }
        try (Database again = Database.open(dir)) {
            String status = again.jdbi().withHandle(h -> h.createQuery("SELECT status FROM card").mapTo(String.class)
                    .one());
            assertThat(status).isEqualTo("DESTROYED");
        }
    }
}
