package app.carddesk.h2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.store.fs.FilePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an H2 register that was not closed (a kill, a crash, a power cut) at its newest commit.
 *
 * <p>H2 keeps a store header at the start of its file that names a recent chunk (a commit's pages);
 * after a crash it starts from that chunk, follows each chunk's guess of where the next one goes,
 * and opens at the last complete chunk it reaches. Once a register reuses the space of old chunks
 * inside its file (after H2's retention time, 45 s), a commit written where the guess did not say
 * gets a new header, but H2 2.5 writes that header naming the chunk <em>before</em> the commit: the
 * chain stops there, and every commit from that one on is dropped when the register opens after a
 * crash (and then overwritten). A register in use for more than a minute lost its last commits so.
 *
 * <p>{@link #beforeOpen} reads the header; when it does not say the register was closed, H2's own
 * recovery reads the whole file for chunks and takes the newest whose pages are all there, and
 * closing it writes a header that names that chunk. Then the register opens as usual. A register
 * closed cleanly is not read beyond its header.
 */
public final class RegisterRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterRecovery.class);
    private static final String REGISTER = ".mv.db";
    private static final int BLOCK = 4096;

    /** What {@link #beforeOpen} found. */
    public enum Outcome {
        /** Not a register file: in memory, over the network, or not there yet. */
        NO_FILE,
        /** Closed cleanly: H2 opens it at its newest commit. */
        CLOSED,
        /** Not closed: its newest complete commit was looked for through the whole file and named. */
        RECOVERED,
        /** Not closed, and not readable here (in use by another process, damaged): left to H2 as it is. */
        LEFT_TO_H2
    }

    private RegisterRecovery() {
    }

    /**
     * Before the first connection to {@code jdbcUrl}: makes sure H2 opens the register's file at its
     * newest commit. Settings in the URL after {@code ;} do not matter here.
     */
    public static Outcome beforeOpen(String jdbcUrl) {
        String file = registerFile(jdbcUrl);
        if (file == null) {
            return Outcome.NO_FILE;
        }
        FilePath path = FilePath.get(file);
        if (!path.exists() || path.size() < 2L * BLOCK) {
            return Outcome.NO_FILE;
        }
        try {
            if (closed(path)) {
                return Outcome.CLOSED;
            }
        } catch (IOException | RuntimeException e) {
            // Opening it says why (a wrong key, a file in use) in the caller's own words.
            LOG.debug("The register {} could not be read before opening: {}", path.getName(), e.toString());
            return Outcome.LEFT_TO_H2;
        }
        long started = System.nanoTime();
        try {
            MVStore store = new MVStore.Builder().fileName(file).recoveryMode().autoCommitDisabled().open();
            // No compaction: the recovered store is only given a header that names its newest chunk.
            store.close(0);
        } catch (RuntimeException e) {
            // In use by another process: opening it says so. Anything else: H2 opens it as it would have.
            if (!(e instanceof MVStoreException locked && locked.getErrorCode() == DataUtils.ERROR_FILE_LOCKED)) {
                LOG.warn("The register {} was not closed, and reading it through failed: {}", path.getName(),
                        e.getMessage());
            }
            return Outcome.LEFT_TO_H2;
        }
        LOG.info("The register {} was not closed (a crash or a kill): its newest commit was found in {} ms",
                path.getName(), (System.nanoTime() - started) / 1_000_000);
        return Outcome.RECOVERED;
    }

    /** The register file of an H2 URL, through H2's file systems; {@code null} when it has none. */
    static String registerFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String name = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:")) {
            return null;
        }
        return name + REGISTER;
    }

    /**
     * Whether H2's header says the register was closed: its first block, whole (its checksum holds),
     * with {@code clean:1}. A header torn by a crash reads as not closed.
     */
    private static boolean closed(FilePath path) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        try (FileChannel channel = path.open("r")) {
            while (block.hasRemaining() && channel.read(block, block.position()) > 0) {
                // read on until the block is in
            }
        }
        byte[] bytes = block.array();
        String header = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        int checksum = header.lastIndexOf(",fletcher:", end);
        if (end < 0 || checksum < 0) {
            return false;
        }
        try {
            Map<String, String> fields = DataUtils.parseMap(header.substring(0, end));
            return "1".equals(fields.get("clean"))
                    && DataUtils.getFletcher32(bytes, 0, checksum) == (int) Long.parseLong(fields.get("fletcher"), 16);
        } catch (RuntimeException torn) {
            return false;
        }
    }
}
