package app.carddesk.central;

import org.jdbi.v3.core.Handle;

/**
 * Requests that register or give the same national ID take turns on PostgreSQL, from the check to
 * the commit, also across central instances: the later one then finds the earlier one's patron and
 * is told so, instead of breaking the unique index on the number. A broken unique index is written
 * to PostgreSQL's own server log with the key, which would put the national ID in clear into a log
 * that the database's operators read. H2 (one instance, no server log) needs no turn.
 */
final class IdentityLock {

    /** The first key of the advisory lock's two: national IDs (the second is the number's hash). */
    static final int NAMESPACE = 0x43445049;

    private IdentityLock() {
    }

    /** Waits for the number's turn, held until the transaction ends. */
    static void hold(Handle h, String identityNumber) {
        if (identityNumber != null && postgres(h)) {
            h.createQuery("SELECT pg_advisory_xact_lock(:namespace, hashtext(:number))")
                    .bind("namespace", NAMESPACE).bind("number", identityNumber).mapTo(String.class).one();
        }
    }

    /**
     * Waits for the turns of several numbers (a batch), taken in one order (by hash) so that two
     * batches sharing numbers cannot each hold one the other waits for.
     */
    static void holdAll(Handle h, java.util.Collection<String> identityNumbers) {
        if (!identityNumbers.isEmpty() && postgres(h)) {
            h.createQuery("SELECT pg_advisory_xact_lock(:namespace, k) FROM (SELECT DISTINCT hashtext(n) AS k "
                            + "FROM unnest(:numbers) AS n) AS keys ORDER BY k")
                    .bind("namespace", NAMESPACE).bindArray("numbers", String.class, identityNumbers)
                    .mapTo(String.class).list();
        }
    }

    private static boolean postgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the database's address could not be read", e);
        }
    }
}
