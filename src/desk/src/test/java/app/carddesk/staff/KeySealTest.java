package app.carddesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.security.Argon2Cost;
import app.carddesk.security.Argon2Id;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeySealTest {

    @Test
    void aSealRecordsTheCostItWasMadeWithAndOpensOnlyWithItsPassword() {
        RegisterKey key = RegisterKey.random();
        KeySeal.Sealed sealed = KeySeal.seal(key, "paper lantern");

        assertThat(new Argon2Cost(sealed.memoryKib(), sealed.passes())).isEqualTo(Argon2Cost.current());
        assertThat(KeySeal.open(sealed, "paper lantern")).hasValueSatisfying(k ->
                assertThat(k.bytes()).isEqualTo(key.bytes()));
        assertThat(KeySeal.open(sealed, "paper lanterns")).isEmpty();
    }

    /** staff-keys.json written before seals recorded their cost: all made at OWASP's setting. */
    @Test
    void aSealWithoutARecordedCostWasMadeAtOwaspsSetting() throws Exception {
        RegisterKey key = RegisterKey.random();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        byte[] derived = Argon2Id.LET_GO.with(19 * 1024, 2,
                f -> f.hash("paper lantern".getBytes(StandardCharsets.UTF_8), salt).getBytes());
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(128, nonce));
        Base64.Encoder b64 = Base64.getEncoder();
        KeySeal.Sealed before = new KeySeal.Sealed(b64.encodeToString(salt), b64.encodeToString(nonce),
                b64.encodeToString(gcm.doFinal(key.bytes())), null, null);

        assertThat(KeySeal.open(before, "paper lantern")).hasValueSatisfying(k ->
                assertThat(k.bytes()).isEqualTo(key.bytes()));
    }

    @Test
    void aSealAskingForACostNoSealOfOursHasDoesNotOpen() {
        KeySeal.Sealed sealed = KeySeal.seal(RegisterKey.random(), "paper lantern");
        KeySeal.Sealed greedy = new KeySeal.Sealed(sealed.salt(), sealed.nonce(), sealed.box(), 50_000_000, 1);

        assertThat(KeySeal.open(greedy, "paper lantern")).isEmpty();
    }
}
