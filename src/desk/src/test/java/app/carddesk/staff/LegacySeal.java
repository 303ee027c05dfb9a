package app.carddesk.staff;

import app.carddesk.security.Argon2Id;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A seal as desks wrote it into staff-keys.json before seals recorded their cost or were bound to
 * their entries: AES-256-GCM under an Argon2id key at OWASP's setting (19 MiB, 2 passes), nothing else
 * authenticated.
 */
final class LegacySeal {

    private LegacySeal() {
    }

    static KeySeal.Sealed of(RegisterKey key, String password) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        byte[] derived = Argon2Id.LET_GO.with(19 * 1024, 2,
                f -> f.hash(password.getBytes(StandardCharsets.UTF_8), salt).getBytes());
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
        Base64.Encoder b64 = Base64.getEncoder();
        return new KeySeal.Sealed(b64.encodeToString(salt), b64.encodeToString(nonce),
                b64.encodeToString(gcm.doFinal(key.bytes())), null, null, null);
    }
}
