package app.carddesk.central;

import app.carddesk.api.ChangeKind;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.CardSeriesRange;
import app.carddesk.domain.Checked;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityValidator;
import app.carddesk.domain.PinPolicy;
import app.carddesk.identity.PersonRecord;
import app.carddesk.identity.PopulationRegister;
import app.carddesk.security.PinHasher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the central API does, apart from HTTP: authentication by workstation token, idempotent
 * writes, the change feed, card series, population look-ups and PIN mails.
 */
public final class CentralService {

    private static final Logger LOG = LoggerFactory.getLogger(CentralService.class);
    /** The answer to a PIN mail request: stored with the PIN, the same for every repeat of its key. */
    static final String PIN_QUEUED = "{\"status\":\"queued\"}";
    /** The savepoint before a request claims its Idempotency-Key. */
    private static final String CLAIM = "idempotency_claim";
    /** The savepoint before one item of a batch that is registered on its own. */
    private static final String BATCH_ITEM = "batch_item";

    /** An answer to send: status and JSON body. */
    public record Answer(int status, String body) {
    }

    private final Jdbi jdbi;
    private final PatronRegistry registry;
    private final Memberships memberships;
    private final PopulationRegister population;
    private final PinHasher pinHasher;
    private final MailOutbox mails;
    private final ObjectMapper json;
    private final Clock clock;

