package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.central.CentralDaos.Caller;
import java.time.Clock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * A library administrator's change refused because it touched the accounts that oversee them (the
 * data protection officer's, the organisation administrator's). The change is undone, and the try
 * is then kept in the audit on its own (who tried what on whose account) for the officer who reads
 * it, before the 403 is answered.
 */
final class OverseeingRefusal extends RuntimeException {

    private final String detail;
    private final String field;
    private final String message;

    /**
     * @param attempt what was tried on whose account ("lock user=sofie.kjaer")
     * @param field   the request's field the answer names
     * @param message the answer's message
     */
    OverseeingRefusal(String attempt, String by, String field, String message) {
        super(attempt, null, false, false);
        this.detail = "attempt=" + attempt + " by=" + by;
        this.field = field;
        this.message = message;
    }

    /** Runs {@code change} in one transaction; a refusal thrown in it is audited after the rollback and answered. */
    static <T> T audited(Jdbi jdbi, Caller caller, Clock clock, HandleCallback<T, RuntimeException> change) {
        try {
            return jdbi.inTransaction(change);
        } catch (OverseeingRefusal refused) {
            jdbi.useTransaction(h -> Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(),
                    "STAFF_CHANGE_REFUSED", null, refused.detail));
            throw new ApiException(403, ErrorCode.PERMISSION_DENIED, refused.field, refused.message);
        }
    }
}
