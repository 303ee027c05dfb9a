package app.carddesk.store;

import app.carddesk.domain.MergePlan;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.issuing.OutboxEntry;
import app.carddesk.issuing.PatronStore.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Merging two records of one person in the desk's register, in one transaction, as the domain's
 * {@link MergePlan} decides, composed of the table DAOs and {@link MergeStatements}.
 */
public interface MergeDao {

    @CreateSqlObject
    PatronDao patrons();

    @CreateSqlObject
    CardDao cards();

    @CreateSqlObject
    AuditDao audit();

    @CreateSqlObject
    OutboxDao outbox();

    @CreateSqlObject
    MergeStatements statements();

    /**
     * Merges {@code otherId} into {@code survivorId}, keeping {@code keepCard}: the other card is
     * retired, history, guardianships and balances move, and the change is audited and queued for
     * the central register, all or nothing.
     */
    @Transaction
    default void merge(UUID survivorId, UUID otherId, String keepCard, Instant now, AuditEntry audit,
                       List<OutboxEntry> queued) {
        PatronRow keep = patrons().byId(survivorId).orElseThrow(() -> new ConflictException("patron_gone"));
        PatronRow other = patrons().byId(otherId).orElseThrow(() -> new ConflictException("patron_gone"));
        MergePlan plan = MergePlan.of(new MergePlan.Side(keep.cardNumber(), keep.identityNumber()),
                new MergePlan.Side(other.cardNumber(), other.identityNumber()), keepCard).value();
        if (plan == null) {
            throw new ConflictException("merge_refused");
        }
        if (plan.retiredCard() != null) {
            cards().retire(plan.retiredCard(), now, "MERGED");
        }
        statements().moveHistory(survivorId, otherId);
        statements().dropSharedGuardians(survivorId, otherId);
        statements().moveGuardians(survivorId, otherId);
        statements().dropSharedChildren(survivorId, otherId);
        statements().moveChildren(survivorId, otherId);
        statements().dropLinks(otherId);
        patrons().delete(otherId);
        statements().takeOver(new MergeStatements.Survivor(survivorId, plan.keptCard(), other.feesOwedMinor(), other.printCreditMinor(),
                plan.identityOf(keep.identityKind(), other.identityKind()),
                plan.identityOf(keep.identityNumber(), other.identityNumber()),
                plan.cardOf(keep.pinHash(), other.pinHash()), plan.cardOf(keep.pinDelivery(), other.pinDelivery()),
                now));
        if (plan.takesOthersCard()) {
            statements().moveCard(survivorId, other.cardNumber());
        }
        audit().append(audit);
        queued.forEach(e -> outbox().append(e, now));
    }
}
