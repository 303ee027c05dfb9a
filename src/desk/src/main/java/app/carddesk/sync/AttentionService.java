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
    private final app.carddesk.issuing.StaffContext staff;

    public AttentionService(SyncLedger ledger, SyncService sync, app.carddesk.issuing.StaffContext staff) {
        this.ledger = ledger;
        this.sync = sync;
        this.staff = staff;
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

    /**
     * Carries out a choice for the signed-in person; empty when done, else why not (their roles do not
     * include changing a patron's details, or the central register is unreachable).
     */
    public Optional<app.carddesk.domain.Problem> resolve(SyncProblem problem, Choice choice) {
        if (!choices(problem).contains(choice)) {
            throw new IllegalArgumentException(choice + " does not fit " + problem.code());
        }
        // Each choice keeps or drops a patron's change: for staff who may change a patron's details.
        Optional<app.carddesk.domain.Problem> notAllowed = staff.refusal("edit");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Optional<app.carddesk.domain.Problem> unreachable = Optional.of(app.carddesk.domain.Problem.of(
                "attention.unreachable"));
        switch (choice) {
            case DISCARD_LOCAL -> ledger.discardRefusedRegistration(problem.patronId());
            case TAKE_CENTRAL -> {
                if (sync.queries().pullById(problem.patronId()).isEmpty()) {
                    return unreachable;
                }
            }
            case SEND_AGAIN -> {
                Optional<Integer> version = sync.queries().centralVersion(problem.patronId());
                if (version.isEmpty()) {
                    return unreachable;
                }
                ledger.requeueUpdate(problem.patronId(), version.get(), staff.staffUser());
            }
            case DISMISS -> {
            }
        }
        ledger.resolve(problem.id(), choice.name(), staff.staffUser());
        return Optional.empty();
    }
}
