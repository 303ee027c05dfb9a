package app.carddesk.central;

import app.carddesk.api.ChangeKind;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.api.FieldLimit;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.CardNumber;
import app.carddesk.domain.CardNumberPolicy;
import app.carddesk.domain.CardSeries;
import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Checked;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.GuardianRule;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityValidator;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.domain.ShortStayPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The oldest a patron can be, as at the desk. */
    private static final int MAX_AGE_YEARS = 130;
    /** Dates and times outside these are typing errors (and outside what PostgreSQL stores). */
    private static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DAY = LocalDate.of(2999, 12, 31);
    private static final Instant EARLIEST = EARLIEST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    /** The savepoint before a patron's rows are written, for telling a lost race apart. */
    private static final String WRITE = "patron_write";

    private final Jdbi jdbi;
    private final Clock clock;

    public PatronRegistry(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A registration that passed every rule, with the warnings staff overrode. */
    public record Valid(CentralPatronRow row, List<String> warnings, List<Api.Guardian> guardians) {
    }

    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt) {
        return validate(caller, p, version, createdAt, () -> reservedSeries(caller), false);
    }

    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt,
                          java.util.function.Supplier<List<CentralDaos.CardSeries.Row>> series) {
        return validate(caller, p, version, createdAt, series, false);
    }

    /** The library's reserved card series, read once for a whole batch. */
    public List<CentralDaos.CardSeries.Row> reservedSeries(Caller caller) {
        return jdbi.withExtension(CentralDaos.CardSeries.class, d -> d.ofLibrary(caller.library().code()));
    }

    /**
     * @param guardiansStored whether the patron has guardians on record already (an update)
     */
    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt,
                          java.util.function.Supplier<List<CentralDaos.CardSeries.Row>> series,
                          boolean guardiansStored) {
        if (p.id() == null) {
            throw invalid("id", "id is required: a UUID the desk generated");
        }
        checkLimits(p);
        LocalDate today = LocalDate.now(clock);
        List<String> warnings = new ArrayList<>();
        IdentityNumber identity = null;
        String kind = p.identity() == null || p.identity().kind() == null ? "NONE" : p.identity().kind();
        if (!"NONE".equals(kind)) {
            Checked<IdentityNumber> checked = new IdentityValidator(caller.library().testProfile())
                    .check(p.identity().number(), today);
            if (!checked.isOk()) {
                throw invalid("identity.number", checked.firstError().orElseThrow());
            }
            identity = checked.value();
            if (!identity.kind().name().equals(kind)) {
                throw invalid("identity.kind", "the number is a " + identity.kind() + ", not a " + kind);
            }
            checked.warnings().forEach(w -> warnings.add(w.key()));
        }
        String card = null;
        if (p.cardNumber() != null) {
            card = checkCard(series.get(), p.cardNumber());
        }
        require(ContactRules.checkName(p.surname(), "surname"), "surname");
        require(ContactRules.checkName(p.givenName(), "givenName"), "givenName");
        require(ContactRules.checkEmail(p.email()), "email");
        require(ContactRules.checkPhone(p.phone()), "phone");
        LocalDate birth = p.birthDate() != null ? p.birthDate() : identity == null ? null : identity.birthDate();
        if (birth == null || birth.isAfter(today) || birth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            throw invalid("birthDate", Problem.of("details.birthDateRange"));
        }
        if (GuardianRule.required(birth, today, caller.library().guardianAge()) && p.guardians().isEmpty()
                && !guardiansStored) {
            throw new ApiException(422, ErrorCode.GUARDIAN_REQUIRED, "guardians", "A child under "
                    + caller.library().guardianAge() + " is registered with at least one guardian who consents.");
        }
        if (p.guardians().stream().anyMatch(g -> g == null || g.guardianId() == null || g.guardianId().equals(p.id())
                || g.consentAt() == null)) {
            throw invalid("guardians", "each guardian is another patron's id with the time of their consent");
        }
        if (p.guardians().stream().anyMatch(g -> g.consentAt().isBefore(EARLIEST)
                || g.consentAt().isAfter(clock.instant().plus(java.time.Duration.ofDays(1))))) {
            throw invalid("guardians", "a guardian's consent is given by now, and not before 1900");
        }
        // Named twice, a guardian is linked once.
        List<Api.Guardian> guardians = new ArrayList<>(p.guardians().stream().collect(java.util.stream.Collectors
                .toMap(Api.Guardian::guardianId, g -> g, (first, again) -> first, java.util.LinkedHashMap::new))
                .values());
        if (guardians.size() > Api.MAX_GUARDIANS) {
            throw invalid("guardians", "a patron has at most " + Api.MAX_GUARDIANS + " guardians");
        }
        if (blank(p.category())) {
            throw invalid("category", Problem.of("category.required"));
        }
        if (blank(p.pickupLibrary())) {
            throw invalid("pickupLibrary", Problem.of("pickup.required"));
        }
        RegistrationKind registration = RegistrationKind.of(identity != null, p.expectsNationalId());
        if (registration == RegistrationKind.SHORT_STAY && version == 1) {
            Optional<Problem> expiry = new ShortStayPolicy(caller.library().maxShortStayDays())
                    .check(p.expiresOn(), today);
            if (expiry.isPresent()) {
                throw invalid("expiresOn", expiry.get());
            }
        }
        if (nz(p.feesOwedMinor()) < 0 || nz(p.printCreditMinor()) < 0) {
            throw invalid("feesOwedMinor", Problem.of("balance.negative"));
        }
        if (p.pinHash() != null && !PinProof.wellFormed(p.pinHash())) {
            throw invalid("pinHash", "pinHash is the Argon2id hash of the patron's own PIN ($argon2id$...), "
                    + "at most 200 characters; leave it out when the PIN is e-mailed");
        }
        if (nz(p.feesOwedMinor()) > Api.MAX_AMOUNT_MINOR || nz(p.printCreditMinor()) > Api.MAX_AMOUNT_MINOR) {
            throw invalid(nz(p.feesOwedMinor()) > Api.MAX_AMOUNT_MINOR ? "feesOwedMinor" : "printCreditMinor",
                    "an amount is at most " + Api.MAX_AMOUNT_MINOR + " (in øre or cents)");
        }
        if (p.expiresOn() != null && (p.expiresOn().isBefore(EARLIEST_DAY) || p.expiresOn().isAfter(LATEST_DAY))) {
            throw invalid("expiresOn", "an expiry date lies between " + EARLIEST_DAY + " and " + LATEST_DAY);
        }
        Api.Address a = p.address() == null ? new Api.Address("", "", "", "") : p.address();
        Instant now = clock.instant();
        return new Valid(new CentralPatronRow(p.id(), caller.library().code(), card,
                identity == null ? IdentityKind.NONE.name() : identity.kind().name(),
                identity == null ? null : identity.number(), p.surname().trim(), p.givenName().trim(), birth,
                blankToNull(p.email()), blankToNull(p.phone()), a.line(), a.postalCode(), a.city(), a.country(),
                p.category(), p.pickupLibrary(), registration.name(),
                registration == RegistrationKind.SHORT_STAY ? p.expiresOn() : null, nz(p.feesOwedMinor()),
                nz(p.printCreditMinor()), p.pinHash(), version, createdAt == null ? now : createdAt, now), warnings,
                guardians);
    }

    /** Every text fits its column and is one line of text (see {@link FieldLimit}), before any other rule. */
    private static void checkLimits(Api.Patron p) {
        Api.Address a = p.address() == null ? new Api.Address(null, null, null, null) : p.address();
        limit(FieldLimit.CARD_NUMBER, p.cardNumber());
        limit(FieldLimit.SURNAME, p.surname());
        limit(FieldLimit.GIVEN_NAME, p.givenName());
        limit(FieldLimit.EMAIL, p.email());
        limit(FieldLimit.PHONE, p.phone());
        limit(FieldLimit.ADDRESS_LINE, a.line());
        limit(FieldLimit.POSTAL_CODE, a.postalCode());
        limit(FieldLimit.CITY, a.city());
        limit(FieldLimit.COUNTRY, a.country());
        limit(FieldLimit.CATEGORY, p.category());
        limit(FieldLimit.PICKUP_LIBRARY, p.pickupLibrary());
    }

    private static void limit(FieldLimit limit, String value) {
        limit.problem(value).ifPresent(problem -> {
            throw invalid(limit.field(), problem);
        });
    }

    private String checkCard(List<CentralDaos.CardSeries.Row> reserved, String raw) {
        if (reserved.isEmpty()) {
            throw new ApiException(422, ErrorCode.CARD_NUMBER_NOT_RESERVED, "cardNumber",
                    "This library has reserved no card number series yet: reserve one before issuing cards.");
        }
        CardNumberPolicy policy = new CardNumberPolicy(reserved.stream()
                .map(r -> new CardSeries(r.prefix(), r.digits(), CheckDigit.NONE)).distinct().toList());
        Checked<CardNumber> checked = policy.check(raw);
        if (!checked.isOk()) {
            throw invalid("cardNumber", checked.firstError().orElseThrow());
        }
        CardNumber card = checked.value();
        long n = Long.parseLong(card.value().substring(card.series().prefix().length()));
        boolean inRange = reserved.stream().anyMatch(r -> r.prefix().equals(card.series().prefix())
                && r.digits() == card.series().digits() && n >= r.rangeFrom() && n <= r.rangeTo());
        if (!inRange) {
            throw new ApiException(422, ErrorCode.CARD_NUMBER_NOT_RESERVED, "cardNumber",
                    "Card " + card.value() + " is outside the number series this library reserved. Use a card "
                            + "from the library's own stack.");
        }
        return card.value();
    }

    /** Stores a new patron; the caller holds the transaction. */
    public void insert(Handle h, Caller caller, Valid valid) {
        CentralPatronRow row = valid.row();
        CentralPatronDao patrons = h.attach(CentralPatronDao.class);
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
        h.attach(CentralDaos.Memberships.class).add(row.id(), caller.library().code(), row.createdAt(), null, null);
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
        CentralDaos.Bulk bulk = h.attach(CentralDaos.Bulk.class);
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
        if (rows.isEmpty()) {
            return;
        }
        var patrons = h.prepareBatch(CentralPatronDao.INSERT);
        var members = h.prepareBatch("INSERT INTO membership (patron_id, library_code, activated_at) "
                + "VALUES (?, ?, ?)");
        var cards = h.prepareBatch("INSERT INTO card (number, status, patron_id, library_code, issued_at) "
                + "VALUES (?, 'ISSUED', ?, ?, ?)");
        var feed = h.prepareBatch("INSERT INTO change_feed (library_code, patron_id, kind, at, desk_id) "
                + "VALUES (?, ?, 'CREATED', ?, ?)");
        var audit = h.prepareBatch("INSERT INTO audit_event (at, library_code, workstation, action, patron_id, "
                + "detail) VALUES (?, ?, ?, 'PATRON_REGISTERED', ?, ?)");
        String library = caller.library().code();
        Instant now = clock.instant();
        boolean anyCard = false;
        for (Valid v : rows) {
            CentralPatronRow r = v.row();
            patrons.bindMethods(r).add();
            members.add(r.id(), library, r.createdAt());
            if (r.cardNumber() != null) {
                cards.add(r.cardNumber(), r.id(), library, r.createdAt());
                anyCard = true;
            }
            feed.add(library, r.id(), now, caller.deskId());
            audit.add(now, library, caller.workstation(), r.id(), "kind=" + r.registrationKind());
        }
        patrons.execute();
        members.execute();
        for (Valid v : rows) {
            addGuardians(h, caller, v.row().id(), v.guardians());
        }
        if (anyCard) {
            cards.execute();
        }
        feed.execute();
        audit.execute();
    }

    /** Replaces a patron's data when {@code expectedVersion} is still the current one. */
    public CentralPatronRow update(Handle h, Caller caller, UUID id, int expectedVersion, Api.Patron body) {
        CentralPatronDao patrons = h.attach(CentralPatronDao.class);
        CentralPatronRow current = PatronAccess.home(h, caller, id);
        if (current.version() != expectedVersion) {
            throw new ApiException(412, ErrorCode.STALE_VERSION, "If-Match", "The patron was changed meanwhile (now version "
                    + current.version() + "). Fetch it again and repeat the change.", id);
        }
        CentralDaos.Guardians guardians = h.attach(CentralDaos.Guardians.class);
        Valid valid = validate(caller, body, current.version(), current.createdAt(), () -> reservedSeries(caller),
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
                patrons.retireCard(current.cardNumber(), next.updatedAt());
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
        h.attach(CentralPatronDao.class).lock(id);
        CentralPatronRow current = PatronAccess.home(h, caller, id);
        PatronAccess.requireNothingOutstanding(h, id, null, "deleted");
        changed(h, caller, id, ChangeKind.DELETED, "PATRON_DELETED", "kind=" + current.registrationKind());
        erase(h, current, "DELETED");
    }

    /**
     * Removes a patron and everything that hangs on them; their card number is retired for good.
     * The caller has written the change feed already (it goes to every library the patron had).
     */
    public void erase(Handle h, CentralPatronRow patron, String cardReason) {
        CentralPatronDao patrons = h.attach(CentralPatronDao.class);
        if (patron.cardNumber() != null) {
            patrons.retireCard(patron.cardNumber(), clock.instant(), cardReason);
        }
        h.attach(CentralDaos.Memberships.class).removeAll(patron.id());
        h.attach(CentralDaos.Guardians.class).removeAll(patron.id());
        h.execute("DELETE FROM retention_hold WHERE patron_id = ?", patron.id());
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
        CentralDaos.Guardians links = h.attach(CentralDaos.Guardians.class);
        CentralPatronDao patrons = h.attach(CentralPatronDao.class);
        for (Api.Guardian g : guardians) {
            if (patrons.byId(g.guardianId()).filter(p -> visible(patrons, caller, p)).isEmpty()) {
                throw guardianUnknown(g.guardianId());
            }
            if (links.count(child, g.guardianId()) == 0) {
                links.add(child, g.guardianId(), g.consentAt(), caller.workstation());
                h.attach(CentralDaos.Audit.class).append(clock.instant(), caller.library().code(),
                        caller.workstation(), "GUARDIAN_CONSENT", child, "guardian=" + g.guardianId());
            }
        }
    }

    /** Feeds a change to every library the patron is a member of, and audits it for the caller's. */
    void changed(Handle h, Caller caller, UUID id, ChangeKind kind, String action, String detail) {
        Instant now = clock.instant();
        h.createUpdate("INSERT INTO change_feed (library_code, patron_id, kind, at, desk_id) "
                + "SELECT library_code, :patron, :kind, :at, CASE WHEN library_code = :library THEN :desk END "
                + "FROM membership WHERE patron_id = :patron")
                .bind("patron", id).bind("kind", kind).bind("at", now).bind("library", caller.library().code())
                .bind("desk", caller.deskId()).execute();
        h.attach(CentralDaos.Audit.class).append(now, caller.library().code(), caller.workstation(), action, id,
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
        CentralPatronDao patrons = h.attach(CentralPatronDao.class);
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

    private static void require(Optional<Problem> problem, String field) {
        problem.ifPresent(p -> {
            throw invalid(field, p);
        });
    }

    private static ApiException invalid(String field, Problem problem) {
        return invalid(field, CentralTexts.ENGLISH.text(problem));
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(422, ErrorCode.INVALID_FIELD, field, message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private static long nz(Long n) {
        return n == null ? 0 : n;
    }

    /** A patron row read straight from a result set, for the change feed's one-query pages. */
    static CentralPatronRow row(java.sql.ResultSet rs) throws SQLException {
        return new CentralPatronRow(rs.getObject("id", UUID.class), rs.getString("library_code"),
                rs.getString("card_number"), rs.getString("identity_kind"), rs.getString("identity_number"),
                rs.getString("surname"), rs.getString("given_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("email"), rs.getString("phone"), rs.getString("address_line"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("country"), rs.getString("category_code"),
                rs.getString("pickup_library_code"), rs.getString("registration_kind"),
                rs.getObject("expires_on", LocalDate.class), rs.getLong("fees_owed_minor"),
                rs.getLong("print_credit_minor"), null, rs.getInt("version"), null, null);
    }

    /** The patron as the API shows it: never the PIN hash. */
    public static Api.Patron toApi(CentralPatronRow r) {
        return new Api.Patron(r.id(), r.cardNumber(), new Api.Identity(r.identityKind(), r.identityNumber()),
                r.surname(), r.givenName(), r.birthDate(), r.email(), r.phone(),
                new Api.Address(r.addressLine(), r.postalCode(), r.city(), r.country()), r.pickupLibraryCode(),
                r.categoryCode(), r.expiresOn(), RegistrationKind.EXPECTS_NATIONAL_ID.name().equals(r.registrationKind()),
                r.feesOwedMinor(), r.printCreditMinor(), r.version(), List.of());
    }

    /** The patron as the API shows it, with their guardians. */
    public static Api.Patron toApi(CentralPatronRow r, List<CentralDaos.Guardians.Link> guardians) {
        Api.Patron p = toApi(r);
        return new Api.Patron(p.id(), p.cardNumber(), p.identity(), p.surname(), p.givenName(), p.birthDate(),
                p.email(), p.phone(), p.address(), p.pickupLibrary(), p.category(), p.expiresOn(),
                p.expectsNationalId(), p.feesOwedMinor(), p.printCreditMinor(), p.version(),
                guardians.stream().map(g -> new Api.Guardian(g.guardianId(), g.consentAt())).toList());
    }
}
