package app.carddesk.store;

import app.carddesk.issuing.OutboxKind;
import app.carddesk.api.ChangeKind;
import app.carddesk.api.Api;
import app.carddesk.domain.Patron;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.sync.OutboxItem;
import app.carddesk.sync.SyncLedger;
import app.carddesk.sync.SyncProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The desk's {@link SyncLedger} on its H2 store. */
public final class JdbiSyncLedger implements SyncLedger {

    private static final String LAST_SEQ = "last_change_seq";

    private final Jdbi jdbi;
    private final RegisterWriter writer;
    private final Clock clock;
    private final String workstation;

    /** The ledger of {@code register}, writing through its one writer. */
    public JdbiSyncLedger(Database register, Clock clock, String workstation) {
        this.jdbi = register.jdbi();
        this.writer = register.writer();
        this.clock = clock;
        this.workstation = workstation;
    }

    @Override
    public List<OutboxItem> pending(int limit) {
        return pendingAfter(0, limit);
    }

    @Override
    public List<app.carddesk.sync.AuditItem> auditAfter(long seq, int limit) {
        return jdbi.withExtension(AuditDao.class, d -> d.after(seq, limit));
    }

    @Override
    public long auditSentUpTo() {
        return jdbi.withExtension(SyncDao.class, d -> d.state(AUDIT_SENT)).map(Long::parseLong).orElse(0L);
    }

    @Override
    public void auditSent(long seq) {
        writer.useExtension(SyncDao.class, d -> d.setState(AUDIT_SENT, Long.toString(seq)));
    }

    /** Where the central register's copy of this desk's audit trail ends. */
    private static final String AUDIT_SENT = "audit_sent_up_to";

    @Override
    public List<OutboxItem> pendingAfter(long seq, int limit) {
        return jdbi.withExtension(OutboxDao.class, d -> d.after(seq, limit)).stream()
                .map(p -> new OutboxItem(p.seq(), p.patronId(), p.kind(), p.payload(), p.createdAt(), p.idemKey(),
                        p.attempts(), p.staffUser())).toList();
    }

    @Override
    public long pendingCount() {
        return jdbi.withExtension(OutboxDao.class, OutboxDao::count);
    }

    @Override
    public Instant oldestPendingAt() {
        return jdbi.withExtension(OutboxDao.class, OutboxDao::oldestCreatedAt);
    }

    @Override
    public Optional<Api.Patron> patron(UUID id) {
        return jdbi.withHandle(h -> h.attach(PatronDao.class).byId(id).map(row -> PatronWire.toApi(
                row.patron(), h.attach(SyncDao.class).centralVersion(id).orElse(null),
                guardians(h, List.of(id)).getOrDefault(id, List.of()), row.pinHash())));
    }

    @Override
    public java.util.Map<UUID, Api.Patron> patrons(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, Api.Patron> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        writer.useHandle(h -> {
            java.util.Map<UUID, List<Api.Guardian>> guardians = guardians(h, ids);
            PatronDao patrons = h.attach(PatronDao.class);
            InLists.query(ids, patrons::byIds).forEach(row -> found.put(row.patron().id(),
                    PatronWire.toApi(row.patron(), null, guardians.getOrDefault(row.patron().id(), List.of()),
                            row.pinHash())));
        });
        return found;
    }

    /** The guardians of these patrons, for the documents sent to the central register. */
    private static java.util.Map<UUID, List<Api.Guardian>> guardians(Handle h, java.util.Collection<UUID> ids) {
        java.util.Map<UUID, List<Api.Guardian>> found = new java.util.HashMap<>();
        GuardianDao links = h.attach(GuardianDao.class);
        // Each child's links come in one list, in the order they were consented to.
        InLists.query(ids, links::ofChildren).forEach(link -> found.computeIfAbsent(link.childId(),
                k -> new java.util.ArrayList<>()).add(new Api.Guardian(link.guardianId(), link.consentAt())));
        return found;
    }

    @Override
    public void acknowledgedAll(List<OutboxItem> items, java.util.Map<UUID, Integer> centralVersions) {
        if (items.isEmpty()) {
            return;
        }
        writer.useTransaction(h -> {
            OutboxDao outbox = h.attach(OutboxDao.class);
            InLists.each(items.stream().map(OutboxItem::seq).toList(), outbox::deleteAll);
            // One statement per distinct version: after a batch of registrations that is one, for version 1.
            java.util.Map<Integer, List<UUID>> byVersion = new java.util.HashMap<>();
            centralVersions.forEach((id, v) -> byVersion.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(id));
            SyncDao sync = h.attach(SyncDao.class);
            byVersion.forEach((v, ids) -> InLists.each(ids, part -> sync.setCentralVersion(part, v)));
            settleRegisteredAgain(sync, items);
        });
    }

