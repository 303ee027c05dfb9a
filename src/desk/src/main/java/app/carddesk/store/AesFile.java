package app.carddesk.store;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.h2.store.fs.FileBaseDefault;

/**
 * One register file in H2's encrypted format ({@code CIPHER=AES}: a 4 KiB header with the salt,
 * then 4 KiB blocks, each in XTS over AES-128 with the block's number as tweak), read and written
 * through the JDK's AES, which runs on the processor's AES instructions. H2's own AES is written in
 * Java and was a fifth of the desk's time when it took in a large change feed.
 *
 * <p>Files stay as H2 writes them: a register written here opens with {@code CIPHER=AES} and the
 * other way round. H2 writes the temporary file of a large query result beside no register, so
 * outside this file system: the desk's registers keep every result in memory instead ({@link
 * Database}).
 */
final class AesFile extends FileBaseDefault {

    /** Thrown when a register's first block does not read as H2's file header under the key given. */
    static final class WrongKey extends IOException {
        WrongKey(String name) {
            super("the register " + name + " does not open with this key");
        }
    }

    static final int BLOCK = 4096;
    private static final int HEADER = BLOCK;
    private static final byte[] MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_LENGTH = 8;
    /** H2's number of PBKDF2 rounds from the file password to the AES key; a file keeps it forever. */
    private static final int ROUNDS = 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final FileChannel base;
    private byte[] password;
    private volatile SecretKeySpec key;
    private volatile long size;
    private final ThreadLocal<Xts> xts = ThreadLocal.withInitial(this::newXts);

    AesFile(String name, byte[] password, FileChannel base) {
        this.name = name;
        this.base = base;
        this.password = password;
    }

    /** Reads or writes the header on first use, as H2 does: the caller may lock the file first. */
    private Xts open() throws IOException {
        if (key == null) {
            derive();
        }
        return xts.get();
    }

