package app.carddesk.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * A new patron's id: a UUID of version 7 (RFC 9562), the moment it was made (milliseconds since
 * 1970) in its first 48 bits and 74 random bits after them.
 *
 * <p>Ids made one after another sort one after another, so the indexes on patron ids at the desk
 * and at the central register (the patron, its cards, memberships, the change feed) take the
 * patrons of a day at their end, on a few pages. With random ids (version 4) each new patron went
 * to a page of its own anywhere in each index, and every commit wrote all those pages again: a
 * batch of 500 registrations rewrote some 500 pages per index, more as the register grew. The id
 * tells when the record was made, which the record says anyway ({@code created_at}); the random
 * part keeps ids unguessable.
 */
public final class PatronIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PatronIds() {
    }

    /** A new id, made now by {@code clock}. */
    public static UUID next(Clock clock) {
        long millis = clock.millis();
        long random = RANDOM.nextLong();
        long high = (millis << 16) | 0x7000L | (random >>> 52);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
