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
    void checksRacingOthersThatLetTheirFunctionGoAlwaysGetOne() throws Exception {
        java.util.concurrent.atomic.AtomicInteger none = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                all.add(threads.submit(() -> {
                    for (int i = 0; i < 3000; i++) {
                        if (Argon2Id.LET_GO.with(72, 1, f -> f) == null) {
                            none.incrementAndGet();
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : all) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        // Before: about 80 of these 12,000 got none, and a right PIN checked with none counted as wrong.
        assertThat(none.get()).isZero();
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
