package app.carddesk.central;

import java.util.UUID;

/**
 * A refusal the API answers with a JSON error: {@code {"error": code, "field": ..., "message": ...}}.
 * The code is stable for programs; the message is for people.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final UUID existingId;

    public ApiException(int status, String code, String field, String message) {
        this(status, code, field, message, null);
    }

    public ApiException(int status, String code, String field, String message, UUID existingId) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.existingId = existingId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** For conflicts with another patron: who. */
    public UUID existingId() {
        return existingId;
    }
}
