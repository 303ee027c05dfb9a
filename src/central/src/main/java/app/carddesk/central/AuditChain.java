package app.carddesk.central;

import app.carddesk.api.CentralActor;
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
 *
 * <p>Entries past the organisation's period are removed from the start of the chain ({@link
 * #removeBefore}); the chain then starts after the last one removed, whose place and hash {@code
 * audit_seal} keeps, and each removal is an entry of the chain that names that place and hash.
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

    /** Where the chain starts now: after the last entry removed (0 and {@link #GENESIS}: none removed). */
    public record Start(long prunedSeq, String prunedHash) {
    }

    /** A sealed entry's place, time and hash: what a removal needs to know of it. */
    public record Link(long chainSeq, Instant at, String entryHash) {
    }

    /** The action of the entry that records a removal from the start of the chain. */
    static final String REMOVED = "AUDIT_REMOVED";

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

        @SqlQuery("SELECT pruned_seq, pruned_hash FROM audit_seal WHERE id = 1")
        @RegisterConstructorMapper(Start.class)
        Start start();

        @SqlQuery("SELECT chain_seq, at, entry_hash FROM audit_event WHERE chain_seq > :after ORDER BY chain_seq "
                + "LIMIT :limit")
        @RegisterConstructorMapper(Link.class)
        List<Link> linksAfter(@Bind("after") long after, @Bind("limit") int limit);

        @SqlUpdate("DELETE FROM audit_event WHERE chain_seq > :after AND chain_seq <= :through")
        int remove(@Bind("after") long after, @Bind("through") long through);

        @SqlUpdate("UPDATE audit_seal SET pruned_seq = :prunedSeq, pruned_hash = :prunedHash WHERE id = 1")
        void moveStart(@BindMethods Start start);

        /** Removal entries after the chain's start (or waiting to be sealed) whose detail begins so. */
        @SqlQuery("SELECT COUNT(*) FROM audit_event WHERE action = '" + REMOVED + "' AND (chain_seq > :after "
                + "OR chain_seq IS NULL) AND detail LIKE :prefix")
        long removals(@Bind("after") long after, @Bind("prefix") String prefix);
    }

    /** How a removal's entry names the new start of the chain (its detail begins so). */
    static String removalDetail(Start start) {
        return "through " + start.prunedSeq() + " " + start.prunedHash();
    }

    /** At most this many entries go in one transaction, each with its own removal entry. */
    static final int REMOVAL_BATCH = 50_000;
    /** The entries read at a time while looking for the first one to keep. */
    static final int PAGE = 1_000;

    /**
     * Removes the sealed entries made before {@code before} from the start of the chain, up to the
     * first entry made at or after it (so nothing newer goes, even where entries were sealed a little
     * out of time order), in transactions of {@link #REMOVAL_BATCH}. Each transaction holds the
     * sealer's lock, moves the chain's start to the last entry it removed and adds an entry saying so,
     * which the sealer gives the chain's next place: an interrupted run leaves a chain that holds.
     * With {@code dryRun} it counts and changes nothing.
     *
     * @return how many entries were (or would be) removed
     */
    public long removeBefore(Instant before, Instant now, boolean dryRun) {
        return removeBefore(before, now, dryRun, REMOVAL_BATCH, PAGE);
    }

    /** As {@link #removeBefore(Instant, Instant, boolean)}, in transactions of {@code batch}, reading {@code page}. */
    long removeBefore(Instant before, Instant now, boolean dryRun, int batch, int page) {
        long total = 0;
        long after = jdbi.withExtension(Dao.class, Dao::start).prunedSeq();
        while (true) {
            long from = after;
            Removal removal = jdbi.inTransaction(h -> {
                Dao dao = Daos.on(h, Dao.class);
                if (!dryRun) {
                    dao.lockHead();
                }
                // Read a page at a time: on most days the chain's first entry is already too new.
                int old = 0;
                Link last = null;
                boolean newer = false;
                boolean end = false;
                while (old < batch && !newer && !end) {
                    List<Link> links = dao.linksAfter(last == null ? from : last.chainSeq(), page);
                    end = links.size() < page;
                    for (Link link : links) {
                        if (!link.at().isBefore(before)) {
                            newer = true;
                            break;
                        }
                        last = link;
                        if (++old == batch) {
                            break;
                        }
                    }
                }
                if (old == 0) {
                    return new Removal(0, from, false);
                }
                if (!dryRun) {
                    dao.remove(from, last.chainSeq());
                    Start start = new Start(last.chainSeq(), last.entryHash());
                    dao.moveStart(start);
                    Daos.on(h, CentralDaos.Audit.class).append(now, "*", CentralActor.RETENTION_JOB.stored(),
                            REMOVED, null,
                            removalDetail(start) + " (" + old + " entries made before " + before + ")");
                }
                return new Removal(old, last.chainSeq(), old == batch && !newer);
            });
            if (!dryRun && removal.count() > 0) {
                // Kept with the heads the sealer logs: someone who can write the database could move the
                // start and write a removal entry for it; the log, kept elsewhere, says where it was moved.
                String hash = jdbi.withExtension(Dao.class, Dao::start).prunedHash();
                LOG.info("Audit chain start moved to {} {}: {} entries made before {} removed", removal.through(),
                        hash, removal.count(), before);
            }
            total += removal.count();
            after = removal.through();
            if (!removal.more()) {
                return total;
            }
        }
    }

    private record Removal(int count, long through, boolean more) {
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

    /**
     * What a walk along the chain found: {@code sealed} entries walked, after the {@code removed} the
     * retention run took from its start.
     */
    public record Verdict(boolean intact, long sealed, long removed, String start, long waiting, String head,
                          Long brokenAt, String reason) {

        public String text() {
            String before = removed == 0 ? "" : " (the " + removed + " before them removed after the kept period; "
                    + "the chain starts after " + start + ")";
            return intact
                    ? "Audit chain intact: " + sealed + " entries sealed" + before + ", " + waiting
                    + " waiting to be sealed; head " + head + "."
                    : "Audit chain BROKEN at chain position " + brokenAt + ": " + reason + " (" + sealed
                    + " entries checked before it).";
        }
    }

    /**
     * Walks the whole chain from its start (after the entries the retention run removed, a removal
     * an entry of the chain records) and says whether every link holds.
     */
    public Verdict verify() {
        // One snapshot: instances beside it seal and the retention run moves the start meanwhile.
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Dao dao = Daos.on(h, Dao.class);
            Head head = dao.head();
            long waiting = dao.waiting();
            Start start = dao.start();
            if (start.prunedSeq() > 0 && dao.removals(start.prunedSeq(), removalDetail(start) + " %") == 0) {
                return broken(0, start.prunedSeq() + 1, "the entries before it were removed, but no removal by the "
                        + "retention run names this place and hash");
            }
            long expected = start.prunedSeq() + 1;
            String previous = start.prunedHash();
            try (Stream<Entry> entries = dao.sealed()) {
                for (Entry e : (Iterable<Entry>) entries::iterator) {
                    long checked = expected - 1 - start.prunedSeq();
                    if (e.chainSeq() != expected) {
                        return broken(checked, expected, "entry " + expected + " is missing");
                    }
                    if (!previous.equals(e.prevHash())) {
                        return broken(checked, expected, "the entry before it was changed or replaced");
                    }
                    if (!e.hashAfter(previous).equals(e.entryHash())) {
                        return broken(checked, expected, "this entry (audit id " + e.id()
                                + ") was changed after it was sealed");
                    }
                    previous = e.entryHash();
                    expected++;
                }
            }
            long last = expected - 1;
            long count = last - start.prunedSeq();
            if (last != head.lastSeq() || !previous.equals(head.lastHash())) {
                return broken(count, last + 1, "the chain ends before its recorded head (" + head.lastSeq()
                        + "): the newest entries were removed");
            }
            return new Verdict(true, count, start.prunedSeq(), start.prunedSeq() + " " + start.prunedHash(), waiting,
                    head.lastSeq() + " " + head.lastHash(), null, null);
        });
    }

    private static Verdict broken(long checked, long at, String reason) {
        return new Verdict(false, checked, 0, null, 0, null, at, reason);
    }
}
