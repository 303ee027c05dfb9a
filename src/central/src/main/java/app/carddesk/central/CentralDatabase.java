package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.h2.MigrationHistory;
import app.carddesk.h2.Migrations;
import app.carddesk.h2.RegisterRecovery;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The central register's database: H2 by default, PostgreSQL for an organisation or a country. */
public final class CentralDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private CentralDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        RowMappers.registerOn(jdbi);
    }

    public static CentralDatabase open(String jdbcUrl, String user, String password) {
        RegisterRecovery.beforeOpen(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withH2Settings(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        // Grown on demand and shrunk after ten idle minutes: several instances share one PostgreSQL,
        // and each connection opened costs its SCRAM handshake (4,096 rounds of HMAC-SHA-256).
        config.setMinimumIdle(2);
        config.setPoolName("carddesk-central");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            if (!MigrationHistory.isAt(pool, SCHEMA_VERSION)) {
                migrate(pool);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            numberAheadOnH2(pool);
        }
        ownerOnly(jdbcUrl);
        return new CentralDatabase(pool);
    }

    /**
     * The newest migration in {@code db/central}; a test keeps it equal to the files. A register already
     * at this version opens without Flyway ({@link MigrationHistory}); a register of another version is
     * Flyway's to migrate, or to refuse (one that a newer central already migrated further).
     */
    static final int SCHEMA_VERSION = 23;

    /**
     * Versions 2 and 5 once inserted the demo libraries; they no longer do (demo data is loaded only in
     * demo mode), and a register migrated before keeps what they inserted.
     */
    private static void migrate(HikariDataSource pool) {
        Migrations.migrate(pool, "classpath:db/central", java.util.Set.of("2", "5"));
    }

    /**
     * H2 writes an identity column's next number to the file every {@code CACHE} numbers (32 by
     * default), in a commit of its own; with {@code WRITE_DELAY=0} each such commit writes every page
     * the request has changed so far. A batch of 500 registrations numbers 1,000 feed and audit rows:
     * that was some 30 extra writes of the batch's pages (a fifth of the central's time in a push).
     * With 1,000 numbers at a time a crash leaves a gap in the numbers, never a number used twice.
     * Only on H2: PostgreSQL caches numbers per connection, which would hand them out of order.
     */
    private static void numberAheadOnH2(HikariDataSource pool) {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER TABLE change_feed ALTER COLUMN seq SET CACHE 1000");
            s.execute("ALTER TABLE audit_event ALTER COLUMN id SET CACHE 1000");
        } catch (java.sql.SQLException e) {
            pool.close();
            throw new IllegalStateException("the register's numbering could not be set", e);
        }
    }

    /**
     * H2 gives up waiting for a row another transaction holds after 2 s by default; a request that
     * waits for the same Idempotency-Key's first request (hashing a PIN, under load) may wait longer.
     */
    static String withH2Settings(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        // WRITE_DELAY=0: a registration answered 201 is in the file. H2 otherwise writes up to half a
        // second later, and a central killed in that time lost what the desk took as delivered.
        return jdbcUrl + (upper.contains("LOCK_TIMEOUT") ? "" : ";LOCK_TIMEOUT=15000")
                + (upper.contains("WRITE_DELAY") ? "" : ";WRITE_DELAY=0");
    }

    /**
     * An H2 register's files are readable by the service's user only, whatever the folder they are
     * in allows (a container's data volume may be open to others).
     */
    static void ownerOnly(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        java.nio.file.Path base = java.nio.file.Path.of(jdbcUrl.substring("jdbc:h2:file:".length()).split(";")[0])
                .toAbsolutePath();
        java.nio.file.Path folder = base.getParent();
        String name = base.getFileName() + ".";
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith(name)).toList()) {
                java.nio.file.Files.setPosixFilePermissions(f,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the service's profile folder is private already.
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(CentralDatabase.class)
                    .warn("The register's files could not be made the owner's only: {}", e.getMessage());
        }
    }

    /** The demo libraries, each a configuration file bundled with CardDesk. */
    static final java.util.List<String> DEMO_LIBRARIES = java.util.List.of("DEMO-DK", "DEMO-NO", "DEMO-NO-BGO");

    /**
     * Loads the demo libraries (demo mode only) from their configuration files, as an operator would
     * import them, and their staffed hours; a library the register has already is left as it is.
     */
    public void loadDemoData() {
        LibraryConfigurations configurations = new LibraryConfigurations(jdbi, java.time.Clock.systemUTC());
        for (String code : DEMO_LIBRARIES) {
            if (configurations.version(code).isEmpty()) {
                configurations.put(code, app.carddesk.config.ConfigurationFile.bundled(
                        "/app/carddesk/config/demo/" + code + ".json"), LibraryConfigurations.Author.operator("demo mode"));
            }
        }
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM library_hours").mapTo(Integer.class).one() > 0) {
                return;
            }
            try (java.io.InputStream in = CentralDatabase.class.getResourceAsStream(
                    "/app/carddesk/central/demo/demo-hours.sql")) {
                h.createScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).execute();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Whether the database answers a trivial query within a second (readiness). */
    public boolean answers() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").setQueryTimeout(1).mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CentralDatabase.class)
                    .warn("Readiness: the database does not answer ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    int poolActive() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    int poolIdle() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getIdleConnections();
    }

    int poolWaiting() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
    }

    public boolean isPostgres() {
        return pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** Closing the pool closes every connection; H2 then closes its file by itself. */
    @Override
    public void close() {
        pool.close();
    }
}