    public CentralService(Jdbi jdbi, PopulationRegister population, PinHasher pinHasher, MailOutbox mails,
                          ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.registry = new PatronRegistry(jdbi, clock);
        this.memberships = new Memberships(jdbi, registry, clock);
        this.population = population;
        this.pinHasher = pinHasher;
        this.mails = mails;
        this.json = json;
        this.clock = clock;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, null, "Send the workstation token as 'Authorization: Bearer'.");
        }
        String hash = sha256(authorization.substring(7).trim());
        return jdbi.withExtension(CentralDaos.Libraries.class, d -> d.byToken(hash).map(l -> new Caller(l,
                d.workstationName(hash).orElse("?"))))
                .orElseThrow(() -> new ApiException(401, ErrorCode.UNAUTHORIZED, null, "The workstation token is not valid."));
    }

    /** Registers a workstation's token for a library (stored hashed); used for the demo token. */
    public void registerWorkstation(String token, String library, String name, boolean postgres) {
        jdbi.useExtension(CentralDaos.Libraries.class, d -> {
            if (postgres) {
                d.registerWorkstationPostgres(sha256(token), library, name);
            } else {
                d.registerWorkstationH2(sha256(token), library, name);
            }
        });
    }

    public Answer register(Caller caller, String idempotencyKey, String rawBody) {
        requireKey(idempotencyKey, "Idempotency-Key", "header so a retry cannot register twice");
        Api.Patron body = parse(rawBody, Api.Patron.class);
        String requestHash = sha256(rawBody);
        return once(caller, idempotencyKey, requestHash, h -> {
            PatronRegistry.Valid valid = registry.validate(caller, body, 1, null);
            registry.insert(h, caller, valid);
            return new Answer(201, write(new Api.Created(valid.row().id(), 1, valid.warnings())));
        });
    }

    /**
     * Runs a write under an Idempotency-Key, in one transaction with the answer it stores. The key
     * is claimed before the write: a concurrent request with the same key waits on that claim
     * until the first request's transaction ends, then gets its stored answer (or, when the first
     * failed and stored nothing, makes the write itself). A refusal (4xx) is not stored: a retry
     * after the cause is fixed goes through.
     */
    private Answer once(Caller caller, String key, String requestHash,
                        org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> write) {
        String library = caller.library().code();
        return jdbi.inTransaction(h -> {
            CentralDaos.Idempotency idem = h.attach(CentralDaos.Idempotency.class);
            for (int attempt = 0; ; attempt++) {
                Optional<CentralDaos.Idempotency.Answer> earlier = idem.find(library, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), requestHash);
                }
                h.savepoint(CLAIM);
                try {
                    idem.claim(library, key, requestHash, clock.instant());
                    h.release(CLAIM);
                    break;
                } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                    if (!UniqueViolation.of(h, e).filter(UniqueViolation.IDEMPOTENCY_PKEY::equals).isPresent()) {
                        throw e;
                    }
                    h.rollbackToSavepoint(CLAIM);
                    // The claim waited for the request holding the key; it has committed, so its answer is
                    // there for the next look-up. Only a request that keeps committing and vanishing repeats this.
                    if (attempt == 3) {
                        throw new ApiException(503, ErrorCode.IDEMPOTENCY_KEY_BUSY, "Idempotency-Key",
                                "Another request with this Idempotency-Key is being answered; try again.");
                    }
                }
            }
            Answer answer = write.withHandle(h);
            idem.answer(library, key, answer.status(), answer.body());
            return answer;
        });
    }

    /** A key, where one is required: present, and short enough to be kept. */
    private static void requireKey(String key, String field, String why) {
        ApiException problem = keyProblem(key, true, field, why);
        if (problem != null) {
            throw problem;
        }
    }

    /** What is wrong with an idempotency key, or null; {@code why} says what the key is for. */
    static ApiException keyProblem(String key, boolean required, String field, String why) {
        if (key == null || key.isBlank()) {
            return required ? new ApiException(400, ErrorCode.IDEMPOTENCY_KEY_MISSING, field,
                    "Send an Idempotency-Key " + why + ".") : null;
        }
        if (key.length() > Api.MAX_IDEMPOTENCY_KEY) {
            return new ApiException(400, ErrorCode.IDEMPOTENCY_KEY_TOO_LONG, field, "An Idempotency-Key is at most "
                    + Api.MAX_IDEMPOTENCY_KEY + " characters long; this one has " + key.length() + ".");
        }
        if (app.carddesk.api.FieldLimit.hasControlCharacter(key)) {
            return new ApiException(400, ErrorCode.IDEMPOTENCY_KEY_INVALID, field,
                    "An Idempotency-Key is one line of printable characters.");
        }
        return null;
    }

    /**
     * Registers many patrons in one request: the checks run in bulk and the rows are written in one
     * transaction. Each item is answered as a single request would have been (201, 409, 422, or the
     * remembered answer for a key seen before). Should another desk win a race meanwhile, the batch
     * falls back to registering its items one by one.
     */
    public Api.BatchResults registerBatch(Caller caller, String rawBody) {
        Api.Batch batch = parse(rawBody, Api.Batch.class);
        if (batch.items() == null || batch.items().isEmpty() || batch.items().size() > 500) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "items", "A batch holds 1 to 500 registrations.");
        }
        String library = caller.library().code();
        int n = batch.items().size();
        Answer[] answers = new Answer[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Api.BatchItem item = batch.items().get(i);
            ApiException problem = item == null
                    ? new ApiException(422, ErrorCode.INVALID_FIELD, "items[" + i + "]",
                    "Each item is an object with an idempotencyKey and a patron, not null.")
                    : keyProblem(item.idempotencyKey(), true, "idempotencyKey", "with every item, so a retry cannot "
                    + "register twice");
            if (problem == null && item.patron() == null) {
                problem = new ApiException(422, ErrorCode.INVALID_FIELD, "patron", "Each item needs a patron.");
            }
            if (problem != null) {
                answers[i] = error(problem);
            } else {
                hashes[i] = sha256(write(item.patron()));
            }
        }
        return jdbi.inTransaction(h -> {
            java.util.Map<String, CentralDaos.Idempotency.Keyed> seen = new java.util.HashMap<>();
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (answers[i] == null) {
                    keys.add(batch.items().get(i).idempotencyKey());
                }
            }
            if (!keys.isEmpty()) {
                h.attach(CentralDaos.Idempotency.class).findAll(keys).stream()
                        .filter(k -> k.libraryCode().equals(library)).forEach(k -> seen.put(k.idemKey(), k));
            }
            List<PatronRegistry.Valid> valid = new java.util.ArrayList<>();
            List<Integer> validIndex = new java.util.ArrayList<>();
            List<CentralDaos.CardSeries.Row> series = registry.reservedSeries(caller);
            for (int i = 0; i < n; i++) {
                if (answers[i] != null) {
                    continue;
                }
                CentralDaos.Idempotency.Keyed earlier = seen.get(batch.items().get(i).idempotencyKey());
                try {
                    if (earlier != null) {
                        answers[i] = replay(new CentralDaos.Idempotency.Answer(earlier.requestHash(), earlier.status(),
                                earlier.body()), hashes[i]);
                    } else {
                        valid.add(registry.validate(caller, batch.items().get(i).patron(), 1, null, () -> series));
                        validIndex.add(i);
                    }
                } catch (ApiException e) {
                    answers[i] = error(e);
                }
            }
            List<Integer> accepted = registry.checkConflicts(h, valid, validIndex, answers, this::error);
            List<PatronRegistry.Valid> rows = accepted.stream().map(i -> valid.get(validIndex.indexOf(i))).toList();
            try {
                h.execute("SAVEPOINT batch_insert");
                registry.insertAll(h, caller, rows);
                java.time.Instant now = clock.instant();
                var remember = h.prepareBatch("INSERT INTO idempotency (library_code, idem_key, request_hash, status, "
                        + "body, created_at) VALUES (?, ?, ?, 201, ?, ?)");
                for (int k = 0; k < rows.size(); k++) {
                    int i = accepted.get(k);
                    String answer = write(new Api.Created(rows.get(k).row().id(), 1, rows.get(k).warnings()));
                    answers[i] = new Answer(201, answer);
                    remember.add(library, batch.items().get(i).idempotencyKey(), hashes[i], answer, now);
                }
                if (!rows.isEmpty()) {
                    remember.execute();
                }
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException race) {
                h.execute("ROLLBACK TO SAVEPOINT batch_insert");
                for (int i : accepted) {
                    answers[i] = one(h, caller, batch.items().get(i));
                }
            }
            List<Api.BatchResult> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Api.BatchItem item = batch.items().get(i);
                results.add(new Api.BatchResult(item == null ? null : item.idempotencyKey(), answers[i].status(),
                        readTree(answers[i].body())));
            }
            return new Api.BatchResults(results);
        });
    }

    /**
     * One item of a batch on its own, inside the batch's transaction: a refused item leaves
     * nothing behind (neither its claimed key nor half its rows), so the batch commits the others.
     */
    private Answer one(org.jdbi.v3.core.Handle h, Caller caller, Api.BatchItem item) {
        h.savepoint(BATCH_ITEM);
        try {
            Answer answer = register(caller, item.idempotencyKey(), write(item.patron()));
            h.release(BATCH_ITEM);
            return answer;
        } catch (ApiException e) {
            h.rollbackToSavepoint(BATCH_ITEM);
            return error(e);
        }
    }

    private Answer error(ApiException e) {
        return new Answer(e.status(), write(e.toError()));
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer replay(CentralDaos.Idempotency.Answer earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ApiException(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "This Idempotency-Key was used for a different request.");
        }
        return new Answer(earlier.status(), earlier.body());
    }

    public Api.Patron get(Caller caller, UUID id) {
        return jdbi.withHandle(h -> PatronAccess.shown(caller, registry.ownPatron(h.attach(CentralPatronDao.class),
                caller, id), h.attach(CentralDaos.Guardians.class).ofChild(id)));
    }

    public Api.Patron findByCard(Caller caller, String card) {
        if (app.carddesk.api.FieldLimit.hasControlCharacter(card)) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "cardNumber", "A card number is one line of letters and digits.");
        }
        return own(caller, jdbi.withExtension(CentralPatronDao.class, d -> d.byCard(card.trim().toUpperCase(
                Locale.ROOT))));
    }

    private Api.Patron own(Caller caller, Optional<CentralPatronRow> row) {
        return row.filter(r -> jdbi.withExtension(CentralPatronDao.class, d -> PatronRegistry.visible(d, caller, r)))
                .map(r -> get(caller, r.id()))
                .orElseThrow(() -> new ApiException(404, ErrorCode.PATRON_NOT_FOUND, null, "No patron of this library matches."));
    }

    /**
     * Replaces a patron's data. With an Idempotency-Key, a retry after a lost answer gets the
     * first answer again instead of a stale-version refusal of its own earlier write.
     */
    public Answer update(Caller caller, UUID id, String ifMatch, String idempotencyKey, String rawBody) {
        if (ifMatch == null || !ifMatch.replace("\"", "").trim().matches("\\d{1,9}")) {
            throw new ApiException(428, ErrorCode.VERSION_REQUIRED, "If-Match",
                    "Send the version you edited as 'If-Match: <version>'.");
        }
        int version = Integer.parseInt(ifMatch.replace("\"", "").trim());
        Api.Patron body = parse(rawBody, Api.Patron.class);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "id", "The id in the body differs from the one in the path.");
        }
        Api.Patron withId = body.id() == null ? new Api.Patron(id, body.cardNumber(), body.identity(),
                body.surname(), body.givenName(), body.birthDate(), body.email(), body.phone(), body.address(),
                body.pickupLibrary(), body.category(), body.expiresOn(), body.expectsNationalId(),
                body.feesOwedMinor(), body.printCreditMinor(), null, body.guardians()) : body;
        String requestHash = sha256(id + ifMatch + rawBody);
        org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> change = h -> new Answer(200,
                write(PatronRegistry.toApi(registry.update(h, caller, id, version, withId))));
        return optionallyOnce(caller, idempotencyKey, requestHash, change);
    }

    /** A write with an optional key: without one it simply runs in a transaction. */
    private Answer optionallyOnce(Caller caller, String idempotencyKey, String requestHash,
                                  org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> write) {
        ApiException problem = keyProblem(idempotencyKey, false, "Idempotency-Key", "");
        if (problem != null) {
            throw problem;
        }
        return idempotencyKey == null || idempotencyKey.isBlank() ? jdbi.inTransaction(write)
                : once(caller, idempotencyKey, requestHash, write);
    }

    /** Deletes a patron; a key reused for another request is refused like on every other route. */
    public Answer delete(Caller caller, UUID id, String idempotencyKey) {
        return optionallyOnce(caller, idempotencyKey, sha256(id.toString()), h -> {
            registry.delete(h, caller, id);
            return new Answer(204, "");
        });
    }

    /** This library's changes after {@code after}, each with the patron as it is now (one query a page). */
    public Api.Changes changes(Caller caller, long after, int limit) {
        int n = Math.max(1, Math.min(limit, Api.FEED_PAGE_MAX));
        // The caller's own changes come without the patron's data: that desk has it already.
        List<Api.Change> rows = jdbi.withHandle(h -> h.createQuery("SELECT c.seq AS change_seq, "
                + "CASE WHEN c.desk_id = :desk THEN 'OWN' ELSE c.kind END AS change_kind, "
                + "c.patron_id AS change_patron, p.* FROM change_feed c LEFT JOIN patron p ON p.id = c.patron_id "
                + "AND (c.desk_id IS NULL OR c.desk_id <> :desk) "
                + "WHERE c.library_code = :library AND c.seq > :after ORDER BY c.seq LIMIT :limit")
                .bind("library", caller.library().code()).bind("after", after).bind("limit", n + 1)
                .bind("desk", caller.deskId() == null ? "" : caller.deskId())
                .map((rs, ctx) -> new Api.Change(rs.getLong("change_seq"),
                        ChangeKind.valueOf(rs.getString("change_kind")), rs.getObject("change_patron", UUID.class),
                        rs.getObject("id") == null || ChangeKind.valueOf(rs.getString("change_kind")).removesPatron()
                                ? null
                                : PatronAccess.shown(caller.library().code(), PatronRegistry.row(rs))))
                .list());
        boolean more = rows.size() > n;
        List<Api.Change> page = withGuardians(more ? rows.subList(0, n) : rows);
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new Api.Changes(page, last, more);
    }

    /** The page's patrons with their guardians, read in one query, so that other desks know them too. */
    private List<Api.Change> withGuardians(List<Api.Change> page) {
        java.util.Set<UUID> children = new java.util.HashSet<>();
        page.stream().filter(c -> c.patron() != null).forEach(c -> children.add(c.patronId()));
        if (children.isEmpty()) {
            return page;
        }
        java.util.Map<UUID, List<Api.Guardian>> links = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT child_id, guardian_id, consent_at FROM guardian_link "
                + "WHERE child_id IN (<ids>) ORDER BY consent_at").bindList("ids", List.copyOf(children))
                .map((rs, ctx) -> java.util.Map.entry(rs.getObject(1, UUID.class), new Api.Guardian(
                        rs.getObject(2, UUID.class), rs.getObject(3, java.time.OffsetDateTime.class).toInstant())))
                .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
        if (links.isEmpty()) {
            return page;
        }
        return page.stream().map(c -> c.patron() == null || !links.containsKey(c.patronId()) ? c
                : new Api.Change(c.seq(), c.kind(), c.patronId(), withGuardians(c.patron(),
                links.get(c.patronId())))).toList();
    }

    private static Api.Patron withGuardians(Api.Patron p, List<Api.Guardian> guardians) {
        return new Api.Patron(p.id(), p.cardNumber(), p.identity(), p.surname(), p.givenName(), p.birthDate(),
                p.email(), p.phone(), p.address(), p.pickupLibrary(), p.category(), p.expiresOn(),
                p.expectsNationalId(), p.feesOwedMinor(), p.printCreditMinor(), p.version(), guardians);
    }

    /** Reserves a series for a library (the operator's job); refused where it overlaps another library's. */
    public Api.CardSeries reserveSeries(String rawBody) {
        Api.CardSeries s = parse(rawBody, Api.CardSeries.class);
        String prefix = s.prefix() == null ? null : s.prefix().trim().toUpperCase(Locale.ROOT);
        Optional<String> problem = CardSeriesRange.problem(prefix, s.digits(), s.from(), s.to());
        if (problem.isPresent()) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "prefix", problem.get());
        }
        String library = s.library() == null ? "" : s.library().trim();
        if (library.isEmpty() || library.length() > 32 || jdbi.withExtension(CentralDaos.Libraries.class,
                d -> d.byCode(library).isEmpty())) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "library", "Name the library the series is for: the code "
                    + "of a library in this register.");
        }
        CardSeriesRange wanted = new CardSeriesRange(prefix, s.digits(), s.from(), s.to());
        return jdbi.inTransaction(h -> {
            CentralDaos.CardSeries dao = h.attach(CentralDaos.CardSeries.class);
            // Overlap in the card numbers the series produce: "40" + 7 digits covers "4099" + 5 digits too.
            boolean taken = dao.all().stream().filter(r -> !r.libraryCode().equals(library))
                    .anyMatch(r -> wanted.overlaps(range(r)));
            if (taken) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_OVERLAP, "from",
                        "Part of this range is reserved by another library. Choose another range.");
            }
            long id = dao.reserve(library, prefix, s.digits(), s.from(), s.to());
            h.attach(CentralDaos.Audit.class).append(clock.instant(), library, "operator", "SERIES_RESERVED", null,
                    prefix + "/" + s.digits() + " " + s.from() + "-" + s.to());
            return new Api.CardSeries(id, library, prefix, s.digits(), s.from(), s.to());
        });
    }

    /**
     * Withdraws a series no card was ever issued from (a mistake, or stock never used); a series
     * with an issued or retired card stays, since its numbers are never issued again.
     */
    public void withdrawSeries(long id) {
        jdbi.useTransaction(h -> {
            CentralDaos.CardSeries dao = h.attach(CentralDaos.CardSeries.class);
            CentralDaos.CardSeries.Row row = dao.byId(id).orElseThrow(() -> new ApiException(404,
                    ErrorCode.CARD_SERIES_NOT_FOUND, "seriesId", "No card series has this id."));
            CardSeriesRange range = range(row);
            long used = dao.cardsBetween(range.first(), range.last(), range.prefix().length() + range.digits());
            if (used > 0) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_IN_USE, "seriesId", used + " card numbers of this series "
                        + "were issued: it stays reserved, since those numbers are never issued again.");
            }
            dao.withdraw(id);
            h.attach(CentralDaos.Audit.class).append(clock.instant(), row.libraryCode(), "operator",
                    "SERIES_WITHDRAWN", null, row.prefix() + "/" + row.digits() + " " + row.rangeFrom() + "-"
                            + row.rangeTo());
        });
    }

    private static CardSeriesRange range(CentralDaos.CardSeries.Row r) {
        return new CardSeriesRange(r.prefix(), r.digits(), r.rangeFrom(), r.rangeTo());
    }

    public List<Api.CardSeries> series(Caller caller) {
        return jdbi.withExtension(CentralDaos.CardSeries.class, d -> d.ofLibrary(caller.library().code())).stream()
                .map(CentralService::toApi).toList();
    }

    public List<Api.CardSeries> allSeries() {
        return jdbi.withExtension(CentralDaos.CardSeries.class, CentralDaos.CardSeries::all).stream()
                .map(CentralService::toApi).toList();
    }

    private static Api.CardSeries toApi(CentralDaos.CardSeries.Row r) {
        return new Api.CardSeries(r.id(), r.libraryCode(), r.prefix(), r.digits(), r.rangeFrom(), r.rangeTo());
    }

    /**
     * Master data from the population register for a national ID ("Fetch"). Every look-up is
     * audited — which workstation, the kind of number and whether someone was found, never the number.
     */
    public Api.Person lookup(Caller caller, String rawBody) {
        Api.LookupRequest request = parse(rawBody, Api.LookupRequest.class);
        Checked<IdentityNumber> checked = new IdentityValidator(caller.library().testProfile())
                .check(request.number(), LocalDate.now(clock));
        if (!checked.isOk()) {
            audit(caller, "POPULATION_LOOKUP", "result=invalid");
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "number",
                    CentralTexts.ENGLISH.text(checked.firstError().orElseThrow()));
        }
        String kind = checked.value().kind().name();
        if (!checked.value().kind().fetchable()) {
            audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=not_in_register");
            throw new ApiException(404, ErrorCode.NOT_IN_REGISTER, "number", "This kind of number is not in the register.");
        }
        Optional<PersonRecord> found;
        try {
            found = population.find(checked.value());
        } catch (PopulationRegister.RegisterUnavailableException e) {
            audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=unavailable");
            throw new ApiException(503, ErrorCode.REGISTER_UNAVAILABLE, null,
                    "The population register cannot be reached right now.");
        }
        audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=" + (found.isPresent() ? "found" : "not_found"));
        PersonRecord p = found.orElseThrow(() -> new ApiException(404, ErrorCode.PERSON_NOT_FOUND, "number",
                "The population register has nobody with this number."));
        return new Api.Person(new Api.Identity(p.identity().kind().name(), p.identity().number()), p.surname(),
                p.givenName(), p.birthDate(), new Api.Address(p.address().line(), p.address().postalCode(),
                p.address().city(), p.address().country()));
    }

    private void audit(Caller caller, String action, String detail) {
        jdbi.useExtension(CentralDaos.Audit.class, a -> a.append(clock.instant(), caller.library().code(),
                caller.workstation(), action, null, detail));
    }

    /**
     * Makes a new random PIN, keeps only its hash and mails it to the patron. The hash, the mail
     * and the answer are stored in one transaction, and the mail is sent after it commits (at
     * once, or when the mail server takes it again): so exactly one mail goes out, with the PIN
     * that is stored, and every repeat of the Idempotency-Key gets the same answer, 202 queued.
     */
    public Answer emailPin(Caller caller, UUID id, String idempotencyKey, String rawBody) {
        requireKey(idempotencyKey, "Idempotency-Key", "header so a retry cannot mail a second PIN");
        Api.PinEmailRequest request = parse(rawBody, Api.PinEmailRequest.class);
        String requestHash = sha256(id + rawBody);
        return once(caller, idempotencyKey, requestHash, h -> {
            CentralPatronDao patrons = h.attach(CentralPatronDao.class);
            CentralPatronRow patron = PatronAccess.home(h, caller, id);
            if (patron.email() == null) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "email", "The patron has no e-mail address.");
            }
            if (request.email() != null && !request.email().trim().equalsIgnoreCase(patron.email())) {
                throw new ApiException(409, ErrorCode.EMAIL_CHANGED, "email", "The patron's e-mail address is not the one "
                        + "confirmed when the PIN was asked for. Confirm the address with the patron and ask again.");
            }
            String pin = new PinPolicy().generate(patron.birthDate());
            if (patrons.setPinHash(id, pinHasher.hash(pin), clock.instant()) != 1) {
                throw new ApiException(404, ErrorCode.PATRON_NOT_FOUND, "id", "No patron of this library has that id.");
            }
            CentralTexts texts = CentralTexts.forLanguage(request.language());
            mails.queue(h, caller.library().code(), id, "PIN", new Mailer.Mail(patron.email(),
                    texts.get("pinmail.subject", caller.library().name()),
                    texts.get("pinmail.body", patron.givenName(), pin, caller.library().name(),
                            patron.cardNumber() == null ? "" : patron.cardNumber())));
            h.attach(CentralDaos.Audit.class).append(clock.instant(), caller.library().code(), caller.workstation(),
                    "PIN_EMAILED", id, "");
            LOG.info("PIN mail queued for a patron of {}", caller.library().code());
            return new Answer(202, PIN_QUEUED);
        });
    }

    /** Whether the database answers a trivial query within a second (readiness). */
    public boolean databaseAnswers() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").setQueryTimeout(1).mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            LOG.warn("Readiness: the database does not answer ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    public Memberships memberships() {
        return memberships;
    }

    /** Merges two records of one person; with an Idempotency-Key a retry gets the first answer. */
    public Answer merge(Caller caller, UUID survivor, String idempotencyKey, String rawBody) {
        requireKey(idempotencyKey, "Idempotency-Key", "header so a retried merge is not applied twice");
        Api.MergeRequest request = parse(rawBody, Api.MergeRequest.class);
        String requestHash = sha256(survivor + rawBody);
        // The answer is remembered in the merge's own transaction: a retry gets it, never a half-merge.
        return once(caller, idempotencyKey, requestHash, h -> new Answer(200,
                write(memberships.mergeIn(h, caller, survivor, request))));
    }

    <T> T parse(String raw, Class<T> type) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException(400, ErrorCode.MALFORMED_JSON, null, "The request needs a JSON body.");
        }
        try {
            T value = json.readValue(raw, type);
            if (value == null) {
                throw new ApiException(400, ErrorCode.MALFORMED_JSON, null, "The request body is JSON null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ApiException(400, ErrorCode.MALFORMED_JSON, null, "The request body is not valid JSON for this "
                    + "request" + where + ". Check the document against openapi.yaml.");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
