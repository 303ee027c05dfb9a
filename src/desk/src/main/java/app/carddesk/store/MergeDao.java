package app.carddesk.store;

import app.carddesk.domain.MergePlan;
import app.carddesk.domain.Patron;
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
    GuardianDao guardians();

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
        StoredPatron kept = patrons().byId(survivorId).orElseThrow(() -> new ConflictException("patron_gone"));
        StoredPatron merged = patrons().byId(otherId).orElseThrow(() -> new ConflictException("patron_gone"));
        Patron keep = kept.patron();
        Patron other = merged.patron();
        MergePlan plan = MergePlan.of(MergePlan.Side.of(keep), MergePlan.Side.of(other), keepCard).value();
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
        guardians().unlinkPatron(otherId); // whatever links it still has (to the survivor itself)
        patrons().delete(otherId);
        statements().takeOver(new MergeStatements.Survivor(survivorId, plan.keptCard(), other.feesOwedMinor(), other.printCreditMinor(),
                plan.identityOf(keep.identityKind(), other.identityKind()).name(),
                plan.identityOf(number(keep), number(other)),
                plan.cardOf(kept.pinHash(), merged.pinHash()), plan.cardOf(keep.pinDelivery(), other.pinDelivery()).name(),
                now));
        if (plan.takesOthersCard()) {
            statements().moveCard(survivorId, other.cardNumber());
        }
        audit().append(audit);
        queued.forEach(e -> outbox().append(e, now, audit.staff()));
    }

    private static String number(Patron p) {
        return p.identity() == null ? null : p.identity().number();
    }
}