    private synchronized void derive() throws IOException {
        if (key != null) {
            return;
        }
        long length = base.size() - HEADER;
        byte[] salt = new byte[SALT_LENGTH];
        if (length >= 0) {
            byte[] magic = new byte[MAGIC.length];
            readFully(base, 0, ByteBuffer.wrap(magic));
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("the register " + name + " is not an encrypted H2 file");
            }
            readFully(base, MAGIC.length, ByteBuffer.wrap(salt));
        } else {
            new SecureRandom().nextBytes(salt);
            byte[] header = Arrays.copyOf(MAGIC, HEADER);
            System.arraycopy(salt, 0, header, MAGIC.length, SALT_LENGTH);
            writeFully(base, 0, ByteBuffer.wrap(header));
        }
        SecretKeySpec derived = new SecretKeySpec(org.h2.security.SHA256.getPBKDF2(password, salt, ROUNDS, 16), "AES");
        Arrays.fill(password, (byte) 0);
        password = null;
        if (length > 0) {
            size = (length & (BLOCK - 1)) != 0 ? length - BLOCK : length;
            byte[] first = new byte[BLOCK];
            readFully(base, HEADER, ByteBuffer.wrap(first));
            new Xts(derived).decrypt(0, first, 0);
            if (first[0] != 'H' || first[1] != ':') {
                throw new WrongKey(name);
            }
        }
        key = derived;
    }

    private Xts newXts() {
        return new Xts(key);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int len = dst.remaining();
        if (len == 0) {
            return 0;
        }
        Xts cipher = open();
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
        if (position >= size) {
            return -1;
        }
        len = (int) Math.min(len, size - position);
        if (dst.hasArray() && position % BLOCK == 0 && len % BLOCK == 0) {
            // Whole blocks, as H2 reads its pages: decrypted where they land, no copy on the way.
            int at = dst.arrayOffset() + dst.position();
            readBlocks(dst.array(), at, len, position, cipher);
            dst.position(dst.position() + len);
            return len;
        }
        long from = position - position % BLOCK;
        int skip = (int) (position - from);
        byte[] blocks = new byte[roundUp(skip + len)];
        readBlocks(blocks, 0, blocks.length, from, cipher);
        dst.put(blocks, skip, len);
        return len;
    }

    private void readBlocks(byte[] blocks, int offset, int length, long from, Xts cipher) throws IOException {
        readFully(base, from + HEADER, ByteBuffer.wrap(blocks, offset, length));
        for (int at = 0; at < length; at += BLOCK) {
            cipher.decrypt((from + at) / BLOCK, blocks, offset + at);
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        Xts cipher = open();
        int len = src.remaining();
        long from = position - position % BLOCK;
        int skip = (int) (position - from);
        byte[] blocks = new byte[roundUp(skip + len)];
        if (skip != 0 || (len & (BLOCK - 1)) != 0) {
            // A part of a block: the rest of it as it is in the file.
            long present = Math.max(0, size - from);
            int readable = (int) Math.min(blocks.length, roundUp(present));
            if (readable > 0) {
                readBlocks(blocks, 0, readable, from, cipher);
            }
        }
        src.get(blocks, skip, len);
        for (int at = 0; at < blocks.length; at += BLOCK) {
            cipher.encrypt((from + at) / BLOCK, blocks, at);
        }
        writeFully(base, from + HEADER, ByteBuffer.wrap(blocks));
        synchronized (this) {
            size = Math.max(size, position + len);
            int past = (int) (size & (BLOCK - 1));
            if (past != 0 && from + blocks.length >= size) {
                // H2's format: the file's length past its last whole block tells how much of that block counts.
                writeFully(base, from + HEADER + blocks.length, ByteBuffer.allocate(past));
            }
        }
        return len;
    }

    private static int roundUp(long length) {
        return (int) ((length + BLOCK - 1) / BLOCK * BLOCK);
    }

    @Override
    public long size() throws IOException {
        open();
        return size;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        open();
        if (newSize > size) {
            return;
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("size " + newSize);
        }
        // H2's format: a file whose length is not a whole number of blocks ends inside its last block.
        base.truncate(newSize + HEADER + ((newSize & (BLOCK - 1)) != 0 ? BLOCK : 0));
        size = newSize;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long length, boolean shared) throws IOException {
        return base.tryLock(position, length, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void readFully(FileChannel file, long position, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            int n = file.read(dst, position);
            if (n < 0) {
                throw new EOFException();
            }
            position += n;
        }
    }

    private static void writeFully(FileChannel file, long position, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            position += file.write(src, position);
        }
    }

    /**
     * XTS over one block as H2 does it: one key for the data and the tweak, the tweak being the block's
     * number encrypted, multiplied by x in GF(2^128) from one 16 bytes to the next. A thread's own.
     */
    private static final class Xts {

        private final Cipher encrypt;
        private final Cipher decrypt;
        private final byte[] tweaks = new byte[BLOCK];

        Xts(SecretKeySpec key) {
            try {
                encrypt = Cipher.getInstance("AES/ECB/NoPadding");
                encrypt.init(Cipher.ENCRYPT_MODE, key);
                decrypt = Cipher.getInstance("AES/ECB/NoPadding");
                decrypt.init(Cipher.DECRYPT_MODE, key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is part of every JDK", e);
            }
        }

        void encrypt(long block, byte[] data, int offset) {
            crypt(encrypt, block, data, offset);
        }

        void decrypt(long block, byte[] data, int offset) {
            crypt(decrypt, block, data, offset);
        }

        private void crypt(Cipher cipher, long block, byte[] data, int offset) {
            try {
                LONGS.set(tweaks, 0, block);
                LONGS.set(tweaks, 8, 0L);
                encrypt.doFinal(tweaks, 0, 16, tweaks, 0);
                long low = (long) LONGS.get(tweaks, 0);
                long high = (long) LONGS.get(tweaks, 8);
                for (int i = 16; i < BLOCK; i += 16) {
                    long carry = high >>> 63;
                    high = (high << 1) | (low >>> 63);
                    low = (low << 1) ^ (carry * 0x87);
                    LONGS.set(tweaks, i, low);
                    LONGS.set(tweaks, i + 8, high);
                }
                xor(data, offset);
                cipher.doFinal(data, offset, BLOCK, data, offset);
                xor(data, offset);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES on a whole block cannot fail", e);
            }
        }

        private void xor(byte[] data, int offset) {
            for (int i = 0; i < BLOCK; i += 8) {
                LONGS.set(data, offset + i, (long) LONGS.get(data, offset + i) ^ (long) LONGS.get(tweaks, i));
            }
        }
    }
}
