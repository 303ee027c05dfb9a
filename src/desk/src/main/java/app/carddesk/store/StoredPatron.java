package app.carddesk.store;

import app.carddesk.domain.Patron;

/** A patron as the register keeps them: the domain's patron and their PIN's hash, which only the register holds. */
public record StoredPatron(Patron patron, String pinHash) {
}
