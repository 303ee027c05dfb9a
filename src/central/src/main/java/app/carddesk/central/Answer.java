package app.carddesk.central;

/** An answer to send: status and JSON body, as stored for a retried Idempotency-Key. */
public record Answer(int status, String body) {
}
