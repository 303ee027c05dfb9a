package app.carddesk.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Flyway's history read over plain JDBC: only a register at the version, with no failed migration, is there. */
class MigrationHistoryIT {

    private final JdbcDataSource register = new JdbcDataSource();

    MigrationHistoryIT() {
        register.setURL("jdbc:h2:mem:history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void onlyARegisterAtTheVersionWithNoFailedMigrationIsThere() throws SQLException {
        assertThat(MigrationHistory.isAt(register, 3)).as("no history").isFalse();
        execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT PRIMARY KEY, \"version\" VARCHAR(50), "
                + "\"type\" VARCHAR(20), \"success\" BOOLEAN NOT NULL)");
        assertThat(MigrationHistory.isAt(register, 3)).as("an empty history").isFalse();
        execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '1', 'SQL', TRUE), (2, '2', 'SQL', TRUE), "
                + "(3, NULL, 'SQL', TRUE)");
        assertThat(MigrationHistory.isAt(register, 3)).as("an older register").isFalse();
        execute("INSERT INTO \"flyway_schema_history\" VALUES (4, '3', 'SQL', TRUE)");
        assertThat(MigrationHistory.isAt(register, 3)).as("at the version").isTrue();
        assertThat(MigrationHistory.isAt(register, 2)).as("a register a newer product migrated further").isFalse();
        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        assertThat(MigrationHistory.isAt(register, 3)).as("with a failed migration").isFalse();
        execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE, \"version\" = '2.1' WHERE \"version\" = '2'");
        assertThat(MigrationHistory.isAt(register, 3)).as("a version that is not a whole number").isFalse();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = register.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
