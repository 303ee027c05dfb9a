package app.carddesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's embedded H2 database: opened on a file, migrated by Flyway, used through Jdbi, and
 * shut down cleanly so that the file is consistent when the desk closes.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;
    private final Path file;
    private final String url;

    private Database(Path file, String url, JdbcConnectionPool pool) {
        this.file = file;
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens (creating if needed) the database {@code carddesk} in {@code folder} and brings its
     * schema up to date.
     */
    public static Database open(Path folder) {
        Path file = folder.resolve("carddesk");
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "carddesk", "");
        pool.setMaxConnections(8);
        Flyway.configure().dataSource(pool).locations("classpath:db/desk").load().migrate();
        LOG.info("Desk store open at {}", file.toAbsolutePath());
        return new Database(file, url, pool);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Path file() {
        return file;
    }

    /**
     * Shuts H2 down through a plain JDBC connection outside the pool (a pooled connection rolls
     * back on close, which fails once the database is shut).
     */
    @Override
    public void close() {
        pool.dispose();
        try (Connection c = DriverManager.getConnection(url, "carddesk", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Desk store did not shut down cleanly: {}", e.getMessage());
        }
    }
}
