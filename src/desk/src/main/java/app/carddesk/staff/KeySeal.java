package app.carddesk.staff;

import app.carddesk.security.Argon2Cost;
import app.carddesk.security.Argon2Id;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The register key sealed under one person's password: AES-256-GCM under a key derived from the
 * password with Argon2id (at {@link Argon2Cost#current()}, as the PINs), a random salt and nonce per
 * seal. Opening the seal is the offline password check: a wrong password fails the GCM tag. The seal
 * records the cost it was made with (seals written before it did were all made at {@link
 * Argon2Cost#OWASP}). The derivation's memory is let go after each use: a desk signs in a few times a day.
 * A seal can be bound to text kept beside it in clear (GCM's associated data): it then opens only with
 * that text unchanged, so that what a person may do offline cannot be edited in the file.
 */
public final class KeySeal {

    /**
     * One seal, each part in Base64, the cost of its key's derivation (null: {@link Argon2Cost#OWASP}),
     * and whether it is bound to text beside it (null: a seal from before seals were bound).
     */
    public record Sealed(String salt, String nonce, String box, Integer memoryKib, Integer passes, Boolean bound) {

        Argon2Cost cost() {
            return memoryKib == null || passes == null ? Argon2Cost.OWASP : new Argon2Cost(memoryKib, passes);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySeal() {
    }

    /** The key sealed under the password, bound to {@code boundTo}. */
    public static Sealed seal(RegisterKey key, String password, String boundTo) {
        byte[] salt = random(16);
        byte[] nonce = random(12);
        Argon2Cost cost = Argon2Cost.current();
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, password, cost, salt, nonce);
            gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] box = gcm.doFinal(key.bytes());
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(b64.encodeToString(salt), b64.encodeToString(nonce), b64.encodeToString(box),
                    cost.memoryKib(), cost.passes(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The key, or empty when the password is not the one it was sealed under, or the seal or the text it
     * is bound to was changed. A seal from before seals were bound opens with its password alone.
     */
    public static Optional<RegisterKey> open(Sealed sealed, String password, String boundTo) {
        if (!sealed.cost().plausible()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, password, sealed.cost(), b64.decode(sealed.salt()),
                    b64.decode(sealed.nonce()));
            if (Boolean.TRUE.equals(sealed.bound())) {
                gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(RegisterKey.of(gcm.doFinal(b64.decode(sealed.box()))));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, String password, Argon2Cost cost, byte[] salt, byte[] nonce)
            throws GeneralSecurityException {
        byte[] derived = Argon2Id.LET_GO.with(cost.memoryKib(), cost.passes(),
                f -> f.hash(password.getBytes(StandardCharsets.UTF_8), salt).getBytes());
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
        return gcm;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
