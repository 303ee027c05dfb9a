package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.h2.MigrationHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A central register opens without Flyway only when every migration ran and succeeded, on H2 and
 * on PostgreSQL; any other register is Flyway's, which migrates it.
 */
class CurrentSchemaIT {

    @TempDir
    Path dir;

    @Test
    void onH2() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
        JdbcDataSource register = new JdbcDataSource();
        register.setURL(url);
        register.setUser("carddesk");
        register.setPassword("");
        onlyACompleteRegisterCountsAsCurrent(register, url, "carddesk", "");
    }

    @Test
    void onPostgres() throws SQLException {
        CentralFixture.requirePostgres();
        String user = System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk");
        String password = System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", "carddesk");
        try (Connection c = DriverManager.getConnection(CentralFixture.POSTGRES_URL, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + CentralFixture.SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + CentralFixture.SCHEMA);
        } finally {
            // The fixture migrates the schema again for the next test that needs it.
            CentralFixture.forgetSeed();
        }
        PGSimpleDataSource register = new PGSimpleDataSource();
        register.setURL(CentralFixture.POSTGRES_URL);
        register.setUser(user);
        register.setPassword(password);
        onlyACompleteRegisterCountsAsCurrent(register, CentralFixture.POSTGRES_URL, user, password);
    }

    private static void onlyACompleteRegisterCountsAsCurrent(DataSource register, String url, String user,
            String password) throws SQLException {
        assertThat(MigrationHistory.isAt(register, CentralDatabase.SCHEMA_VERSION)).as("a new register").isFalse();
        CentralDatabase.open(url, user, password).close();
        assertThat(MigrationHistory.isAt(register, CentralDatabase.SCHEMA_VERSION)).as("after every migration")
                .isTrue();
        assertThat(MigrationHistory.isAt(register, CentralDatabase.SCHEMA_VERSION + 1))
                .as("for a central that has a newer migration").isFalse();
        try (Connection c = register.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                    + CentralDatabase.SCHEMA_VERSION + "'");
        }
        assertThat(MigrationHistory.isAt(register, CentralDatabase.SCHEMA_VERSION)).as("with a failed migration")
                .isFalse();
    }
}
