package app.carddesk.ui;

import app.carddesk.domain.Problem;
import app.carddesk.staff.SignedInStaff;
import org.slf4j.Logger;

/** What a screen says when its background work failed, and what the log keeps of it. */
public final class Failures {

    private Failures() {
    }

    /**
     * The person was signed out while the work ran: one line in the log, and "do it again" for
     * whoever signs in next. Anything else is unexpected: its stack trace goes to the log.
     *
     * @param what what failed, for the log
     */
    public static Problem problem(Logger log, String what, Throwable failure) {
        if (SignedInStaff.signedOut(failure)) {
            log.info("{}: the person was signed out while it ran", what);
            return Problem.of("error.signedOutMeanwhile");
        }
        log.error(what, failure);
        return Problem.of("error.unexpected");
    }
}
