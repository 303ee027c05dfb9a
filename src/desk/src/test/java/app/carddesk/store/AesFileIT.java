package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.staff.RegisterKey;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's own reading and writing of H2's encrypted format (through the JDK's AES) gives the files
 * H2's {@code CIPHER=AES} gives: each opens what the other wrote, byte for byte and as a database.
 */
class AesFileIT {

    private static final RegisterKey KEY = RegisterKey.of(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});

    @TempDir
    Path dir;

    private static byte[] password() {
        return FilePathEncrypt.getPasswordBytes(KEY.filePassword());
    }

    private static FileChannel channel(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Whole blocks, then more that ends inside a block, as H2 writes them. */
    private static byte[] write(FileChannel file) throws Exception {
        byte[] content = new byte[5 * AesFile.BLOCK + 1234];
        new Random(7).nextBytes(content);
        content[0] = 'H'; // as a register's first block starts, which tells a wrong key
        content[1] = ':';
        file.write(ByteBuffer.wrap(content, 0, 3 * AesFile.BLOCK), 0);
        file.write(ByteBuffer.wrap(content, 3 * AesFile.BLOCK, content.length - 3 * AesFile.BLOCK), 3 * AesFile.BLOCK);
        return content;
    }

    /** A part of one block rewritten: the rest of the block and the file stay as they were. */
    private static byte[] patch(FileChannel file, byte[] content) throws Exception {
        byte[] patch = "a part of one block".getBytes();
        byte[] patched = content.clone();
        System.arraycopy(patch, 0, patched, AesFile.BLOCK + 100, patch.length);
        file.write(ByteBuffer.wrap(patch), AesFile.BLOCK + 100);
        return patched;
    }

    private static byte[] read(FileChannel file) throws Exception {
        ByteBuffer all = ByteBuffer.allocate((int) file.size());
        while (all.hasRemaining() && file.read(all, all.position()) > 0) {
            // on until full
        }
        return all.array();
    }

    @Test
    void whatOneWritesTheOtherReadsByteForByte() throws Exception {
        Path ours = dir.resolve("ours.bin");
        Path h2s = dir.resolve("h2s.bin");
        byte[] written;
        try (FileChannel file = new AesFile("ours", password(), channel(ours))) {
            written = write(file);
        }
        try (FileChannel file = new AesFile("ours", password(), channel(ours))) {
            assertThat(read(file)).isEqualTo(written);
        }
        try (FileChannel file = new FileEncrypt("h2s", password(), channel(h2s))) {
            assertThat(write(file)).isEqualTo(written);
        }
        try (FileChannel file = new FileEncrypt("ours", password(), channel(ours))) {
            assertThat(file.size()).isEqualTo(written.length);
            assertThat(read(file)).isEqualTo(written);
        }
        try (FileChannel file = new AesFile("h2s", password(), channel(h2s))) {
            assertThat(file.size()).isEqualTo(written.length);
            assertThat(read(file)).isEqualTo(written);
            byte[] middle = new byte[300];
            file.read(ByteBuffer.wrap(middle), 2 * AesFile.BLOCK - 150);
            assertThat(middle).isEqualTo(java.util.Arrays.copyOfRange(written, 2 * AesFile.BLOCK - 150,
                    2 * AesFile.BLOCK + 150));
        }
        assertThat(Files.size(ours)).isEqualTo(Files.size(h2s));
        byte[] patched;
        try (FileChannel file = new AesFile("ours", password(), channel(ours))) {
            patched = patch(file, written);
            assertThat(read(file)).isEqualTo(patched);
        }
        try (FileChannel file = new FileEncrypt("ours", password(), channel(ours))) {
            assertThat(read(file)).isEqualTo(patched);
        }
        assertThat(RegisterFiles.occurrences(ours, "a part of one block")).isZero();
    }

    @Test
    void aDatabaseWrittenEitherWayOpensTheOtherWay() throws Exception {
        Path theirs = dir.resolve("theirs");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + theirs + ";CIPHER=AES", "carddesk",
                new String(KEY.filePassword()) + " "); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(100))");
            s.execute("INSERT INTO t SELECT X, 'written by H2 ' || X FROM SYSTEM_RANGE(1, 20000)");
        }
        AesFilePath.unlock(theirs, KEY.filePassword());
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + AesFilePath.databaseName(theirs), "carddesk", "");
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM t WHERE name LIKE 'written by H2 %'")).isEqualTo(20000);
            s.execute("INSERT INTO t SELECT X, 'written here ' || X FROM SYSTEM_RANGE(20001, 30000)");
        } finally {
            AesFilePath.lock(theirs);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + theirs + ";CIPHER=AES", "carddesk",
                new String(KEY.filePassword()) + " "); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM t WHERE name LIKE 'written here %'")).isEqualTo(10000);
            assertThat(count(s, "SELECT COUNT(*) FROM t")).isEqualTo(30000);
        }
        assertThat(RegisterFiles.occurrences(dir.resolve("theirs.mv.db"), "written here")).isZero();
    }

    /**
     * H2 writes a result larger than its in-memory limit to a temporary file in the system's temporary
     * folder, outside the register's encryption: a desk's register never does.
     */
    /**
     * H2 writes a result of more rows than its in-memory limit to a temporary file in the system's
     * temporary folder, outside the register's encryption: a desk's register keeps them in memory.
     */
    @Test
    void aLargeSortedResultLeavesNoTemporaryFile() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> before = h2TemporaryFiles(temporary);
        try (Database register = Database.open(Files.createDirectory(dir.resolve("desk")), KEY)) {
            int rows = register.jdbi().withHandle(h -> {
                try (var result = h.createQuery("SELECT X, 'row ' || X AS name FROM SYSTEM_RANGE(1, 300000) "
                        + "ORDER BY MOD(X * 7919, 300007)").setFetchSize(100).mapToMap().stream()) {
                    int n = 0;
                    for (var it = result.iterator(); it.hasNext(); it.next()) {
                        if (n++ == 1000) {
                            assertThat(h2TemporaryFiles(temporary)).as("H2's files while the result is read")
                                    .isSubsetOf(before);
                        }
                    }
                    return n;
                }
            });
            assertThat(rows).isEqualTo(300000);
        }
    }

    private static java.util.Set<Path> h2TemporaryFiles(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("h2tmp")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aLockedRegisterDoesNotOpen() throws Exception {
        Path db = dir.resolve("locked");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:h2:" + AesFilePath.databaseName(db), "carddesk", "")).hasStackTraceContaining("is locked");
        assertThat(Files.exists(dir.resolve("locked.mv.db"))).isFalse();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
