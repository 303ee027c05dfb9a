package app.carddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;

class Argon2IdTest {

    @Test
    void aFunctionLetGoIsMadeAgainNextTimeSoItsMemoryIsNotKept() {
        Argon2Function used = Argon2Id.LET_GO.with(1031, 1, f -> f);

        assertThat(Argon2Function.getInstance(1031, 1, 1, 32, Argon2.ID)).isNotSameAs(used);
    }

    @Test
    void aFunctionKeptIsTheSameNextTime() {
        Argon2Function used = Argon2Id.KEPT.with(1033, 1, f -> f);

        assertThat(Argon2Function.getInstance(1033, 1, 1, 32, Argon2.ID)).isSameAs(used);
    }

    @Test
    void aPinHashedByADeskThatLetsItsMemoryGoIsCheckedByAServerThatKeepsIt() {
        String hash = Argon2PinHasher.occasional().hash("4826");

        assertThat(new Argon2PinHasher().matches("4826", hash)).isTrue();
        assertThat(new Argon2PinHasher().matches("4827", hash)).isFalse();
        assertThat(Argon2PinHasher.occasional().matches("4826", new Argon2PinHasher().hash("4826"))).isTrue();
    }
}
