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
 * staff keys). Each wrong password, each lock and each try while locked is kept for the desk's
 * audit trail until the register is open.
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

    /**
     * The refusal while signing in as {@code user} is locked here, with the minutes left; the try is
     * kept for the audit trail (someone keeps trying).
     */
    Optional<StaffSignIn.Refused> locked(String user) {
        StaffKeys.OfflineFailures failures = keys.offlineFailures(user);
        Instant until = failures.lockedUntil();
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        keys.offlineFailures(user, new StaffKeys.OfflineFailures(failures.inARow(), until, failures.unaudited(),
                failures.locks(), kept(failures.whileLocked(), now)));
        long minutes = Math.max(1, (Duration.between(now, until).getSeconds() + 59) / 60);
        return Optional.of(new StaffSignIn.Refused("signin.offlineLocked", minutes));
    }

    /** Counts a wrong password; the fourth warns, the fifth locks. */
    StaffSignIn.Refused wrong(String user) {
        StaffKeys.OfflineFailures failures = keys.offlineFailures(user);
        Instant now = clock.instant();
        List<Instant> unaudited = kept(failures.unaudited(), now);
        int inARow = failures.inARow() + 1;
        if (inARow >= TRIES) {
            keys.offlineFailures(user, new StaffKeys.OfflineFailures(0, now.plus(LOCK), unaudited,
                    kept(failures.locks(), now), failures.whileLocked()));
            return new StaffSignIn.Refused("signin.offlineLocked", LOCK.toMinutes());
        }
        keys.offlineFailures(user, new StaffKeys.OfflineFailures(inARow, null, unaudited, failures.locks(),
                failures.whileLocked()));
        return new StaffSignIn.Refused(inARow == TRIES - 1 ? "signin.offlineLastTry" : "signin.offlineWrong");
    }

    /** {@code times} and {@code now}, up to {@link #MAX_UNAUDITED} kept for the audit trail. */
    private static List<Instant> kept(List<Instant> times, Instant now) {
        List<Instant> kept = new ArrayList<>(times);
        if (kept.size() < MAX_UNAUDITED) {
            kept.add(now);
        }
        return kept;
    }

    /** The person's password was right (here, or at the central register): the count and lock end. */
    void right(String user) {
        StaffKeys.OfflineFailures failures = keys.offlineFailures(user);
        if (failures.inARow() > 0 || failures.lockedUntil() != null) {
            keys.offlineFailures(user, new StaffKeys.OfflineFailures(0, null, failures.unaudited(), failures.locks(),
                    failures.whileLocked()));
        }
    }
}
