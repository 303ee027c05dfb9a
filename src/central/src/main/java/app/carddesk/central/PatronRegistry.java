package app.carddesk.central;

import app.carddesk.central.PatronValidation.Valid;
import app.carddesk.api.ChangeKind;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The central register's rules for patrons: the same domain rules as the desk, the library's
 * reserved card series, one patron per national ID and card, and a change feed per library.
 */
public final class PatronRegistry {

    /** The savepoint before a patron's rows are written, for telling a lost race apart. */
    private static final String WRITE = "patron_write";

    private final Jdbi jdbi;
    private final PatronValidation validation;
    private final Clock clock;

    /** The register's clock's time now, for what its callers audit. */
    Instant now() {
        return clock.instant();
    }

    public PatronRegistry(Jdbi jdbi, PatronValidation validation, Clock clock) {
        this.jdbi = jdbi;
        this.validation = validation;
        this.clock = clock;
    }

    /** Stores a new patron; the caller holds the transaction. */
    public void insert(Handle h, Caller caller, Valid valid) {
        CentralPatronRow row = valid.row();
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        if (patrons.byId(row.id()).isPresent()) {
            throw new ApiException(409, ErrorCode.PATRON_EXISTS, "id", "A patron with this id exists already.", row.id());
        }
        if (row.cardNumber() != null) {
            Optional<String> status = patrons.cardStatus(row.cardNumber());
            if (status.isPresent()) {
                throw cardConflict(patrons, row.cardNumber(), status.get());
            }
        }
        if (row.identityNumber() != null) {
            IdentityLock.hold(h, row.identityNumber());
            Optional<CentralPatronRow> other = patrons.byIdentity(row.identityNumber());
            if (other.isPresent()) {
                throw identityConflict(other.get().id());
            }
        }
        h.savepoint(WRITE);
        try {
            patrons.insert(row);
            if (row.cardNumber() != null) {
                patrons.issueCard(row.cardNumber(), row.id(), caller.library().code(), row.createdAt());
            }
        } catch (UnableToExecuteStatementException e) {
            throw raced(h, e, row);
        }
        h.release(WRITE);
        Daos.on(h, CentralDaos.Memberships.class).add(row.id(), caller.library().code(), row.createdAt(), null, null);
        addGuardians(h, caller, row.id(), valid.guardians());
        changed(h, caller, row.id(), ChangeKind.CREATED, "PATRON_REGISTERED", "kind=" + row.registrationKind());
    }

