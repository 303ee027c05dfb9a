package app.carddesk.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Beside the register, for the people who signed in at this desk with the central register: what
 * they were allowed at that sign-in and the register key sealed under their password (decision
 * 0012), so that they can sign in, and open the register, while the central register cannot be
 * reached. Also the desk's id and its library's name, known before the register opens.
 */
public interface StaffKeys {

    /**
     * One person's entry. Its seal is bound to the rest of it, so that an entry edited in the file
     * (roles, permissions, the time of the last online sign-in that the grace period counts from)
     * opens for no password.
     */
    record Entry(String userName, String displayName, List<String> roles, Set<String> permissions,
                 Instant signedInOnlineAt, KeySeal.Sealed seal) {

        /** A new entry, the register key sealed under the person's password and bound to the entry. */
        public static Entry sealed(String userName, String displayName, List<String> roles, Set<String> permissions,
                                   Instant signedInOnlineAt, RegisterKey key, String password) {
            Entry unsealed = new Entry(userName, displayName, roles, permissions, signedInOnlineAt, null);
            return new Entry(userName, displayName, roles, permissions, signedInOnlineAt,
                    KeySeal.seal(key, password, unsealed.boundText()));
        }

        /** The register key, when the password is the person's and the entry is as the desk wrote it. */
        public Optional<RegisterKey> open(String password) {
            return seal == null ? Optional.empty() : KeySeal.open(seal, password, boundText());
        }

        /** Whether the seal is from before seals were bound to their entries (sealed again at the next sign-in). */
        public boolean unbound() {
            return seal != null && seal.bound() == null;
        }

        /** The entry's fields, in one fixed order, as its seal is bound to them. */
        private String boundText() {
            return String.join("\n", "carddesk staff key 1", userName, String.valueOf(displayName),
                    String.join(",", roles == null ? List.of() : roles),
                    String.join(",", new java.util.TreeSet<>(permissions == null ? Set.of() : permissions)),
                    signedInOnlineAt == null ? "" : signedInOnlineAt.getEpochSecond() + "." + signedInOnlineAt.getNano());
        }
    }

    /**
     * Wrong passwords typed for one person at this desk while the central register could not be
     * asked: how many in a row, until when signing in is locked here, and when each was typed that
     * the desk's audit trail does not hold yet (the register it is written in opens only with a
     * right password).
     */
    record OfflineFailures(int inARow, Instant lockedUntil, List<Instant> unaudited, List<Instant> locks,
                           List<Instant> whileLocked) {
        public static final OfflineFailures NONE = new OfflineFailures(0, null, List.of(), List.of(), List.of());

        /**
         * @param unaudited   wrong passwords not yet in the audit trail
         * @param locks       when signing in here was locked, not yet in the audit trail
         * @param whileLocked tries while it was locked, not yet in the audit trail
         */
        public OfflineFailures {
            unaudited = unaudited == null ? List.of() : List.copyOf(unaudited);
            locks = locks == null ? List.of() : List.copyOf(locks);
            whileLocked = whileLocked == null ? List.of() : List.copyOf(whileLocked);
        }

        /** The count and lock alone, what the audit trail has taken gone. */
        public OfflineFailures audited() {
            return new OfflineFailures(inARow, lockedUntil, null, null, null);
        }

        /** Whether anything is waiting for the audit trail. */
        public boolean unauditedAny() {
            return !unaudited.isEmpty() || !locks.isEmpty() || !whileLocked.isEmpty();
        }
    }

    /** The person's wrong passwords typed here offline; {@link OfflineFailures#NONE} when there are none. */
    OfflineFailures offlineFailures(String userName);

    void offlineFailures(String userName, OfflineFailures failures);

    /**
     * Everyone's wrong passwords, locks and tries while locked not yet in the audit trail, by user
     * name; they count as audited once taken.
     */
    java.util.Map<String, OfflineFailures> takeUnauditedFailures();

    /** The desk's id (sent as X-CardDesk-Desk), made when first asked. */
    String deskId();

    /** Takes the id the desk's register already has (a register made before the staff keys were). */
    void deskId(String id);

    /** The library's name for the sign-in screen, as the register last had it. */
    Optional<String> libraryName();

    void libraryName(String name);

    Optional<Entry> find(String userName);

    void save(Entry entry);

    /** Forgets a person the central register no longer lets sign in here. */
    void forget(String userName);

    /** Forgets everyone: the workstation was revoked. */
    void forgetAll();
}
