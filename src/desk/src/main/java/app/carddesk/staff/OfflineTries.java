package app.carddesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wrong passwords typed at this desk while the central register cannot be asked, counted as the
 * register counts them: after {@link #TRIES} in a row the person cannot sign in here for
 * {@link #LOCK}, right password or not, and a restart does not end that (the count is kept in the
 * staff keys). Each wrong password is kept for the desk's audit trail until the register is open.
 */
final class OfflineTries {

    /** Wrong passwords in a row, without the central register, before signing in here is locked. */
    static final int TRIES = 5;
    /** How long signing in at this desk is locked after that, as the central register locks an account. */
    static final Duration LOCK = Duration.ofMinutes(15);
    /** The most wrong passwords kept for the audit trail per person while nobody opens the register. */
    private static final int MAX_UNAUDITED = 100;

    private final StaffKeys keys;
    private final Clock clock;

    OfflineTries(StaffKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The refusal while signing in as {@code user} is locked here, with the minutes left. */
    Optional<StaffSignIn.Refused> locked(String user) {
        Instant until = keys.offlineFailures(user).lockedUntil();
        if (until == null || !until.isAfter(clock.instant())) {
            return Optional.empty();
        }
        long minutes = Math.max(1, (Duration.between(clock.instant(), until).getSeconds() + 59) / 60);
        return Optional.of(new StaffSignIn.Refused("signin.offlineLocked", minutes));
    }

    /** Counts a wrong password; the fourth warns, the fifth locks. */
    StaffSignIn.Refused wrong(String user) {
        StaffKeys.OfflineFailures failures = keys.offlineFailures(user);
        Instant now = clock.instant();
        List<Instant> unaudited = new ArrayList<>(failures.unaudited());
        if (unaudited.size() < MAX_UNAUDITED) {
            unaudited.add(now);
        }
        int inARow = failures.inARow() + 1;
        if (inARow >= TRIES) {
            keys.offlineFailures(user, new StaffKeys.OfflineFailures(0, now.plus(LOCK), unaudited));
            return new StaffSignIn.Refused("signin.offlineLocked", LOCK.toMinutes());
        }
        keys.offlineFailures(user, new StaffKeys.OfflineFailures(inARow, null, unaudited));
        return new StaffSignIn.Refused(inARow == TRIES - 1 ? "signin.offlineLastTry" : "signin.offlineWrong");
    }

    /** The person's password was right (here, or at the central register): the count and lock end. */
    void right(String user) {
        StaffKeys.OfflineFailures failures = keys.offlineFailures(user);
        if (failures.inARow() > 0 || failures.lockedUntil() != null) {
            keys.offlineFailures(user, new StaffKeys.OfflineFailures(0, null, failures.unaudited()));
        }
    }
}