    /**
     * The registrations of a batch that break no uniqueness rule (card, national ID, id; also
     * within the batch); the others get their refusal in {@code answers}.
     *
     * @return the batch positions of the accepted registrations
     */
    public <A> List<Integer> checkConflicts(Handle h, List<Valid> valid, List<Integer> positions, A[] answers,
                                            java.util.function.Function<ApiException, A> refusal) {
        List<Integer> accepted = new ArrayList<>();
        if (valid.isEmpty()) {
            return accepted;
        }
        CentralDaos.Bulk bulk = Daos.on(h, CentralDaos.Bulk.class);
        java.util.Set<String> cards = new java.util.HashSet<>();
        java.util.Set<String> identities = new java.util.HashSet<>();
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        valid.forEach(v -> {
            if (v.row().cardNumber() != null) {
                cards.add(v.row().cardNumber());
            }
            if (v.row().identityNumber() != null) {
                identities.add(v.row().identityNumber());
            }
            ids.add(v.row().id());
        });
        java.util.Map<String, CentralDaos.Bulk.CardRow> takenCards = new java.util.HashMap<>();
        if (!cards.isEmpty()) {
            bulk.cards(cards).forEach(c -> takenCards.put(c.number(), c));
        }
        java.util.Map<String, UUID> takenIdentities = new java.util.HashMap<>();
        IdentityLock.holdAll(h, identities);
        if (!identities.isEmpty()) {
            bulk.identities(identities).forEach(r -> takenIdentities.put(r.identityNumber(), r.id()));
        }
        java.util.Set<UUID> takenIds = new java.util.HashSet<>(bulk.existingIds(ids));
        java.util.Set<UUID> guardianIds = new java.util.HashSet<>();
        valid.forEach(v -> v.guardians().forEach(g -> guardianIds.add(g.guardianId())));
        // A guardian is a patron this library can see: stored already, or registered earlier in this batch.
        java.util.Set<UUID> knownGuardians = new java.util.HashSet<>(guardianIds.isEmpty() ? List.of()
                : bulk.visibleIds(guardianIds, valid.get(0).row().libraryCode()));
        for (int k = 0; k < valid.size(); k++) {
            CentralPatronRow row = valid.get(k).row();
            int i = positions.get(k);
            CentralDaos.Bulk.CardRow card = row.cardNumber() == null ? null : takenCards.get(row.cardNumber());
            java.util.Optional<UUID> unknownGuardian = valid.get(k).guardians().stream().map(Api.Guardian::guardianId)
                    .filter(g -> !knownGuardians.contains(g)).findFirst();
            if (unknownGuardian.isPresent()) {
                answers[i] = refusal.apply(guardianUnknown(unknownGuardian.get()));
            } else if (takenIds.contains(row.id())) {
                answers[i] = refusal.apply(new ApiException(409, ErrorCode.PATRON_EXISTS, "id",
                        "A patron with this id exists already.", row.id()));
            } else if (card != null) {
                answers[i] = refusal.apply("RETIRED".equals(card.status())
                        ? new ApiException(409, ErrorCode.CARD_NUMBER_RETIRED, "cardNumber",
                        "Card " + row.cardNumber() + " was destroyed or retired and can never be issued again.")
                        : new ApiException(409, ErrorCode.CARD_NUMBER_TAKEN, "cardNumber",
                        "Card " + row.cardNumber() + " is issued to another patron already.", card.patronId()));
            } else if (row.identityNumber() != null && takenIdentities.containsKey(row.identityNumber())) {
                answers[i] = refusal.apply(identityConflict(takenIdentities.get(row.identityNumber())));
            } else {
                accepted.add(i);
                takenIds.add(row.id());
                knownGuardians.add(row.id());
                if (row.cardNumber() != null) {
                    takenCards.put(row.cardNumber(), new CentralDaos.Bulk.CardRow(row.cardNumber(), "ISSUED",
                            row.id()));
                }
                if (row.identityNumber() != null) {
                    takenIdentities.put(row.identityNumber(), row.id());
                }
            }
        }
        return accepted;
    }

    /** Writes checked registrations in batches: patrons, cards, the change feed and the audit trail. */
    public void insertAll(Handle h, Caller caller, List<Valid> rows) {
        insertAll(h, caller, rows, java.util.Collections.nCopies(rows.size(), caller.staff()));
    }

