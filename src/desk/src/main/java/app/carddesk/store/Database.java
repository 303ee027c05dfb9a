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
    private final RegisterWriter writer;
    private final Path file;
    private final String url;

    private Database(Path file, String url, JdbcConnectionPool pool) {
        this.file = file;
        this.url = url;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        this.writer = new RegisterWriter(jdbi);
    }

    /**
     * Opens (creating if needed) the database {@code carddesk} in {@code folder} and brings its
     * schema up to date.
     */
    public static Database open(Path folder) {
        return open(folder, "carddesk");
    }

    /**
     * Opens the register of one library profile: {@code carddesk} when that profile owns it (or it
     * is new, or every card in it is one of the profile's), else {@code carddesk-PROFILE} of its own.
     * A desk switched to another profile thus never sees, nor sends, the first library's patrons.
     */
    public static Database openFor(Path folder, String profile) {
        Database main = open(folder, "carddesk");
        if (main.ownedBy(profile)) {
            return main;
        }
        main.close();
        Database own = open(folder, "carddesk-" + profile.replaceAll("[^A-Za-z0-9_-]", "_"));
        if (!own.ownedBy(profile)) {
            own.close();
            throw new IllegalStateException("register for " + profile + " belongs to another profile");
        }
        LOG.info("Profile {} has a register of its own: {}", profile, own.file().getFileName());
        return own;
    }

    /** Claims an unclaimed register for {@code profile} when nothing in it belongs to another library. */
    private boolean ownedBy(String profile) {
        return jdbi.withExtension(RegisterOwnerDao.class, dao -> dao.ownedBy(profile));
    }

    private static Database open(Path folder, String name) {
        Path file = folder.resolve(name);
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "carddesk", "");
        pool.setMaxConnections(8);
        if (!isCurrent(pool)) {
            Flyway.configure().dataSource(pool).locations("classpath:db/desk").load().migrate();
        }
        LOG.info("Desk store open at {}", file.toAbsolutePath());
        return new Database(file, url, pool);
    }

    /**
     * The newest migration in {@code db/desk}; a test keeps it equal to the files. A register already at
     * this version, with no failed migration, opens without Flyway, whose look for migrations through the
     * desk's jar costs every start a noticeable part of a second.
     */
    static final int SCHEMA_VERSION = 10;

    static boolean isCurrent(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (!tables.next()) {
                return false;
            }
            try (java.sql.ResultSet r = st.executeQuery("SELECT MAX(CASE WHEN \"success\" THEN CAST(\"version\" AS INT) "
                    + "END), SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"flyway_schema_history\" "
                    + "WHERE \"version\" IS NOT NULL")) {
                return r.next() && r.getInt(1) == SCHEMA_VERSION && r.getInt(2) == 0;
            }
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private final java.util.List<Runnable> queuedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after a transaction that queued changes for the central register has committed. */
    public void onChangeQueued(Runnable listener) {
        queuedListeners.add(listener);
    }

    void changeQueued() {
        queuedListeners.forEach(Runnable::run);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The one thread that writes this register (see {@link RegisterWriter}). */
    public RegisterWriter writer() {
        return writer;
    }

    public Path file() {
        return file;
    }

    /**
     * Shuts H2 down, compacted, through a plain JDBC connection outside the pool (a pooled connection rolls
     * back on close, which fails once the database is shut).
     */
    @Override
    public void close() {
        writer.close();
        pool.dispose();
        try (Connection c = DriverManager.getConnection(url, "carddesk", ""); Statement s = c.createStatement()) {
            // COMPACT rewrites the file: rows deleted meanwhile (acknowledged outbox payloads, forgotten
            // patrons) leave no trace in it, as they would in the free space of a plain shutdown.
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("Desk store did not shut down cleanly: {}", e.getMessage());
        }
        // The compacted file is a new file: it is the owner's only, like the one it replaced.
        try {
            DataFolder.restrictFiles(file.toAbsolutePath().getParent());
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("The desk store's files could not be made the owner's only: {}", e.getMessage());
        }
    }
}
