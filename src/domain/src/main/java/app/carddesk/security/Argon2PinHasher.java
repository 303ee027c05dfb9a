package app.carddesk.security;

import app.carddesk.security.PinHasher;
import com.password4j.Password;

/**
 * PINs as salted Argon2id hashes (password4j, pure Java). A 4-digit PIN has only 10,000 values,
 * so the cost per guess is what protects it if a database copy leaks; the parameters follow
 * OWASP's lowest recommended Argon2id setting (19 MiB, 2 passes).
 */
public final class Argon2PinHasher implements PinHasher {

    private final int memoryKib;
    private final int iterations;
    private final Argon2Id memory;

    /** The production setting, its memory kept between hashes (a server). */
    public Argon2PinHasher() {
        this(19 * 1024, 2, Argon2Id.KEPT);
    }

    /** The production setting, its memory let go after each hash (a desk, which hashes rarely). */
    public static Argon2PinHasher occasional() {
        return new Argon2PinHasher(19 * 1024, 2, Argon2Id.LET_GO);
    }

    /** A cheaper setting for tests and benchmarks that hash many PINs; never for production. */
    public Argon2PinHasher(int memoryKib, int iterations) {
        this(memoryKib, iterations, Argon2Id.KEPT);
    }

    private Argon2PinHasher(int memoryKib, int iterations, Argon2Id memory) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.memory = memory;
    }

    @Override
    public String hash(String pin) {
        return memory.with(memoryKib, iterations, f -> Password.hash(pin).addRandomSalt(16).with(f).getResult());
    }

    @Override
    public boolean matches(String pin, String hash) {
        return memory.with(memoryKib, iterations, f -> Password.check(pin, hash).with(f));
    }
}
