package app.carddesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * H2's file system for the desk's registers: {@code jdbc:h2:carddesk-aes:/folder/carddesk} opens
 * {@code carddesk.mv.db} as an {@link AesFile} under the key given for it in {@link #unlock}; the key
 * never is in a URL, a file name or a message. H2's other files (its trace) are as they are.
 */
public final class AesFilePath extends FilePathWrapper {

    static final String SCHEME = "carddesk-aes";
    private static final String REGISTER = ".mv.db";
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new AesFilePath());
    }

    /** For H2, which makes one for each file name. */
    public AesFilePath() {
    }

    /** H2's database name for the register {@code database} (without {@code .mv.db}). */
    static String databaseName(Path database) {
        return SCHEME + ":" + database.toAbsolutePath().normalize();
    }

    /** Opens {@code database} under {@code filePassword} from now on, as {@code CIPHER=AES} would. */
    static void unlock(Path database, char[] filePassword) {
        KEYS.put(fileOf(database), FilePathEncrypt.getPasswordBytes(filePassword));
    }

    /** Forgets the key of {@code database}: it does not open again until unlocked. */
    static void lock(Path database) {
        byte[] key = KEYS.remove(fileOf(database));
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static String fileOf(Path database) {
        return database.toAbsolutePath().normalize() + REGISTER;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** The register, and the copy H2 writes beside it when it compacts the register at shut-down. */
    private boolean register() {
        return name.endsWith(REGISTER) || name.contains(REGISTER + ".");
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (!register()) {
            return getBase().open(mode);
        }
        String file = Path.of(getBase().toString()).toAbsolutePath().normalize().toString();
        byte[] key = KEYS.get(file.substring(0, file.lastIndexOf(REGISTER) + REGISTER.length()));
        if (key == null) {
            throw new IOException("the register " + Path.of(file).getFileName() + " is locked: no staff has signed in");
        }
        return new AesFile(name, key.clone(), getBase().open(mode));
    }

    @Override
    public long size() {
        long length = getBase().size();
        if (!register()) {
            return length;
        }
        long size = Math.max(0, length - AesFile.BLOCK);
        return (size & (AesFile.BLOCK - 1)) != 0 ? size - AesFile.BLOCK : size;
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return register() ? newFileChannelOutputStream(open("rw"), append) : getBase().newOutputStream(append);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return register() ? Channels.newInputStream(open("r")) : getBase().newInputStream();
    }
}
