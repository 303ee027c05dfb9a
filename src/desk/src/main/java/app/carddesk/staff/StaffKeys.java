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

    record Entry(String userName, String displayName, List<String> roles, Set<String> permissions,
                 Instant signedInOnlineAt, KeySeal.Sealed seal) {
    }

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
