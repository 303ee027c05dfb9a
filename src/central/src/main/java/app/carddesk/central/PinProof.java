package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The patron's PIN as proof that they are present: checked against the hash their home library
 * holds, with the lockout of any credential — after {@link #MAX_FAILURES} wrong PINs in a row the
 * PIN is refused for {@link #LOCK}, right or wrong.
 */
final class PinProof {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private PinProof() {
    }

    /** A hash a desk may send: Argon2id in its standard encoding, within the column. */
    static boolean wellFormed(String hash) {
        return hash.length() <= 200 && hash.startsWith("$argon2id$") && hash.chars().allMatch(c -> c > 32 && c < 127);
    }

    /**
     * Checks the PIN and counts a wrong one, in a transaction of its own that the caller commits
     * before answering: the refusal to answer, or empty when the PIN is right.
     */
    static java.util.Optional<ApiException> check(Handle h, UUID patron, String pinHash, Instant lockedUntil,
                                                 String pin, Instant now) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return java.util.Optional.of(new ApiException(423, ErrorCode.PIN_LOCKED, "pin", "Too many wrong PINs: the PIN is locked until "
                    + lockedUntil + ". The patron can try again then, or ask their home library for a new PIN."));
        }
        if (pinHash == null) {
            return java.util.Optional.of(new ApiException(422, ErrorCode.PIN_NOT_SET, "pin", "The patron has no PIN on record. Their home library "
                    + "can e-mail them one; then activate them here with it."));
        }
        if (pin == null || !pin.matches("\\d{4,8}")) {
            return java.util.Optional.of(new ApiException(422, ErrorCode.PIN_REQUIRED, "pin",
                    "Ask the patron to type their PIN (4 digits): a patron is activated at a new library only in person."));
        }
        if (matches(pin, pinHash)) {
            Daos.on(h, CentralPatronDao.class).pinAccepted(patron);
            return java.util.Optional.empty();
        }
        int failures = Daos.on(h, CentralPatronDao.class).pinRefused(patron);
        if (failures >= MAX_FAILURES) {
            Daos.on(h, CentralPatronDao.class).lockPin(patron, now.plus(LOCK));
            return java.util.Optional.of(new ApiException(423, ErrorCode.PIN_LOCKED, "pin", "Wrong PIN, " + MAX_FAILURES
                    + " times: the PIN is locked for " + LOCK.toMinutes() + " minutes."));
        }
        int left = MAX_FAILURES - failures;
        return java.util.Optional.of(new ApiException(422, ErrorCode.PIN_WRONG, "pin", "Wrong PIN. " + left
                + (left == 1 ? " try is" : " tries are") + " left before the PIN is locked for "
                + LOCK.toMinutes() + " minutes."));
    }

    /** The parameters come from the hash itself, so a desk's and the central's settings may differ. */
    private static boolean matches(String pin, String hash) {
        return app.carddesk.security.Argon2PinHasher.matchesRecorded(pin, hash);
    }
}
