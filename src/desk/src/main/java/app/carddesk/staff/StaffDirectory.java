package app.carddesk.staff;

import java.util.List;
import java.util.Set;

/** The organisation's staff accounts, as the central register answers for them. */
public interface StaffDirectory {

    /** What the central register answered to a sign-in or a password change. */
    sealed interface Answer {
    }

    /**
     * Signed in: the session and what the person may do at this library, and this desk's register
     * key when the central register holds it for this desk (else null).
     */
    record Accepted(String token, String displayName, List<String> roles, Set<String> permissions,
                    boolean mustChangePassword, RegisterKey registerKey) implements Answer {
        public Accepted(String token, String displayName, List<String> roles, Set<String> permissions,
                        boolean mustChangePassword) {
            this(token, displayName, roles, permissions, mustChangePassword, null);
        }
    }

    /** Refused, and why; {@code minutes} is above 0 for a lock that ends by itself. */
    record Refused(Reason reason, long minutes, String detail) implements Answer {
    }

    /** The central register did not answer. */
    record Unreachable() implements Answer {
    }

    enum Reason { WRONG, LAST_TRY, LOCKED, INACTIVE, AWAITS_VERIFICATION, NO_ROLE, WEAK_PASSWORD, WRONG_CURRENT, REVOKED,
        OTHER }

    Answer signIn(String userName, String password);

    /** Changes the signed-in person's password; {@link Accepted} carries nothing new but the token. */
    Answer changePassword(String token, String currentPassword, String newPassword);

    /** Ends the session at the central register; nothing happens when it cannot be reached. */
    void signOut(String token);

    /**
     * Whether a person who signed in here offline may still work at this library: {@link Accepted}
     * with their roles now (no token), {@link Refused} when inactive, locked or without a role.
     */
    Answer stillAllowed(String userName);

    /**
     * Whether the central register still accepts the session {@code token}: false only when it says
     * the session ended (a verification round began, the account was locked or made inactive, 12 hours
     * passed); true when it accepts it or cannot be reached.
     */
    boolean sessionOpen(String token);

    /**
     * Hands this desk's register key to the central register for escrow, for the signed-in person
     * with session {@code token}; false when it could not be reached or refused it (tried again at
     * the next online sign-in).
     */
    boolean holdRegisterKey(String token, String deskId, RegisterKey key);
}
