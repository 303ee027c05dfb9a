package app.carddesk.api;

import java.time.Instant;

/**
 * The fate of the last PIN mail asked for a patron ({@code GET /api/v1/patrons/{id}/pin-email}).
 *
 * @param at            when that happened (queued, sent, refused or given up); null for NONE
 * @param attempts      how many times the mail server was tried; null for NONE
 * @param nextAttemptAt while WAITING, when the mail server is tried (again)
 */
public record PinMail(PinMailState state, Instant at, Integer attempts, Instant nextAttemptAt) {
}