    /** Registrations the central register took: any earlier refusal of them is settled. */
    private void settleRegisteredAgain(SyncDao sync, List<OutboxItem> acknowledged) {
        if (sync.openProblemCount() == 0) {
            return; // the usual case: a queue of registrations drains without one statement more each
        }
        for (OutboxItem item : acknowledged) {
            if (item.kind() == OutboxKind.PATRON_CREATED) {
                sync.registeredAgain(item.patronId(), item.staffUser(), clock.instant());
            }
        }
    }

    @Override
    public void acknowledged(OutboxItem item, Integer centralVersion) {
        writer.useTransaction(h -> {
            h.attach(OutboxDao.class).done(item.seq());
            if (centralVersion != null) {
                h.attach(SyncDao.class).setCentralVersion(item.patronId(), centralVersion);
            }
            settleRegisteredAgain(h.attach(SyncDao.class), List.of(item));
        });
    }

    @Override
    public void retryLater(OutboxItem item, String error) {
        writer.useExtension(OutboxDao.class, d -> d.failed(item.seq(), error.length() > 200 ? error.substring(0, 200)
                : error));
    }

    @Override
    public java.util.Set<UUID> awaitingRegistration() {
        return jdbi.withExtension(SyncDao.class, SyncDao::refusedRegistrations);
    }

    @Override
    public void refused(OutboxItem item, String code, UUID existingId, String message) {
        writer.useTransaction(h -> {
            h.attach(OutboxDao.class).done(item.seq());
            h.attach(SyncDao.class).addProblem(item.patronId(), item.kind(), code, existingId,
                    message == null ? code : message.length() > 400 ? message.substring(0, 400) : message,
                    clock.instant());
            h.attach(AuditDao.class).append(AuditEntry.ofDesk(clock.instant(), "sync", workstation, "SYNC_REFUSED",
                    item.patronId(), "kind=" + item.kind() + ";code=" + code));
        });
    }

    /**
     * The desk's id: the one this register has, or else {@code proposed} (the id the staff keys
     * gave the desk before its register opened), kept from now on.
     */
    public String adoptDeskId(String proposed) {
        return writer.inTransaction(h -> {
            SyncDao dao = h.attach(SyncDao.class);
            return dao.state("desk_id").orElseGet(() -> {
                dao.setState("desk_id", proposed);
                return proposed;
            });
        });
    }

    @Override
    public String deskId() {
        return writer.inTransaction(h -> {
            SyncDao dao = h.attach(SyncDao.class);
            return dao.state("desk_id").orElseGet(() -> {
                String id = UUID.randomUUID().toString();
                dao.setState("desk_id", id);
                return id;
            });
        });
    }

    @Override
    public long lastChangeSeq() {
        return jdbi.withExtension(SyncDao.class, d -> d.state(LAST_SEQ)).map(Long::parseLong).orElse(0L);
    }

    @Override
    public void applyChanges(List<Api.Change> changes, long last) {
        writer.useRepeatableTransaction(h -> {
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            changes.forEach(c -> ids.add(c.patronId()));
            SyncDao sync = h.attach(SyncDao.class);
            java.util.Set<UUID> busy = ids.isEmpty() ? java.util.Set.of()
                    : new java.util.HashSet<>(InLists.query(ids, sync::withPendingChanges));
            java.util.Set<UUID> known = ids.isEmpty() ? new java.util.HashSet<>()
                    : new java.util.HashSet<>(InLists.query(ids, sync::existing));
            java.util.Map<UUID, Api.Patron> fresh = new java.util.LinkedHashMap<>();
            for (Api.Change c : changes) {
                if (busy.contains(c.patronId())) {
                    continue; // this desk's own change is still on its way; it wins until sent
                }
                if (c.kind().removesPatron()) {
                    fresh.remove(c.patronId());
                    if (known.remove(c.patronId())) {
                        deleteLocal(h, c.patronId(), c.kind() == ChangeKind.DELETED);
                    }
                } else if (c.patron() != null) {
                    if (known.contains(c.patronId())) {
                        upsert(h, c.patron());
                    } else {
                        fresh.put(c.patronId(), c.patron());
                    }
                }
            }
            insertAll(h, fresh.values());
            applyGuardians(h, changes, busy, known);
            sync.setState(LAST_SEQ, Long.toString(last));
        });
    }

