package app.carddesk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The wire documents of the central register's retention: its periods, and what a run did. */
public final class RetentionApi {

    private RetentionApi() {
    }

    /**
     * How long the central register keeps what, for the caller's library, as its daily retention run
     * applies it: a data-protection officer's answer to "how long do you keep it?".
     *
     * @param runsAt           the time of day (UTC, HH:mm) of the daily run; null when it runs by command only
     * @param auditKeptMonths  the audit trail's period; null when it is kept for good
     * @param maxShortStayDays the longest short stay; a short stay is deleted after its expiry date
     * @param inactiveYears    the library's inactivity period; null when it has none (inactive patrons
     *                         stay until staff unsubscribe them)
     * @param noticeDays       how long before the deletion of an inactive patron the notice is sent
     */
    public record RetentionPolicy(String runsAt, Integer auditKeptMonths, int maxShortStayDays, Integer inactiveYears,
                                  int noticeDays) {
    }

    /** One thing the retention job did, or would do in a dry run. No names: ids and card numbers. */
    public record RetentionAction(UUID patronId, String library, String cardNumber, String action, String reason) {
    }

    /**
     * What a retention run did (or would do), with the stored answers to old idempotency keys, the
     * superseded changes of the feed, the expired staff sessions and enrolment codes, and the audit
     * entries past the kept period it removed.
     */
    public record RetentionReport(boolean dryRun, LocalDate day, int shortStaysDeleted, int held, int noticesSent,
                                  int noticesWithdrawn, int inactiveDeleted, List<RetentionAction> actions,
                                  int answersRemoved, int changesRemoved, int expiredCredentialsRemoved,
                                  long auditEntriesRemoved) {
    }
}
