package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What every write of the API shares, written once: reading and writing the JSON documents, and
 * the Idempotency-Key envelope that makes a retried write get its first answer.
 */
public final class Envelope {

    /** The savepoint before a request claims its Idempotency-Key. */
    private static final String CLAIM = "idempotency_claim";

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;

    Envelope(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
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

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    com.fasterxml.jackson.databind.JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer error(ApiException e) {
        return new Answer(e.status(), write(e.toError()));
    }

    /**
     * Runs a write under an Idempotency-Key, in one transaction with the answer it stores. The key
     * is claimed before the write: a concurrent request with the same key waits on that claim
     * until the first request's transaction ends, then gets its stored answer (or, when the first
     * failed and stored nothing, makes the write itself). A refusal (4xx) is not stored: a retry
     * after the cause is fixed goes through.
     */
    Answer once(Caller caller, String key, String requestHash,
                        org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> write) {
        String library = caller.library().code();
        return jdbi.inTransaction(h -> {
            CentralDaos.Idempotency idem = Daos.on(h, CentralDaos.Idempotency.class);
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
                    if (lockTimedOut(e)) {
                        throw new ApiException(503, ErrorCode.IDEMPOTENCY_KEY_BUSY, "Idempotency-Key",
                                "Another request with this Idempotency-Key is still being answered; try again.");
                    }
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

    /** The wait for the request holding the same key ran out (H2's lock timeout, PostgreSQL's lock_timeout). */
    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && ("HYT00".equals(s.getSQLState())
                    || "55P03".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A write with an optional key: without one it simply runs in a transaction. */
    Answer optionallyOnce(Caller caller, String idempotencyKey, String requestHash,
                                  org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> write) {
        ApiException problem = keyProblem(idempotencyKey, false, "Idempotency-Key", "");
        if (problem != null) {
            throw problem;
        }
        return idempotencyKey == null || idempotencyKey.isBlank() ? jdbi.inTransaction(write)
                : once(caller, idempotencyKey, requestHash, write);
    }

    /** A key, where one is required: present, and short enough to be kept. */
    static void requireKey(String key, String field, String why) {
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

    static Answer replay(CentralDaos.Idempotency.Answer earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ApiException(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                    "This Idempotency-Key was used for a different request.");
        }
        return new Answer(earlier.status(), earlier.body());
    }
}