    /**
     * Each child's guardians as the central register has them now (a child registered at another
     * desk), for the patrons whose last change on the page left them here; in batches. Only the
     * patrons the desk had before the page can have links to replace.
     */
    private static void applyGuardians(Handle h, List<Api.Change> changes, java.util.Set<UUID> busy,
                                       java.util.Set<UUID> hadBefore) {
        java.util.Map<UUID, Api.Patron> now = new java.util.LinkedHashMap<>();
        for (Api.Change c : changes) {
            if (busy.contains(c.patronId())) {
                continue;
            }
            if (c.patron() != null) {
                now.put(c.patronId(), c.patron());
            } else if (c.kind().removesPatron()) {
                now.remove(c.patronId());
            }
        }
        if (now.isEmpty()) {
            return;
        }
        GuardianDao guardians = h.attach(GuardianDao.class);
        List<UUID> replaced = now.keySet().stream().filter(hadBefore::contains).toList();
        if (!replaced.isEmpty()) {
            InLists.each(replaced, guardians::unlinkChildren);
        }
        List<GuardianDao.Link> links = now.values().stream().flatMap(p -> p.guardians().stream()
                .map(g -> new GuardianDao.Link(p.id(), g.guardianId(), g.consentAt(), "central"))).toList();
        if (!links.isEmpty()) {
            guardians.linkAll(links);
        }
    }

    /** Patrons new to this desk, written in batches. */
    private void insertAll(Handle h, java.util.Collection<Api.Patron> patrons) {
        if (patrons.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        List<String> cards = new java.util.ArrayList<>();
        List<UUID> holders = new java.util.ArrayList<>();
        for (Api.Patron p : patrons) {
            java.util.Map<String, Object> row = PatronRows.columns(PatronWire.fromApi(p, now), null);
            row.put("central_version", p.version());
            rows.add(row);
            if (p.cardNumber() != null) {
                cards.add(p.cardNumber());
                holders.add(p.id());
            }
        }
        h.attach(PatronDao.class).insertRows(rows);
        if (!cards.isEmpty()) {
            h.attach(SyncDao.class).ensureCards(cards, holders, now);
            h.attach(SyncDao.class).claimCards(cards, holders);
        }
    }


    @Override
    public void applyPatron(Api.Patron patron) {
        writer.useTransaction(h -> upsert(h, patron));
    }

    /**
     * Removes a patron the central register deleted (their card is retired for good) or who left
     * this library (their card lives on at other libraries, so it is only forgotten here).
     */
    private void deleteLocal(Handle h, UUID id, boolean retireCard) {
        PatronDao patrons = h.attach(PatronDao.class);
        patrons.byId(id).ifPresent(row -> {
            if (row.patron().cardNumber() != null && retireCard) {
                h.attach(CardDao.class).retire(row.patron().cardNumber(), clock.instant(), "DELETED_CENTRALLY");
            } else if (row.patron().cardNumber() != null) {
                h.attach(CardDao.class).delete(row.patron().cardNumber());
            }
            h.attach(GuardianDao.class).unlinkPatron(id);
            patrons.delete(id);
        });
    }

    private void upsert(Handle h, Api.Patron p) {
        Instant now = clock.instant();
        int updated = h.attach(SyncDao.class).updateFromCentral(PatronWire.fromApi(p, now), p.version(), now);
        if (updated == 0) {
            insertAll(h, List.of(p));
            return;
        }
        if (p.cardNumber() != null) {
            h.attach(SyncDao.class).ensureCards(List.of(p.cardNumber()), List.of(p.id()), now);
            h.attach(SyncDao.class).claimCards(List.of(p.cardNumber()), List.of(p.id()));
        }
    }

    @Override
    public void discardRefusedRegistration(UUID patronId) {
        writer.useTransaction(h -> {
            PatronDao patrons = h.attach(PatronDao.class);
            patrons.byId(patronId).ifPresent(row -> {
                if (row.patron().cardNumber() != null) {
                    h.attach(CardDao.class).deleteOf(row.patron().cardNumber(), patronId);
                }
                patrons.delete(patronId);
                h.attach(OutboxDao.class).deleteFor(patronId);
            });
        });
    }

    @Override
    public void requeueUpdate(UUID patronId, int centralVersion, String staff) {
        writer.useTransaction(h -> {
            h.attach(SyncDao.class).setCentralVersion(patronId, centralVersion);
            // Sent again for the person who chose to: the central register checks what they may do.
            h.attach(OutboxDao.class).append(new app.carddesk.issuing.OutboxEntry(patronId, OutboxKind.PATRON_UPDATED, "{}"),
                    clock.instant(), staff);
        });
    }

    @Override
    public List<SyncProblem> openProblems() {
        return jdbi.withExtension(SyncDao.class, SyncDao::openProblems);
    }

    @Override
    public long openProblemCount() {
        return jdbi.withExtension(SyncDao.class, SyncDao::openProblemCount);
    }

    @Override
    public void resolve(long problemId, String resolution, String staff) {
        writer.useTransaction(h -> {
            h.attach(SyncDao.class).resolve(problemId, resolution, staff, clock.instant());
            h.attach(AuditDao.class).append(AuditEntry.ofDesk(clock.instant(), staff, workstation, "SYNC_RESOLVED",
                    null, "resolution=" + resolution));
        });
    }
}
