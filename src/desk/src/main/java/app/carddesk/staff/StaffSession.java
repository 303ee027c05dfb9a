package app.carddesk.staff;

import java.util.List;
import java.util.Set;

/**
 * The person signed in at this desk: who they are and what their roles at this library allow.
 *
 * @param token   the central register's session for requests made for this person; null when the
 *                person signed in without the central register (offline, or a desk on its own)
 * @param offline signed in against this desk's verifier because the central register did not answer
 * @param roles   the person's roles at this library, for the audit trail
 */
public record StaffSession(String userName, String displayName, List<String> roles, Set<String> permissions,
                           String token, boolean offline) {

    public StaffSession {
        roles = List.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }
}
