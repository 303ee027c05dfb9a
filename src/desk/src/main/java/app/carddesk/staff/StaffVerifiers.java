package app.carddesk.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The people who signed in at this desk with the central register, kept for signing in without it. */
public interface StaffVerifiers {

    /**
     * One person's verifier: their password as an Argon2id hash made at this desk, and what they
     * were allowed at the last sign-in the central register answered.
     */
    record Verifier(String userName, String displayName, String passwordHash, java.util.List<String> roles,
                    Set<String> permissions, Instant signedInOnlineAt) {
    }

    Optional<Verifier> find(String userName);

    void save(Verifier verifier);

    /** Forgets a person the central register no longer lets sign in here. */
    void forget(String userName);
}
