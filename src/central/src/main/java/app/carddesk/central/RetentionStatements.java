package app.carddesk.central;

import app.carddesk.api.RetentionApi;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The retention job's statements, each in its own file in the classpath folder
 * {@code app/carddesk/central/RetentionStatements/}. Candidates come from the
 * {@code retention_candidate} view.
 */
@UseClasspathSqlLocator
interface RetentionStatements {

    /** A patron the job looks at, with what stands in the way of deleting them. */
    record Candidate(UUID id, String libraryCode, String cardNumber, long feesOwedMinor, long printCreditMinor,
                     long outstanding, String email, String givenName, String libraryName, String country,
                     int years, int noticeDays, Instant noticeSentAt) {

        /** Why the patron is listed for staff rather than deleted, or {@code null} when nothing stands in the way. */
        String holdReason() {
            if (feesOwedMinor > 0 || printCreditMinor > 0) {
                return "BALANCE";
            }
            return outstanding > 0 ? "LOANS" : null;
        }
    }

    /** A patron listed for staff, and why. */
    record Hold(UUID id, String library, String reason, Instant at) {
    }

    /** One deletion in the audit trail. */
    record Deleted(UUID id, String library, String detail, Instant at) {
    }

    @SqlQuery
    List<Candidate> expiredShortStays(@Bind("today") LocalDate today);

    @SqlQuery
    List<Candidate> activeAgainAfterNotice();

    @SqlQuery
    List<Candidate> noticedAndStillInactive();

    @SqlQuery
    List<Integer> inactivityPeriods();

    /** A library's own periods. */
    record LibraryPolicy(int maxShortStayDays, Integer inactiveYears, int noticeDays) {
    }

    @SqlQuery
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(LibraryPolicy.class)
    LibraryPolicy libraryPolicy(@Bind("library") String library);

    @SqlQuery
    List<Candidate> inactiveSince(@Bind("years") int years, @Bind("cutoff") Instant cutoff);

    @SqlUpdate
    int withdrawNotices(@BindList("ids") List<UUID> ids);

    @SqlUpdate
    int markNoticed(@Bind("at") Instant at, @BindList("ids") List<UUID> ids);

    @SqlQuery
    int answersBefore(@Bind("cutoff") Instant cutoff);

    @SqlQuery
    int supersededChanges();

    @SqlUpdate
    int pruneSupersededChanges();

    @SqlUpdate
    int pruneAnswersBefore(@Bind("cutoff") Instant cutoff);

    /** Staff sessions and workstation enrolment codes past their end, which open nothing any more. */
    @SqlQuery
    int expiredCredentials(@Bind("now") Instant now);

    @SqlUpdate
    int pruneExpiredSessions(@Bind("now") Instant now);

    @SqlUpdate
    int pruneExpiredEnrolmentCodes(@Bind("now") Instant now);

    /** Removes what {@link #expiredCredentials} counts. */
    @Transaction
    default int pruneExpiredCredentials(Instant now) {
        return pruneExpiredSessions(now) + pruneExpiredEnrolmentCodes(now);
    }

    @SqlQuery
    List<HeldRow> held(@Bind("library") String library);

    /** A row of the staff list. */
    record HeldRow(UUID patronId, String libraryCode, String cardNumber, String reason) {
        RetentionApi.RetentionAction action() {
            return new RetentionApi.RetentionAction(patronId, libraryCode, cardNumber, "HELD", reason);
        }
    }

    @SqlBatch
    void hold(@BindMethods List<Hold> holds);

    @SqlUpdate
    void feedDeleted(@BindList("ids") List<UUID> ids, @Bind("at") Instant at);

    @SqlUpdate
    void retireCards(@BindList("cards") List<String> cards, @Bind("at") Instant at);

    @SqlUpdate
    void deleteMemberships(@BindList("ids") List<UUID> ids);

    @SqlUpdate
    void deleteGuardianLinks(@BindList("ids") List<UUID> ids);

    @SqlUpdate
    void deleteHolds(@BindList("ids") List<UUID> ids);

    @SqlUpdate
    void deletePatrons(@BindList("ids") List<UUID> ids);

    /** Mails still queued to patrons who are deleted: not sent, and their text (a PIN in clear) gone. */
    @SqlUpdate
    void deleteMails(@BindList("ids") List<UUID> ids);

    @SqlBatch
    void auditDeleted(@BindMethods List<Deleted> deleted);

    @SqlQuery
    boolean tryLock(@Bind("key") long key);

    @SqlQuery
    boolean unlock(@Bind("key") long key);

    /** Deletes a chunk of patrons in one transaction, with the change feed and the audit trail. */
    @Transaction
    default void erase(List<Candidate> chunk, String why, Instant now) {
        List<UUID> ids = chunk.stream().map(Candidate::id).toList();
        List<String> cards = chunk.stream().map(Candidate::cardNumber).filter(java.util.Objects::nonNull).toList();
        feedDeleted(ids, now);
        if (!cards.isEmpty()) {
            retireCards(cards, now);
        }
        deleteMemberships(ids);
        deleteGuardianLinks(ids);
        deleteHolds(ids);
        deleteMails(ids);
        deletePatrons(ids);
        auditDeleted(chunk.stream().map(c -> new Deleted(c.id(), c.libraryCode(), "retention=" + why, now)).toList());
    }
}
