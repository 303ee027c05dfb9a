package app.carddesk.sync;

import app.carddesk.api.AuditApi;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's own audit trail sent up to the central register after the changes, oldest first, so
 * that the organisation's audit says who signed in, opened a record or issued a card at this desk,
 * offline too. The central register keeps each entry once; the desk keeps its own copy as before.
 */
final class AuditPush {

    private static final Logger LOG = LoggerFactory.getLogger(AuditPush.class);
    static final String PATH = "/api/v1/audit/desk-entries";

    private final CentralClient client;
    private final SyncLedger ledger;

    AuditPush(CentralClient client, SyncLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /** Sends every entry the central register does not hold yet; how many went. Stops at a refusal it cannot pass. */
    int pushAll() {
        int sent = 0;
        while (true) {
            List<AuditItem> page = ledger.auditAfter(ledger.auditSentUpTo(), AuditApi.PAGE_MAX);
            if (page.isEmpty()) {
                return sent;
            }
            long last = page.get(page.size() - 1).seq();
            CentralClient.Response r = client.post(PATH, null,
                    new AuditApi.DeskAuditEntries(page.stream().map(AuditPush::wire).toList()));
            if (r.status() == 400 || r.status() == 422) {
                // Entries the central register will never take must not hold back the ones after them:
                // they stay in this desk's own trail, and the log says which.
                LOG.warn("The central register refused this desk's audit entries {} to {} ({}); they stay in the "
                        + "desk's own audit trail", page.get(0).seq(), last, client.errorCode(r));
            } else if (!r.ok()) {
                return sent; // not now (signed out, revoked, busy): the next round sends them
            }
            ledger.auditSent(last);
            sent += page.size();
        }
    }

    /** The entry as the central register takes it: texts within its limits. */
    private static AuditApi.DeskAuditEntry wire(AuditItem e) {
        return new AuditApi.DeskAuditEntry(e.seq(), e.at(), cut(e.staff(), AuditApi.STAFF_MAX),
                cut(e.roles(), AuditApi.ROLES_MAX), e.action(), e.patronId(), cut(e.detail(), AuditApi.DETAIL_MAX));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
