package app.carddesk.sync;

import app.carddesk.issuing.OutboxKind;
import app.carddesk.api.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the central register in order. Every entry carries its own idempotency key,
 * so an entry sent but not acknowledged (the desk crashed, the answer was lost) is sent again and
 * answered the same way: nothing twice. Refusals go to Needs attention; an unreachable register
 * leaves everything waiting for the next round.
 */
final class OutboxPush {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPush.class);
    private static final int BATCH = Api.MAX_BATCH_ITEMS;
    /**
     * An entry the central register fails on this often (5xx, or it cannot be sent at all) goes to
     * Needs attention, so that it never holds up the entries behind it.
     */
    static final int MAX_ATTEMPTS = 5;

    private final CentralClient client;
    private final SyncLedger ledger;
    private final ObjectMapper json;
    private final Clock clock;
    private final SyncService.AfterSend afterSend;
    private final CentralLink link;
    private final RegistrationBatches batches;

    OutboxPush(CentralClient client, SyncLedger ledger, ObjectMapper json, Clock clock, SyncService.AfterSend afterSend,
               CentralLink link) {
        this.client = client;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
        this.afterSend = afterSend;
        this.link = link;
        this.batches = new RegistrationBatches(ledger, json);
    }

    /**
     * Sends everything waiting, in order: runs of registrations as batches, the rest one by one.
     *
     * @param afterBatch told between batches: the answers of one are recorded and another is to be sent
     * @return how many were sent and refused
     */
    int[] pushAll(Runnable afterBatch) {
        int sent = 0;
        int refused = 0;
        List<OutboxItem> batch;
        boolean first = true;
        // Read on from the last entry looked at: an entry left waiting stays in the queue behind.
        long after = 0;
        outer:
        while (!(batch = ledger.pendingAfter(after, BATCH)).isEmpty()) {
            if (!first) {
                afterBatch.run();
            }
            first = false;
            after = batch.get(batch.size() - 1).seq();
            // Read once a batch, and again after a refusal: not once an entry.
            waiting = ledger.awaitingRegistration();
            int i = 0;
            while (i < batch.size()) {
                int j = i;
                while (j < batch.size() && batch.get(j).kind() == OutboxKind.PATRON_CREATED) {
                    j++;
                }
                if (j - i > 1) {
                    int[] counts = pushRegistrations(batch.subList(i, j), afterBatch);
                    if (counts == null) {
                        break outer;
                    }
                    sent += counts[0];
                    refused += counts[1];
                    if (counts[1] > 0) {
                        waiting = ledger.awaitingRegistration();
                    }
                    i = j;
                    continue;
                }
                Outcome outcome = push(batch.get(i++));
                if (outcome == Outcome.SENT) {
                    sent++;
                } else if (outcome == Outcome.REFUSED) {
                    refused++;
                    waiting = ledger.awaitingRegistration();
                } else if (outcome == Outcome.STOP) {
                    break outer;
                }
            }
        }
        return new int[] {sent, refused};
    }

    private enum Outcome { SENT, REFUSED, STOP, WAITING }

    /** Patrons whose refused registration their other changes wait for (SyncLedger.awaitingRegistration). */
    private java.util.Set<java.util.UUID> waiting = java.util.Set.of();

    private Outcome push(OutboxItem item) {
        if (item.kind() != OutboxKind.PATRON_CREATED && waiting.contains(item.patronId())) {
            // The patron's PIN mail or edit waits for the registration staff send again (New card).
            return Outcome.WAITING;
        }
        CentralClient.Response response;
        try {
            response = send(item);
        } catch (CentralClient.UnreachableException e) {
            ledger.retryLater(item, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // An entry the desk cannot even put into a request would stop every round: staff decide.
            LOG.warn("A {} change could not be sent ({})", item.kind(), e.getClass().getSimpleName());
            ledger.refused(item, "unsendable", null, "This change could not be sent to the central register ("
                    + e.getClass().getSimpleName() + ").");
            return Outcome.REFUSED;
        }
        if (response == null) {
            ledger.acknowledged(item, null);
            return Outcome.SENT;
        }
        afterSend.answered(item, response);
        link.answered(clock.instant());
        int status = response.status();
        if (response.ok()) {
            link.online();
            ledger.acknowledged(item, version(response));
            return Outcome.SENT;
        }
        // 401: the workstation's token is refused. A 403 refuses this change only (another library
        // owns the patron): it goes to Needs attention like any refusal, and the queue goes on.
        if (status == 401) {
            link.refused(response);
            ledger.retryLater(item, "token refused");
            return Outcome.STOP;
        }
        if (unavailable(status)) {
            link.offline();
            ledger.retryLater(item, "central answered " + status);
            return Outcome.STOP;
        }
        if (status >= 500) {
            // A failure on this very change (the register itself answers): counted, and bounded.
            retryLater(item, "central answered " + status);
            return Outcome.STOP;
        }
        link.online();
        Api.Error error = readError(response);
        if (status == 404 && item.kind() == OutboxKind.PATRON_DELETED) {
            ledger.acknowledged(item, null);
            return Outcome.SENT;
        }
        ledger.refused(item, error.error(), error.existingId(), error.message());
        LOG.info("Central register refused a {} change: {}", item.kind(), error.error());
        return Outcome.REFUSED;
    }

    /**
     * Sends runs of registrations in batches, each answered item by item as if sent alone. While
     * one batch is on its way, the desk prepares the next and records the answers of the last, so
     * desk and central service work at the same time.
     *
     * @return {sent, refused}, or null when the round must stop (offline, token refused)
     */
    private int[] pushRegistrations(List<OutboxItem> firstRun, Runnable afterBatch) {
        int sent = 0;
        int refused = 0;
        RegistrationBatches.Prepared current = batches.prepare(firstRun);
        java.util.concurrent.CompletableFuture<CentralClient.Response> inFlight = current.sent().isEmpty() ? null
                : client.postAsync("/api/v1/patrons/batch", current.body());
        while (true) {
            List<OutboxItem> nextItems = batches.nextRun(current.lastSeq());
            RegistrationBatches.Prepared next = nextItems.isEmpty() ? null : batches.prepare(nextItems);
            CentralClient.Response response = null;
            if (inFlight != null) {
                try {
                    response = CentralClient.await(inFlight);
                } catch (CentralClient.UnreachableException e) {
                    current.sent().forEach(i -> ledger.retryLater(i, e.getMessage()));
                    throw e;
                }
                afterSend.answered(current.sent().get(0), response);
                link.answered(clock.instant());
                int status = response.status();
                if (status == 401) {
                    link.refused(response);
                    return null;
                }
                if (unavailable(status)) {
                    link.offline();
                    current.sent().forEach(i -> ledger.retryLater(i, "central answered " + status));
                    return null;
                }
                link.online();
                if (!response.ok()) {
                    // The batch as a whole was refused (too large, or not understood): its entries go
                    // one by one, each answered on its own, so one entry cannot hold up the rest.
                    LOG.info("Central register refused a batch of {} ({}); sending them one by one",
                            current.sent().size(), status);
                    int[] one = pushOneByOne(current);
                    return one[2] == 1 ? null : new int[] {sent + one[0], refused + one[1]};
                }
            }
            inFlight = next == null || next.sent().isEmpty() ? null
                    : client.postAsync("/api/v1/patrons/batch", next.body());
            int[] counts = record(current, response);
            sent += counts[0];
            refused += counts[1];
            if (next == null) {
                return new int[] {sent, refused};
            }
            afterBatch.run();
            current = next;
        }
    }

    /** Answers that say the central register is down or busy, not that something is wrong with the change. */
    private static boolean unavailable(int status) {
        return status == 502 || status == 503 || status == 504 || status == 429 || status == 408;
    }

    /** Sends a refused batch's entries one at a time; {sent, refused, 1 when the round must stop}. */
    private int[] pushOneByOne(RegistrationBatches.Prepared batch) {
        ledger.acknowledgedAll(batch.gone(), java.util.Map.of());
        int sent = 0;
        int refused = 0;
        for (OutboxItem item : batch.sent()) {
            Outcome outcome = push(item);
            if (outcome == Outcome.STOP) {
                return new int[] {sent, refused, 1};
            }
            if (outcome == Outcome.SENT) {
                sent++;
            } else {
                refused++;
            }
        }
        return new int[] {sent, refused, 0};
    }

    /**
     * The central register failed on an entry (5xx): it is sent again later, and after
     * {@value #MAX_ATTEMPTS} failures it goes to Needs attention with the reason instead.
     */
    private void retryLater(OutboxItem item, String reason) {
        if (item.attempts() + 1 >= MAX_ATTEMPTS) {
            ledger.refused(item, "central_error", null, "The central register failed on this change "
                    + MAX_ATTEMPTS + " times (" + reason + "). Send it again later, or ask IT to look at the "
                    + "central register's log.");
        } else {
            ledger.retryLater(item, reason);
        }
    }

    /** Records the answers to one batch: acknowledged entries leave the outbox, refusals become problems. */
    private int[] record(RegistrationBatches.Prepared batch, CentralClient.Response response) {
        List<OutboxItem> acked = new java.util.ArrayList<>(batch.gone());
        java.util.Map<UUID, Integer> versions = new java.util.HashMap<>();
        int sent = 0;
        int refused = 0;
        if (response != null) {
            List<Api.BatchResult> results = client.read(response, Api.BatchResults.class).results();
            for (int k = 0; k < results.size(); k++) {
                Api.BatchResult r = results.get(k);
                OutboxItem item = batch.sent().get(k);
                if (r.status() >= 200 && r.status() < 300) {
                    acked.add(item);
                    versions.put(item.patronId(), r.body().path("version").asInt(1));
                    sent++;
                } else {
                    ledger.refused(item, r.body().path("error").asText("http_" + r.status()),
                            r.body().hasNonNull("existingId") ? UUID.fromString(r.body().get("existingId").asText())
                                    : null, r.body().path("message").asText(""));
                    refused++;
                }
            }
        }
        ledger.acknowledgedAll(acked, versions);
        return new int[] {sent, refused};
    }

    /** The request for one outbox entry, or null when there is nothing left to send for it. */
    private CentralClient.Response send(OutboxItem item) {
        CentralClient client = this.client.madeBy(item.staffUser());
        String path = "/api/v1/patrons/" + item.patronId();
        switch (item.kind()) {
            case PATRON_CREATED -> {
                Optional<Api.Patron> patron = ledger.patron(item.patronId());
                return patron.map(p -> client.post("/api/v1/patrons", item.idemKey(), p)).orElse(null);
            }
            case PIN_EMAIL_REQUESTED -> {
                String language = field(item.payload(), "language", "en");
                return client.post(path + "/pin-email", item.idemKey(), new Api.PinEmailRequest(language,
                        field(item.payload(), "email", null)));
            }
            case PATRON_DELETED -> {
                return client.delete(path, item.idemKey());
            }
            case PATRONS_MERGED -> {
                Api.MergeRequest merge = new Api.MergeRequest(UUID.fromString(field(item.payload(), "otherId", "")),
                        field(item.payload(), "keepCardNumber", null));
                CentralClient.Response r = client.post(path + "/merge", item.idemKey(), merge);
                if (r.status() != 404) {
                    return r;
                }
                // The other record never reached the central register: the survivor's data is all there is.
                Optional<Api.Patron> patron = ledger.patron(item.patronId());
                return patron.map(p -> client.put(path, item.idemKey() + "-m", p.version() == null ? 1 : p.version(),
                        p)).orElse(null);
            }
            default -> {
                // A change that took the patron's card out of use says why, as the desk recorded it.
                String retired = field(item.payload(), "cardRetiredBecause", null);
                Optional<Api.Patron> patron = ledger.patron(item.patronId());
                return patron.map(p -> client.put(path, item.idemKey(), p.version() == null ? 1 : p.version(), p,
                        retired == null ? java.util.Map.of() : java.util.Map.of(Api.CARD_RETIRED_HEADER, retired)))
                        .orElse(null);
            }
        }
    }

    private Integer version(CentralClient.Response r) {
        if (r.body() == null || r.body().isBlank()) {
            return null;
        }
        try {
            JsonNode v = json.readTree(r.body()).get("version");
            return v == null || v.isNull() ? null : v.asInt();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Api.Error readError(CentralClient.Response r) {
        try {
            return json.readValue(r.body(), Api.Error.class);
        } catch (java.io.IOException e) {
            return new Api.Error("http_" + r.status(), null, "The central register answered " + r.status() + ".",
                    null);
        }
    }

    private String field(String payload, String name, String fallback) {
        try {
            JsonNode v = json.readTree(payload).get(name);
            return v == null || v.isNull() ? fallback : v.asText();
        } catch (java.io.IOException e) {
            return fallback;
        }
    }
}
