package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Registering patrons: one at a time, or many in one batch, each under its own Idempotency-Key. */
final class Registrations {

    /** The savepoint before one item of a batch that is registered on its own. */
    private static final String BATCH_ITEM = "batch_item";
    /** The savepoint before a batch's rows, to go back to should another desk win a race meanwhile. */
    private static final String BATCH_INSERT = "batch_insert";

    private final Jdbi jdbi;
    private final PatronValidation validation;
    private final PatronRegistry registry;
    private final Envelope envelope;
    private final Clock clock;
    private final StaffSessions staff;

    Registrations(Jdbi jdbi, PatronValidation validation, PatronRegistry registry, Envelope envelope, Clock clock,
                  StaffSessions staff) {
        this.staff = staff;
        this.jdbi = jdbi;
        this.validation = validation;
        this.registry = registry;
        this.envelope = envelope;
        this.clock = clock;
    }

    public Answer register(Caller caller, String idempotencyKey, String rawBody) {
        Envelope.requireKey(idempotencyKey, "Idempotency-Key", "header so a retry cannot register twice");
        Api.Patron body = envelope.parse(rawBody, Api.Patron.class);
        String requestHash = Envelope.sha256(rawBody);
        return envelope.once(caller, idempotencyKey, requestHash, h -> {
            PatronValidation.Valid valid = validation.validate(caller, body, 1, null);
            registry.insert(h, caller, valid);
            return new Answer(201, envelope.write(new Api.Created(valid.row().id(), 1, valid.warnings())));
        });
    }

    /**
     * Registers many patrons in one request: the checks run in bulk and the rows are written in one
     * transaction. Each item is answered as a single request would have been (201, 409, 422, or the
     * remembered answer for a key seen before). Should another desk win a race meanwhile, the batch
     * falls back to registering its items one by one.
     */
    public Api.BatchResults registerBatch(Caller caller, String rawBody) {
        Api.Batch batch = envelope.parse(rawBody, Api.Batch.class);
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
                    : Envelope.keyProblem(item.idempotencyKey(), true, "idempotencyKey", "with every item, so a retry cannot "
                    + "register twice");
            if (problem == null && item.patron() == null) {
                problem = new ApiException(422, ErrorCode.INVALID_FIELD, "patron", "Each item needs a patron.");
            }
            if (problem != null) {
                answers[i] = envelope.error(problem);
            } else {
                hashes[i] = Envelope.sha256(envelope.write(item.patron()));
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
                Daos.on(h, CentralDaos.Idempotency.class).findAll(keys).stream()
                        .filter(k -> k.libraryCode().equals(library)).forEach(k -> seen.put(k.idemKey(), k));
            }
            List<PatronValidation.Valid> valid = new java.util.ArrayList<>();
            List<Integer> validIndex = new java.util.ArrayList<>();
            // Each registration is checked against what the person who made it may do now.
            Caller[] callers = new Caller[n];
            java.util.Map<String, Object> actors = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Api.BatchItem item = batch.items().get(i);
                callers[i] = caller;
                if (answers[i] != null || item.actingFor() == null || caller.staff() != null) {
                    continue;
                }
                Object actor = actors.computeIfAbsent(item.actingFor(), user -> {
                    try {
                        return staff.actingFor(caller, user);
                    } catch (ApiException refused) {
                        return refused;
                    }
                });
                try {
                    if (actor instanceof ApiException refused) {
                        throw refused;
                    }
                    callers[i] = (Caller) actor;
                    callers[i].require(app.carddesk.api.Permission.ISSUE);
                } catch (ApiException refused) {
                    answers[i] = envelope.error(refused);
                }
            }
            List<CentralDaos.CardSeries.Row> series = validation.reservedSeries(caller);
            for (int i = 0; i < n; i++) {
                if (answers[i] != null) {
                    continue;
                }
                CentralDaos.Idempotency.Keyed earlier = seen.get(batch.items().get(i).idempotencyKey());
                try {
                    if (earlier != null) {
                        answers[i] = Envelope.replay(new CentralDaos.Idempotency.Answer(earlier.requestHash(), earlier.status(),
                                earlier.body()), hashes[i]);
                    } else {
                        valid.add(validation.validate(caller, batch.items().get(i).patron(), 1, null, () -> series));
                        validIndex.add(i);
                    }
                } catch (ApiException e) {
                    answers[i] = envelope.error(e);
                }
            }
            List<Integer> accepted = registry.checkConflicts(h, valid, validIndex, answers, envelope::error);
            List<PatronValidation.Valid> rows = accepted.stream().map(i -> valid.get(validIndex.indexOf(i))).toList();
            try {
                h.savepoint(BATCH_INSERT);
                registry.insertAll(h, caller, rows, accepted.stream().map(i -> callers[i].staff()).toList());
                List<CentralDaos.RegistrationBatch.Remembered> remembered = new java.util.ArrayList<>();
                for (int k = 0; k < rows.size(); k++) {
                    int i = accepted.get(k);
                    String answer = envelope.write(new Api.Created(rows.get(k).row().id(), 1, rows.get(k).warnings()));
                    answers[i] = new Answer(201, answer);
                    remembered.add(new CentralDaos.RegistrationBatch.Remembered(batch.items().get(i).idempotencyKey(),
                            hashes[i], answer));
                }
                if (!remembered.isEmpty()) {
                    Daos.on(h, CentralDaos.RegistrationBatch.class).remembered(remembered, library, clock.instant());
                }
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException race) {
                h.rollbackToSavepoint(BATCH_INSERT);
                for (int i : accepted) {
                    answers[i] = one(h, callers[i], batch.items().get(i));
                }
            }
            List<Api.BatchResult> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Api.BatchItem item = batch.items().get(i);
                results.add(new Api.BatchResult(item == null ? null : item.idempotencyKey(), answers[i].status(),
                        envelope.readTree(answers[i].body())));
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
            Answer answer = register(caller, item.idempotencyKey(), envelope.write(item.patron()));
            h.release(BATCH_ITEM);
            return answer;
        } catch (ApiException e) {
            h.rollbackToSavepoint(BATCH_ITEM);
            return envelope.error(e);
        }
    }
}
