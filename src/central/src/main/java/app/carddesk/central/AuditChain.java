package app.carddesk.central;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as a hash chain. Requests write entries as they always did; the sealer gives each
 * new entry its place in the chain ({@code chain_seq}), the hash of the entry before it, and the
 * SHA-256 of its own fields together with that hash. One sealer runs at a time across all central
 * instances (the row lock on {@code audit_seal}), so request writes never wait for it.
 *
 * <p>{@link #verify()} walks the chain: an entry changed after sealing no longer matches its hash, a
 * removed one leaves a gap, and one slipped in has no place. Someone who can rewrite the database
 * could recompute every hash after their change; the head the sealer logs after each round is what
 * an operator keeps elsewhere to catch that too.
 */
public final class AuditChain {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 5_000;

    private final Jdbi jdbi;

    public AuditChain(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An audit entry's fields as the chain covers them. */
    public record Entry(long id, Instant at, String libraryCode, String workstation, String staffUser,
                        String staffRoles, String action, UUID patronId, String detail, Long chainSeq,
                        String prevHash, String entryHash) {

        String hashAfter(String previous) {
            StringBuilder s = new StringBuilder(256);
            for (Object field : new Object[] {chainSeq, id, at, libraryCode, workstation, staffUser, staffRoles,
                    action, patronId, detail, previous}) {
                s.append(field == null ? "\u2400" : field.toString()).append('\u001f');
            }
            return Envelope.sha256(s.toString());
        }
    }

    public record Head(long lastSeq, String lastHash) {
    }

    public record Seal(long id, long seq, String prev, String hash) {
    }

    interface Dao {
        String COLUMNS = "id, at, library_code, workstation, staff_user, staff_roles, action, patron_id, detail, "
                + "chain_seq, prev_hash, entry_hash";

        @SqlQuery("SELECT last_seq, last_hash FROM audit_seal WHERE id = 1 FOR UPDATE")
        @RegisterConstructorMapper(Head.class)
        Head lockHead();

        @SqlQuery("SELECT last_seq, last_hash FROM audit_seal WHERE id = 1")
        @RegisterConstructorMapper(Head.class)
        Head head();

        @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT :limit")
        @RegisterConstructorMapper(Entry.class)
        List<Entry> unsealed(@Bind("limit") int limit);

        @SqlBatch("UPDATE audit_event SET chain_seq = :seq, prev_hash = :prev, entry_hash = :hash WHERE id = :id")
        void seal(@BindMethods List<Seal> seals);

        @SqlUpdate("UPDATE audit_seal SET last_seq = :lastSeq, last_hash = :lastHash WHERE id = 1")
        void moveHead(@BindMethods Head head);

        @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
        @RegisterConstructorMapper(Entry.class)
        @FetchSize(1_000)
        Stream<Entry> sealed();

        @SqlQuery("SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NULL")
        long waiting();
    }

    /** Seals the entries written since the last round; returns how many. */
    public int seal() {
        int total = 0;
        while (true) {
            int sealed = jdbi.inTransaction(h -> {
                Dao dao = Daos.on(h, Dao.class);
                Head head = dao.lockHead();
                List<Entry> entries = dao.unsealed(BATCH);
                if (entries.isEmpty()) {
                    return 0;
                }
                List<Seal> seals = new java.util.ArrayList<>(entries.size());
                long seq = head.lastSeq();
                String previous = head.lastHash();
                for (Entry e : entries) {
                    seq++;
                    Entry placed = new Entry(e.id(), e.at(), e.libraryCode(), e.workstation(), e.staffUser(),
                            e.staffRoles(), e.action(), e.patronId(), e.detail(), seq, null, null);
                    String hash = placed.hashAfter(previous);
                    seals.add(new Seal(e.id(), seq, previous, hash));
                    previous = hash;
                }
                dao.seal(seals);
                dao.moveHead(new Head(seq, previous));
                return entries.size();
            });
            total += sealed;
            if (sealed < BATCH) {
                break;
            }
        }
        if (total > 0) {
            Head head = jdbi.withExtension(Dao.class, Dao::head);
            LOG.info("Audit sealed: {} entries; chain head {} {}", total, head.lastSeq(), head.lastHash());
        }
        return total;
    }

    /** What a walk along the chain found. */
    public record Verdict(boolean intact, long sealed, long waiting, String head, Long brokenAt, String reason) {

        public String text() {
            return intact
                    ? "Audit chain intact: " + sealed + " entries sealed, " + waiting + " waiting to be sealed; head "
                    + head + "."
                    : "Audit chain BROKEN at chain position " + brokenAt + ": " + reason + " (" + sealed
                    + " entries checked before it).";
        }
    }

    /** Walks the whole chain from its start and says whether every link holds. */
    public Verdict verify() {
        return jdbi.inTransaction(h -> {
            Dao dao = Daos.on(h, Dao.class);
            Head head = dao.head();
            long waiting = dao.waiting();
            long expected = 1;
            String previous = GENESIS;
            try (Stream<Entry> entries = dao.sealed()) {
                for (Entry e : (Iterable<Entry>) entries::iterator) {
                    if (e.chainSeq() != expected) {
                        return broken(expected - 1, expected, "entry " + expected + " is missing");
                    }
                    if (!previous.equals(e.prevHash())) {
                        return broken(expected - 1, expected, "the entry before it was changed or replaced");
                    }
                    if (!e.hashAfter(previous).equals(e.entryHash())) {
                        return broken(expected - 1, expected, "this entry (audit id " + e.id()
                                + ") was changed after it was sealed");
                    }
                    previous = e.entryHash();
                    expected++;
                }
            }
            long count = expected - 1;
            if (count != head.lastSeq() || !previous.equals(head.lastHash())) {
                return broken(count, count + 1, "the chain ends before its recorded head (" + head.lastSeq()
                        + "): the newest entries were removed");
            }
            return new Verdict(true, count, waiting, head.lastSeq() + " " + head.lastHash(), null, null);
        });
    }

    private static Verdict broken(long checked, long at, String reason) {
        return new Verdict(false, checked, 0, null, at, reason);
    }
}
