package app.carddesk.issuing;

import app.carddesk.domain.Problem;
import java.util.UUID;

/** What happened when staff finished the checklist. */
public sealed interface IssueOutcome {

    /** The patron and card are stored. */
    record Issued(UUID patronId) implements IssueOutcome {
    }

    /** Nothing was stored; the problem says why (a card taken meanwhile, a rule broken). */
    record Refused(Problem problem) implements IssueOutcome {
    }
}
