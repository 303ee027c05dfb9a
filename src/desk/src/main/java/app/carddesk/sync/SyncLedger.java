package app.carddesk.sync;

import app.carddesk.api.Api;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's side of sync, as the sync needs it from the local store: the outbox, the patrons
 * as the API shows them, the pull position and the problems list.
 */
public interface SyncLedger {

    List<OutboxItem> pending(int limit);

    /** The desk's own audit entries after {@code seq}, oldest first. */
    List<AuditItem> auditAfter(long seq, int limit);

    /** The number up to which the central register holds this desk's audit entries (0: none). */
    long auditSentUpTo();

    /** The central register holds this desk's audit entries up to {@code seq}. */
    void auditSent(long seq);

    /** The entries after {@code seq}, oldest first: the next batch while one is on its way. */
    List<OutboxItem> pendingAfter(long seq, int limit);

    long pendingCount();

    Instant oldestPendingAt();

    /** The local patron in the API's form, with the version the central register holds. */
    Optional<Api.Patron> patron(UUID id);

    /** Several local patrons in the API's form, by id (those still there). */
    java.util.Map<UUID, Api.Patron> patrons(java.util.Collection<UUID> ids);

    /** Many entries answered at once: they leave the outbox together, in one transaction. */
    void acknowledgedAll(List<OutboxItem> items, java.util.Map<UUID, Integer> centralVersions);

    /** Sent and answered: the entry leaves the outbox; the patron's central version is kept. */
    void acknowledged(OutboxItem item, Integer centralVersion);

    void retryLater(OutboxItem item, String error);

    /** Refused by the central register: the entry moves to the problems list, in one transaction. */
    void refused(OutboxItem item, String code, UUID existingId, String message);

    /**
     * The patrons whose registration the central register refused and staff have not settled: their
     * other changes (a PIN mail, an edit) wait for the registration instead of being sent for a patron
     * the central register does not have.
     */
    java.util.Set<UUID> awaitingRegistration();

    long lastChangeSeq();

    /** This desk's own id, made once with its local register. */
    String deskId();

    /** Applies a page of the change feed and remembers how far it got, in one transaction. */
    void applyChanges(List<Api.Change> changes, long last);

    /** Takes one patron the central register knows into the local store. */
    void applyPatron(Api.Patron patron);

    List<SyncProblem> openProblems();

    long openProblemCount();

    void resolve(long problemId, String resolution, String staff);

    /**
     * Removes a local registration the central register refused (a duplicate): the patron and
     * the card row it held, without any change for the central register, which never had it.
     */
    void discardRefusedRegistration(UUID patronId);

    /** Queues the patron's current local data to be sent again over {@code centralVersion}. */
    void requeueUpdate(UUID patronId, int centralVersion, String staff);
}