    /** Inserts a batch's registrations, each audited with the person who made it ({@code madeBy}, in order). */
    public void insertAll(Handle h, Caller caller, List<Valid> rows, List<StaffSessions.Staff> madeBy) {
        if (rows.isEmpty()) {
            return;
        }
        String library = caller.library().code();
        Instant now = clock.instant();
        List<CentralDaos.RegistrationBatch.Registered> registered = new java.util.ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            Valid v = rows.get(k);
            StaffSessions.Staff who = madeBy.get(k);
            registered.add(new CentralDaos.RegistrationBatch.Registered(v.row().id(), v.row().cardNumber(),
                    v.row().createdAt(), "kind=" + v.row().registrationKind(), who == null ? null : who.userName(),
                    who == null ? null : String.join(",", who.roles())));
        }
        CentralDaos.RegistrationBatch batch = Daos.on(h, CentralDaos.RegistrationBatch.class);
        Daos.on(h, CentralPatronDao.class).insertAll(rows.stream().map(Valid::row).toList());
        batch.memberships(registered, library);
        for (Valid v : rows) {
            addGuardians(h, caller, v.row().id(), v.guardians());
        }
        List<CentralDaos.RegistrationBatch.Registered> withCards = registered.stream()
                .filter(r -> r.cardNumber() != null).toList();
        if (!withCards.isEmpty()) {
            batch.cards(withCards, library);
        }
        batch.created(registered, library, now, caller.deskId());
        batch.audited(registered, library, caller.workstation(), now);
    }

    /**
     * Replaces a patron's data when {@code expectedVersion} is still the current one; a card the
     * patron no longer holds is retired with {@code cardRetired} as its reason (null: none given).
     */
    public CentralPatronRow update(Handle h, Caller caller, UUID id, int expectedVersion, Api.Patron body,
                                   app.carddesk.api.CardRetirement cardRetired) {
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        CentralPatronRow current = PatronAccess.home(h, caller, id);
        if (current.version() != expectedVersion) {
            throw new ApiException(412, ErrorCode.STALE_VERSION, "If-Match", "The patron was changed meanwhile (now version "
                    + current.version() + "). Fetch it again and repeat the change.", id);
        }
        CentralDaos.Guardians guardians = Daos.on(h, CentralDaos.Guardians.class);
        Valid valid = validation.validate(caller, body, current.version(), current.createdAt(),
                () -> validation.reservedSeries(caller),
                !guardians.ofChild(id).isEmpty());
        CentralPatronRow next = valid.row();
        if (!java.util.Objects.equals(next.identityNumber(), current.identityNumber())) {
            // A national ID only moves on: none -> any, replacement CPR -> CPR, D-number -> fødselsnummer, DUF -> ...
            IdentityNumber before = current.identityNumber() == null ? null : new IdentityNumber(
                    IdentityKind.valueOf(current.identityKind()), current.identityNumber(), current.birthDate());
            if (next.identityNumber() == null || !app.carddesk.domain.IdentityTransitions.allowed(before,
                    IdentityKind.valueOf(next.identityKind()))) {
                throw new ApiException(422, ErrorCode.IDENTITY_CHANGE_NOT_ALLOWED, "identity.number",
                        "A patron's national ID can only move on (a D-number to a fødselsnummer, a DUF number to a "
                                + "D-number or fødselsnummer, a replacement CPR to the real one), never be removed.");
            }
        }
        if (next.identityNumber() != null && !next.identityNumber().equals(current.identityNumber())) {
            IdentityLock.hold(h, next.identityNumber());
            Optional<CentralPatronRow> other = patrons.byIdentity(next.identityNumber());
            if (other.isPresent() && !other.get().id().equals(id)) {
                throw identityConflict(other.get().id());
            }
        }
        if (next.cardNumber() != null && !next.cardNumber().equals(current.cardNumber())) {
            Optional<String> status = patrons.cardStatus(next.cardNumber());
            if (status.isPresent()) {
                throw cardConflict(patrons, next.cardNumber(), status.get());
            }
        }
        h.savepoint(WRITE);
        try {
            if (next.cardNumber() != null && !next.cardNumber().equals(current.cardNumber())) {
                patrons.issueCard(next.cardNumber(), id, caller.library().code(), next.updatedAt());
            }
            if (current.cardNumber() != null && !current.cardNumber().equals(next.cardNumber())) {
                patrons.retireReplacedCard(current.cardNumber(), next.updatedAt(),
                        cardRetired == null ? null : cardRetired.name());
            }
            if (patrons.update(next) != 1) {
                throw new ApiException(412, ErrorCode.STALE_VERSION, "If-Match", "The patron was changed meanwhile.", id);
            }
        } catch (UnableToExecuteStatementException e) {
            throw raced(h, e, next);
        }
        if (next.pinHash() != null) {
            patrons.setPinHash(id, next.pinHash(), next.updatedAt());
        }
        h.release(WRITE);
        addGuardians(h, caller, id, valid.guardians());
        changed(h, caller, id, ChangeKind.UPDATED, "PATRON_UPDATED", "identity=" + next.identityKind());
        return patrons.byId(id).orElseThrow();
    }

    public void delete(Handle h, Caller caller, UUID id) {
        // An activation at another library finishes first (and its library hears of the deletion) or waits.
        Daos.on(h, CentralPatronDao.class).lock(id);
        CentralPatronRow current = PatronAccess.home(h, caller, id);
        PatronAccess.requireNothingOutstanding(h, id, null, "deleted");
        changed(h, caller, id, ChangeKind.DELETED, "PATRON_DELETED", "kind=" + current.registrationKind());
        erase(h, current, "DELETED");
    }

    /**
     * Removes a patron and everything that hangs on them, mails still queued to them included;
     * their card number is retired for good.
     * The caller has written the change feed already (it goes to every library the patron had).
     */
    public void erase(Handle h, CentralPatronRow patron, String cardReason) {
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        if (patron.cardNumber() != null) {
            patrons.retireCard(patron.cardNumber(), clock.instant(), cardReason);
        }
        Daos.on(h, CentralDaos.Memberships.class).removeAll(patron.id());
        Daos.on(h, CentralDaos.Guardians.class).removeAll(patron.id());
        Daos.on(h, RetentionStatements.class).deleteHolds(List.of(patron.id()));
        // A PIN mail still queued for them goes nowhere: a deleted patron gets no more mail.
        Daos.on(h, RetentionStatements.class).deleteMails(List.of(patron.id()));
        patrons.delete(patron.id());
    }

    /** The patron, if they are a member of the caller's library (registered or activated there). */
    public CentralPatronRow ownPatron(CentralPatronDao patrons, Caller caller, UUID id) {
        return visibleOrNotFound(patrons, caller, id);
    }

    /** The patron when the caller's library can see them (home or member); 404 otherwise. */
    static CentralPatronRow visibleOrNotFound(CentralPatronDao patrons, Caller caller, UUID id) {
        return patrons.byId(id).filter(p -> visible(patrons, caller, p))
                .orElseThrow(() -> new ApiException(404, ErrorCode.PATRON_NOT_FOUND, "id",
                        "No patron of this library has that id."));
    }

    public static boolean visible(CentralPatronDao patrons, Caller caller, CentralPatronRow p) {
        return p.libraryCode().equals(caller.library().code())
                || patrons.isMember(p.id(), caller.library().code());
    }

    private void addGuardians(Handle h, Caller caller, UUID child, List<Api.Guardian> guardians) {
        if (guardians.isEmpty()) {
            return; // most patrons: and attaching the DAOs costs more than a batch's inserts
        }
        CentralDaos.Guardians links = Daos.on(h, CentralDaos.Guardians.class);
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        for (Api.Guardian g : guardians) {
            if (patrons.byId(g.guardianId()).filter(p -> visible(patrons, caller, p)).isEmpty()) {
                throw guardianUnknown(g.guardianId());
            }
            if (links.count(child, g.guardianId()) == 0) {
                links.add(child, g.guardianId(), g.consentAt(), caller.workstation());
                Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "GUARDIAN_CONSENT", child,
                        "guardian=" + g.guardianId());
            }
        }
    }

    /** Feeds a change to every library the patron is a member of, and audits it for the caller's. */
    void changed(Handle h, Caller caller, UUID id, ChangeKind kind, String action, String detail) {
        Instant now = clock.instant();
        Daos.on(h, CentralDaos.ChangeFeed.class).toMembers(id, kind, now, caller.library().code(), caller.deskId());
        Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, action, id,
                detail);
    }

    private static ApiException cardConflict(CentralPatronDao patrons, String card, String status) {
        if ("RETIRED".equals(status)) {
            return new ApiException(409, ErrorCode.CARD_NUMBER_RETIRED, "cardNumber",
                    "Card " + card + " was destroyed or retired and can never be issued again.");
        }
        return new ApiException(409, ErrorCode.CARD_NUMBER_TAKEN, "cardNumber",
                "Card " + card + " is issued to another patron already.",
                patrons.byCard(card).map(CentralPatronRow::id).orElse(null));
    }

    private static ApiException guardianUnknown(UUID guardian) {
        return new ApiException(422, ErrorCode.GUARDIAN_NOT_FOUND, "guardians", "Guardian " + guardian + " is no patron "
                + "of this library. Register the guardian here first (or activate them here), then the child.");
    }

    private static ApiException identityConflict(UUID existing) {
        return new ApiException(409, ErrorCode.IDENTITY_ALREADY_REGISTERED, "identity.number",
                "A patron with this national ID is registered already.", existing);
    }

    /**
     * Two requests raced past the checks and the database's unique rules decided: the loser is told
     * which rule, by its name, and who holds the card or national ID now. The writes since
     * {@link #WRITE} are rolled back first (PostgreSQL refuses every statement after a failed one).
     */
    private static RuntimeException raced(Handle h, UnableToExecuteStatementException e, CentralPatronRow row) {
        Optional<String> rule = UniqueViolation.of(h, e);
        if (rule.isEmpty()) {
            return e;
        }
        h.rollbackToSavepoint(WRITE);
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        return switch (rule.get()) {
            case UniqueViolation.PATRON_PKEY -> new ApiException(409, ErrorCode.PATRON_EXISTS, "id",
                    "A patron with this id exists already.", row.id());
            case UniqueViolation.PATRON_IDENTITY -> identityConflict(patrons.byIdentity(row.identityNumber())
                    .map(CentralPatronRow::id).orElse(null));
            case UniqueViolation.PATRON_CARD, UniqueViolation.CARD_PKEY -> cardConflict(patrons, row.cardNumber(),
                    patrons.cardStatus(row.cardNumber()).orElse("ISSUED"));
            default -> e;
        };
    }

}
