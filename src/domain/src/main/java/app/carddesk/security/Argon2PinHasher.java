package app.carddesk.security;

import app.carddesk.security.PinHasher;
import com.password4j.Password;

/**
 * PINs as salted Argon2id hashes (password4j, pure Java). A 4-digit PIN has only 10,000 values,
 * so the cost per guess is what protects it if a database copy leaks; new hashes are made at
 * {@link Argon2Cost#current()} (OWASP's lowest recommended setting, 19 MiB and 2 passes), and a hash
 * is checked at the cost it records, so a raised cost later still reads the hashes made before.
 */
public final class Argon2PinHasher implements PinHasher {

    private final Argon2Cost cost;
    private final Argon2Id memory;

    /** This process's setting, its memory kept between hashes (a server). */
    public Argon2PinHasher() {
        this(Argon2Cost.current(), Argon2Id.KEPT);
    }

    /** This process's setting, its memory let go after each hash (a desk, which hashes rarely). */
    public static Argon2PinHasher occasional() {
        return new Argon2PinHasher(Argon2Cost.current(), Argon2Id.LET_GO);
    }

    /** A cheaper setting for tests and benchmarks that hash many PINs; never for production. */
    public Argon2PinHasher(int memoryKib, int iterations) {
        this(new Argon2Cost(memoryKib, iterations), Argon2Id.KEPT);
    }

    private Argon2PinHasher(Argon2Cost cost, Argon2Id memory) {
        this.cost = cost;
        this.memory = memory;
    }

    @Override
    public String hash(String pin) {
        return memory.with(cost.memoryKib(), cost.passes(),
                f -> Password.hash(pin).addRandomSalt(16).with(f).getResult());
    }

    /**
     * Checked at the cost the hash records (this hasher's own for a hash that records none). Only
     * this hasher's own cost is kept in memory between checks: a hash from elsewhere at another cost
     * is let go after its check, so no stream of costs piles up memory here.
     */
    @Override
    public boolean matches(String pin, String hash) {
        Argon2Cost recorded = Argon2Cost.recordedIn(hash);
        if (recorded == null && hash != null && hash.startsWith("$argon2id$v=19$m=")) {
            return false; // a cost no hash of ours has
        }
        Argon2Cost at = recorded == null ? cost : recorded;
        return (at.equals(cost) ? memory : Argon2Id.LET_GO).with(at.memoryKib(), at.passes(),
                f -> Password.check(pin, hash).with(f));
    }

    /**
     * Whether {@code pin} is the one {@code hash} was made of, at the cost the hash records; false
     * for anything that is not such a hash.
     */
    public static boolean matchesRecorded(String pin, String hash) {
        if (Argon2Cost.recordedIn(hash) == null) {
            return false;
        }
        try {
            return new Argon2PinHasher().matches(pin, hash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
