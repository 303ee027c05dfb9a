package app.carddesk.staff;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random 256-bit key a desk's register is encrypted under (decision 0012). Never written to
 * disk in clear: it is sealed per person in the staff keys, and held in escrow by the central register.
 */
public final class RegisterKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] bytes;

    private RegisterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a register key has 32 bytes");
        }
        this.bytes = bytes.clone();
    }

    public static RegisterKey random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new RegisterKey(b);
    }

    public static RegisterKey of(byte[] bytes) {
        return new RegisterKey(bytes);
    }

    /** The key as the central register sends it; refused unless it is Base64 of 32 bytes. */
    public static RegisterKey fromBase64(String text) {
        return new RegisterKey(Base64.getDecoder().decode(text));
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** H2's file password for {@code CIPHER=AES}: the key in hex. */
    public char[] filePassword() {
        return HexFormat.of().formatHex(bytes).toCharArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterKey k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RegisterKey[hidden]";
    }
}
