package app.carddesk.api;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff role may do, written in lower case on the wire. Roles are data in the central
 * register (each a set of these per library); the desk and the central service check these, never
 * a role's name.
 */
public enum Permission {
    /** Issue cards and register patrons (desk staff). */
    ISSUE,
    /** Change a patron's details. */
    EDIT,
    /** Register a patron's national ID and fetch national register data. */
    REGISTER_NATIONAL_ID,
    /** Merge two records of one person (supervisor). */
    MERGE,
    /** Unsubscribe a patron from the library. */
    UNSUBSCRIBE,
    /** Delete expired short stays by hand. */
    DELETE_EXPIRED,
    /** See the retention job's held list. */
    HELD_LIST,
    /** The library's staff accounts: create, lock, unlock, grant roles (library administrator). */
    STAFF_ADMIN,
    /** The library's workstations: enrol and revoke. */
    WORKSTATION_ADMIN,
    /** The library's configuration: categories, pickup libraries, rules, letterhead, loan rules. */
    LIBRARY_CONFIG,
    /** Read the audit of who saw and changed what. */
    AUDIT_READ,
    /** The organisation's libraries and card series (organisation administrator). */
    ORGANISATION_ADMIN,
    /** Schedule and run a verification round of every personal account. */
    VERIFICATION_ROUND;

    /** The permission as written on the wire. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permission a wire or database code names, if any. */
    public static Optional<Permission> of(String code) {
        for (Permission p : values()) {
            if (p.code().equals(code) || p.name().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
