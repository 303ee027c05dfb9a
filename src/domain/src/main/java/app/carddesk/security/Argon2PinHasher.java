package app.carddesk.security;

import app.carddesk.security.PinHasher;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * PINs as salted Argon2id hashes (password4j, pure Java). A 4-digit PIN has only 10,000 values,
 * so the cost per guess is what protects it if a database copy leaks; the parameters follow
 * OWASP's lowest recommended Argon2id setting (19 MiB, 2 passes).
 */
public final class Argon2PinHasher implements PinHasher {

    private final Argon2Function function;

    public Argon2PinHasher() {
        this(19 * 1024, 2);
    }

    /** A cheaper setting for tests and benchmarks that hash many PINs; never for production. */
    public Argon2PinHasher(int memoryKib, int iterations) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
    }

    @Override
    public String hash(String pin) {
        return Password.hash(pin).addRandomSalt(16).with(function).getResult();
    }

    @Override
    public boolean matches(String pin, String hash) {
        return Password.check(pin, hash).with(function);
    }
}
