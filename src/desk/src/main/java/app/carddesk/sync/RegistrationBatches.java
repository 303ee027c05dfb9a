package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.issuing.OutboxKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;

/**
 * Runs of queued registrations written into batch requests for the central register, each below its
 * body limit, so that a queue of any size drains batch by batch.
 */
final class RegistrationBatches {

    /** A batch stays this far below the central register's body limit (headers, the envelope). */
    private static final int BATCH_BYTES = Api.MAX_BODY_BYTES - 16 * 1024;

    private final SyncLedger ledger;
    private final ObjectMapper json;

    RegistrationBatches(SyncLedger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /**
     * A batch of registrations ready to send: the entries it stands for, and the request's body,
     * written once as its size was counted.
     *
     * @param lastSeq the last outbox entry taken into it: the next batch starts after it
     */
    record Prepared(List<OutboxItem> sent, List<OutboxItem> gone, byte[] body, long lastSeq) {
    }

    /**
     * Takes registrations into a batch while it stays below the central register's body limit, so
     * that a queue of any size drains batch by batch. Each entry is written as JSON once: the bytes
     * that are counted are the bytes sent.
     */
    Prepared prepare(List<OutboxItem> items) {
        java.util.Map<UUID, Api.Patron> patrons = ledger.patrons(items.stream().map(OutboxItem::patronId).toList());
        List<OutboxItem> gone = new java.util.ArrayList<>();
        List<OutboxItem> sent = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("{\"items\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long bytes = 32;
        long lastSeq = items.get(0).seq() - 1;
        for (OutboxItem item : items) {
            Api.Patron p = patrons.get(item.patronId());
            if (p == null) {
                gone.add(item);
                lastSeq = item.seq();
                continue;
            }
            Api.BatchItem entry = new Api.BatchItem(item.idemKey(), p, item.staffUser());
            byte[] written = written(entry);
            long size = written.length;
            if (!sent.isEmpty() && bytes + size > BATCH_BYTES) {
                break;
            }
            bytes += size + 1;
            if (!sent.isEmpty()) {
                body.write(',');
            }
            body.writeBytes(written);
            sent.add(item);
            lastSeq = item.seq();
        }
        body.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Prepared(sent, gone, body.toByteArray(), lastSeq);
    }

    private byte[] written(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a registration could not be written as JSON", e);
        }
    }

    /** The leading run of registrations among the entries after {@code seq}. */
    List<OutboxItem> nextRun(long seq) {
        List<OutboxItem> next = ledger.pendingAfter(seq, Api.MAX_BATCH_ITEMS);
        int j = 0;
        while (j < next.size() && next.get(j).kind() == OutboxKind.PATRON_CREATED) {
            j++;
        }
        return next.subList(0, j);
    }
}
