package app.carddesk.sync;

import app.carddesk.api.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * What staff can do with a change the central register refused. Every choice is recorded with
 * who made it; no problem disappears without one.
 */
public final class AttentionService {

    /** The choices staff have for a problem. */
    public enum Choice {
        /** The local registration was a duplicate (card taken, national ID registered): remove it here. */
        DISCARD_LOCAL,
        /** Another desk changed the patron first: take the central register's version. */
        TAKE_CENTRAL,
        /** Another desk changed the patron first: send this desk's version again over it. */
        SEND_AGAIN,
        /** Nothing to change here; staff have seen it. */
        DISMISS
    }

    private final SyncLedger ledger;
    private final SyncService sync;

    public AttentionService(SyncLedger ledger, SyncService sync) {
        this.ledger = ledger;
        this.sync = sync;
    }

    public List<SyncProblem> open() {
        return ledger.openProblems();
    }

    /** The choices that fit a problem, the first being the usual one. */
    public static List<Choice> choices(SyncProblem problem) {
        if (ErrorCode.duplicate(problem.code())) {
            return List.of(Choice.DISCARD_LOCAL, Choice.DISMISS);
        }
        if (ErrorCode.STALE_VERSION.is(problem.code())) {
            return List.of(Choice.TAKE_CENTRAL, Choice.SEND_AGAIN);
        }
        if (ErrorCode.NOT_HOME_LIBRARY.is(problem.code())) {
            // The home library owns what was changed: sending it again cannot work.
            return List.of(Choice.TAKE_CENTRAL, Choice.DISMISS);
        }
        return List.of(Choice.DISMISS);
    }

    /** Carries out a choice; empty when done, else why not (the central register is unreachable). */
    public Optional<String> resolve(SyncProblem problem, Choice choice, String staff) {
        if (!choices(problem).contains(choice)) {
            throw new IllegalArgumentException(choice + " does not fit " + problem.code());
        }
        switch (choice) {
            case DISCARD_LOCAL -> ledger.discardRefusedRegistration(problem.patronId());
            case TAKE_CENTRAL -> {
                if (sync.queries().pullById(problem.patronId()).isEmpty()) {
                    return Optional.of("unreachable");
                }
            }
            case SEND_AGAIN -> {
                Optional<Integer> version = sync.queries().centralVersion(problem.patronId());
                if (version.isEmpty()) {
                    return Optional.of("unreachable");
                }
                ledger.requeueUpdate(problem.patronId(), version.get(), staff);
            }
            case DISMISS -> {
            }
        }
        ledger.resolve(problem.id(), choice.name(), staff);
        return Optional.empty();
    }
}
