package app.carddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2CostTest {

    @Test
    void theProductsHashAtOwaspsSettingUnlessTheTestSwitchIsExactlyTrue() {
        assertThat(Argon2Cost.OWASP).isEqualTo(new Argon2Cost(19 * 1024, 2));
        assertThat(Argon2Cost.of(null)).isEqualTo(Argon2Cost.OWASP);
        assertThat(Argon2Cost.of("")).isEqualTo(Argon2Cost.OWASP);
        assertThat(Argon2Cost.of("TRUE ")).isEqualTo(Argon2Cost.OWASP);
        assertThat(Argon2Cost.of("yes")).isEqualTo(Argon2Cost.OWASP);
        assertThat(Argon2Cost.of("true")).isEqualTo(Argon2Cost.WEAK);
    }

    @Test
    void aHashRecordsItsCostAndIsCheckedAtItWhateverThisProcessHashesAt() {
        String owasp = new Argon2PinHasher(19 * 1024, 2).hash("4826");
        String weak = new Argon2PinHasher(64, 1).hash("4826");

        assertThat(owasp).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Argon2Cost.recordedIn(owasp)).isEqualTo(Argon2Cost.OWASP);
        assertThat(Argon2Cost.recordedIn(weak)).isEqualTo(Argon2Cost.WEAK);
        for (Argon2PinHasher checker : new Argon2PinHasher[] {new Argon2PinHasher(), Argon2PinHasher.occasional(),
                new Argon2PinHasher(1024, 3)}) {
            assertThat(checker.matches("4826", owasp)).isTrue();
            assertThat(checker.matches("4826", weak)).isTrue();
            assertThat(checker.matches("4827", owasp)).isFalse();
            assertThat(checker.matches("4827", weak)).isFalse();
        }
        assertThat(Argon2PinHasher.matchesRecorded("4826", owasp)).isTrue();
        assertThat(Argon2PinHasher.matchesRecorded("4827", weak)).isFalse();
    }

    @Test
    void aHashAskingForACostNoHashOfOursHasIsNotChecked() {
        String weak = new Argon2PinHasher(64, 1).hash("4826");
        String greedy = weak.replace("m=64,t=1", "m=99999999,t=1");

        assertThat(Argon2Cost.recordedIn(greedy)).isNull();
        assertThat(new Argon2PinHasher().matches("4826", greedy)).isFalse();
        assertThat(Argon2PinHasher.matchesRecorded("4826", greedy)).isFalse();
        assertThat(Argon2PinHasher.matchesRecorded("4826", "$argon2id$x")).isFalse();
        assertThat(Argon2PinHasher.matchesRecorded("4826", null)).isFalse();
        assertThat(new Argon2Cost(64, 1).plausible()).isTrue();
        assertThat(new Argon2Cost(32, 1).plausible()).isFalse();
        assertThat(new Argon2Cost(4 * 19 * 1024, 10).plausible()).isTrue();
        assertThat(new Argon2Cost(4 * 19 * 1024 + 1, 1).plausible()).isFalse();
        assertThat(new Argon2Cost(19 * 1024, 11).plausible()).isFalse();
    }
}
