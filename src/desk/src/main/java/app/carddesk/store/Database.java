package app.carddesk.store;

import app.carddesk.h2.MigrationHistory;
import app.carddesk.h2.Migrations;
import app.carddesk.h2.RegisterRecovery;
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

    /** The register is encrypted under another key than the one a sign-in produced; nothing was changed. */
    public static final class WrongKeyException extends RuntimeException {
        WrongKeyException(Path file) {
            super("the register " + file.getFileName() + " does not open with this key");
        }
    }

    /** Another CardDesk on this computer has the register open (H2 holds a lock on the file); nothing was changed. */
    public static final class RegisterInUseException extends RuntimeException {
        public RegisterInUseException(Path file, Throwable cause) {
            super("the register " + file.getFileName() + " is open in another CardDesk", cause);
        }
    }

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;
    private final RegisterWriter writer;
    private final Path file;
    private final String url;
    private final String password;

    private Database(Path file, String url, String password, JdbcConnectionPool pool) {
        this.file = file;
        this.url = url;
        this.password = password;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        this.writer = new RegisterWriter(jdbi);
    }

    /**
     * Opens (creating if needed) the database {@code carddesk} in {@code folder}, encrypted under
     * {@code key}, and brings its schema up to date.
     */
    public static Database open(Path folder, app.carddesk.staff.RegisterKey key) {
        return open(folder, "carddesk", key);
    }

    /**
     * Loads what opening a register needs (H2, Flyway, Jdbi) on an in-memory database, while the
     * sign-in screen waits for the person to type: the register then opens sooner after the sign-in.
     * Nothing is read or written in the data folder.
     */
    public static void warmUp() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:carddesk-warm-up", "carddesk", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/desk").load().migrate();
            Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).withExtension(RegisterOwnerDao.class,
                    dao -> dao.ownedBy("WARM-UP"));
        } finally {
            pool.dispose();
        }
    }

    /** H2's first bytes of a file encrypted with {@code CIPHER=AES}. */
    private static final byte[] ENCRYPTED = "H2encrypt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether the data folder holds a register encrypted under some key (decision 0012). */
    public static boolean encryptedRegisterIn(Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("carddesk(-.+)?\\.mv\\.db"))
                    .anyMatch(Database::encrypted);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean encrypted(Path mvFile) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(mvFile)) {
            return java.util.Arrays.equals(in.readNBytes(ENCRYPTED.length), ENCRYPTED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A register from before encryption: encrypted in place under {@code key} before it opens. H2
     * writes the encrypted copy to a new file and moves it over the plain one when complete, so a
     * crash meanwhile leaves the plain register, encrypted at the next sign-in.
     */
    private static void encryptIfPlain(Path folder, String name, app.carddesk.staff.RegisterKey key) {
        Path mv = folder.resolve(name + ".mv.db");
        if (!java.nio.file.Files.isRegularFile(mv) || encrypted(mv)) {
            return;
        }
        try {
            org.h2.tools.ChangeFileEncryption.execute(folder.toString(), name, "AES", null, key.filePassword(), true);
            LOG.info("Desk store {} encrypted", mv.getFileName());
        } catch (SQLException e) {
            throw new IllegalStateException("the plain register could not be encrypted", e);
        }
    }

    /**
     * Opens the register of one library profile: {@code carddesk} when that profile owns it (or it
     * is new, or every card in it is one of the profile's), else {@code carddesk-PROFILE} of its own.
     * A desk switched to another profile thus never sees, nor sends, the first library's patrons.
     */
    public static Database openFor(Path folder, String profile, app.carddesk.staff.RegisterKey key) {
        Database main = open(folder, "carddesk", key);
        if (main.ownedBy(profile)) {
            return main;
        }
        main.close();
        Database own = open(folder, "carddesk-" + profile.replaceAll("[^A-Za-z0-9_-]", "_"), key);
        if (!own.ownedBy(profile)) {
            own.close();
            throw new IllegalStateException("register for " + profile + " belongs to another profile");
        }
        LOG.info("Profile {} has a register of its own: {}", profile, own.file().getFileName());
        return own;
    }

    /** Claims an unclaimed register for {@code profile} when nothing in it belongs to another library. */
    public boolean ownedBy(String profile) {
        return jdbi.withExtension(RegisterOwnerDao.class, dao -> dao.ownedBy(profile));
    }

    private static Database open(Path folder, String name, app.carddesk.staff.RegisterKey key) {
        encryptIfPlain(folder, name, key);
        Path file = folder.resolve(name);
        // Encrypted as CIPHER=AES encrypts, through the JDK's AES (AesFile); the key is given apart from the URL.
        // H2 would write a result of more rows than MAX_MEMORY_ROWS to a temporary file outside the register,
        // in clear: the desk keeps every result in memory, as it holds the lists it reads in memory anyway.
        AesFilePath.unlock(file, key.filePassword());
        // WRITE_DELAY=0: H2 writes a commit to the file before the commit returns. By default it waits up
        // to half a second, and a desk killed in that time (kill -9, a crash) lost a card it had issued.
        // Pages of the change feed alone are held back for a moment (RegisterWriter.useRepeatableTransaction).
        String url = "jdbc:h2:" + AesFilePath.databaseName(file) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;"
                + "MAX_MEMORY_ROWS=" + Integer.MAX_VALUE;
        String password = "";
        RegisterRecovery.beforeOpen(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "carddesk", password);
        pool.setMaxConnections(8);
        try (Connection first = pool.getConnection()) {
            LOG.debug("Desk store {} opened", name);
        } catch (SQLException e) {
            pool.dispose();
            AesFilePath.lock(file);
            if (causedBy(e, AesFile.WrongKey.class)) {
                throw new WrongKeyException(file);
            }
            if (lockedByAnother(e)) {
                throw new RegisterInUseException(file, e);
            }
            throw new IllegalStateException("the desk store could not be opened", e);
        }
        if (!isCurrent(pool)) {
            migrate(pool);
        }
        LOG.info("Desk store open at {}", file.toAbsolutePath());
        return new Database(file, url, password, pool);
    }

    /**
     * The newest migration in {@code db/desk}; a test keeps it equal to the files. A register already at
     * this version opens without Flyway ({@link MigrationHistory}).
     */
    static final int SCHEMA_VERSION = 13;

    /**
     * Versions 2 and 4 once inserted the demo profiles and their rules; they no longer do (decision
     * 0013), and a register migrated before keeps what they inserted.
     */
    private static void migrate(JdbcConnectionPool pool) {
        Migrations.migrate(pool, "classpath:db/desk", java.util.Set.of("2", "4"));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lockedByAnother(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.h2.mvstore.MVStoreException m
                    && m.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                return true;
            }
        }
        return false;
    }

    static boolean isCurrent(JdbcConnectionPool pool) {
        return MigrationHistory.isAt(pool, SCHEMA_VERSION);
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
        try (Connection c = DriverManager.getConnection(url, "carddesk", password); Statement s = c.createStatement()) {
            // COMPACT rewrites the file: rows deleted meanwhile (acknowledged outbox payloads, forgotten
            // patrons) leave no trace in it, as they would in the free space of a plain shutdown.
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("Desk store did not shut down cleanly: {}", e.getMessage());
        }
        AesFilePath.lock(file);
        // The compacted file is a new file: it is the owner's only, like the one it replaced.
        try {
            DataFolder.restrictFiles(file.toAbsolutePath().getParent());
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("The desk store's files could not be made the owner's only: {}", e.getMessage());
        }
    }
}
