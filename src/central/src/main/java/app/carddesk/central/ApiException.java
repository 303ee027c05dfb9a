package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import java.util.UUID;

/**
 * A refusal the API answers with a JSON error: {@code {"error": code, "field": ..., "message": ...}}.
 * The code is stable for programs; the message is for people.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final String field;
    private final UUID existingId;
    private final java.util.List<app.carddesk.api.Api.Membership> openStanding;
    private long retryAfterSeconds;

    public ApiException(int status, ErrorCode code, String field, String message) {
        this(status, code, field, message, null);
    }

    public ApiException(int status, ErrorCode code, String field, String message, UUID existingId) {
        this(status, code, field, message, existingId, null);
    }

    public ApiException(int status, ErrorCode code, String field, String message, UUID existingId,
                        java.util.List<app.carddesk.api.Api.Membership> openStanding) {
        super(message);
        this.openStanding = openStanding;
        this.status = status;
        this.code = code;
        this.field = field;
        this.existingId = existingId;
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** For conflicts with another patron: who. */
    public UUID existingId() {
        return existingId;
    }

    /** For a patron who cannot be deleted or merged away yet: the libraries where something is outstanding. */
    public java.util.List<app.carddesk.api.Api.Membership> openStanding() {
        return openStanding;
    }

    /** For 429 and 503: when to try again, sent as Retry-After. */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The JSON document this refusal is answered with. */
    public app.carddesk.api.Api.Error toError() {
        return new app.carddesk.api.Api.Error(code.code(), field, getMessage(), existingId, openStanding);
    }
}
