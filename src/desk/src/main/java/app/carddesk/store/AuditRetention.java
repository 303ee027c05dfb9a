package app.carddesk.store;

import java.time.Instant;

/**
 * The desk's own audit trail (who did and saw what at this workstation) kept no longer than the
 * organisation keeps its audit: the entries from before the cut-off are removed, on the register's
 * one writer thread.
 */
public final class AuditRetention {

    private AuditRetention() {
    }

    /** Removes the entries recorded before {@code cutoff}; answers how many. */
    public static int removeBefore(Database db, Instant cutoff) {
        return db.writer().inTransaction(h -> h.createUpdate("DELETE FROM audit_event WHERE at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }
}
