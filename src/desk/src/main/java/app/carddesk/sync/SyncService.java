package app.carddesk.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sync round: the outbox pushed to the central register in order, then this library's change
 * feed pulled, then the desk's own audit entries sent up; and what staff see of it (the status).
 * Questions asked while staff wait go through {@link #queries()} and share the round's view of
 * whether the central register answers.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /** Called after a request was answered and before the answer is recorded: a seam for crash tests. */
    @FunctionalInterface
    public interface AfterSend {
        void answered(OutboxItem item, CentralClient.Response response);
    }

    /**
     * What one round did.
     *
     * @param pushing how long sending the waiting changes and recording the answers took (the round's
     *                pull follows it)
     */
    public record Round(int sent, int refused, int pulled, SyncStatus.State state, Duration pushing) {
    }

    private final SyncLedger ledger;
    private final CentralLink link = new CentralLink();
    private final OutboxPush push;
    private final FeedPull pull;
    private final AuditPush audit;
    private final CentralQueries queries;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<app.carddesk.domain.LibraryConfiguration>> configurationListeners =
            new CopyOnWriteArrayList<>();
    private volatile ConfigurationPull configuration;

    public SyncService(CentralClient client, SyncLedger ledger, ObjectMapper json, Clock clock, AfterSend afterSend) {
        this(client, client, ledger, json, clock, afterSend);
    }

    /**
     * @param queries the client look-ups go through: they are made for the signed-in person, while
     *                pushing and pulling are the workstation's own work
     */
    public SyncService(CentralClient client, CentralClient queries, SyncLedger ledger, ObjectMapper json, Clock clock,
                       AfterSend afterSend) {
        this.ledger = ledger;
        this.push = new OutboxPush(client, ledger, json, clock, afterSend, link);
        this.pull = new FeedPull(client, ledger, clock, link);
        this.audit = new AuditPush(client, ledger);
        this.queries = new CentralQueries(queries, ledger, link);
        // The status bar says so at once, not at the next round.
        link.whenLost(this::publish);
        client.identifyAs(ledger.deskId());
    }

    public SyncService(CentralClient client, SyncLedger ledger, ObjectMapper json, Clock clock) {
        this(client, ledger, json, clock, (item, response) -> { });
    }

    /** Look-ups in the central register: by card, national ID or search, and one patron's version. */
    public CentralQueries queries() {
        return queries;
    }

    public void onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /** Each round also asks whether the library's configuration changed, and applies it. */
    public SyncService withConfiguration(ConfigurationPull pull) {
        this.configuration = pull;
        return this;
    }

    /** Told of each changed configuration a round applied (on the sync's thread). */
    public void onConfiguration(Consumer<app.carddesk.domain.LibraryConfiguration> listener) {
        configurationListeners.add(listener);
    }

    public SyncStatus status() {
        return new SyncStatus(link.state(), ledger.pendingCount(), ledger.oldestPendingAt(), link.lastAnswerAt(),
                ledger.openProblemCount(), receiving);
    }

    /** Changes received so far in a pull that has more to come (0: none under way). */
    private volatile long receiving;

    /** Pushes everything waiting, then pulls what changed; safe to call again at any time. */
    public synchronized Round syncOnce() {
        int sent = 0;
        int refused = 0;
        int pulled = 0;
        Duration pushing = Duration.ZERO;
        boolean wasOffline = link.state() == SyncStatus.State.OFFLINE || link.state() == SyncStatus.State.UNTRUSTED;
        boolean firstContact = link.lastAnswerAt() == null;
        try {
            long started = System.nanoTime();
            // Staff see a long round move: the waiting count after each batch sent, and what arrived so far.
            int[] pushed = push.pushAll(this::publish);
            pushing = Duration.ofNanos(System.nanoTime() - started);
            sent = pushed[0];
            refused = pushed[1];
            SyncStatus.State state = link.state();
            if (state != SyncStatus.State.UNAUTHORIZED && state != SyncStatus.State.REVOKED && (state == SyncStatus.State.ONLINE || sent + refused == 0)) {
                try {
                    pulled = pull.pull(received -> {
                        receiving = received;
                        publish();
                    });
                } finally {
                    receiving = 0;
                }
                if (configuration != null && link.state() == SyncStatus.State.ONLINE) {
                    configuration.pull().ifPresent(c -> configurationListeners.forEach(l -> l.accept(c)));
                }
                if (link.state() == SyncStatus.State.ONLINE) {
                    audit.pushAll();
                }
            }
            if (wasOffline && link.state() == SyncStatus.State.ONLINE) {
                LOG.info(firstContact ? "Central register reached; {} change(s) sent"
                        : "Central register reachable again; {} change(s) sent", sent);
            }
        } catch (CentralClient.UnreachableException e) {
            if (e.untrusted()) {
                link.untrusted();
            } else {
                link.offline();
            }
            // Said once when the link goes down, not at every round while it stays down (a day offline
            // would fill the log with thousands of the same line).
            if (wasOffline) {
                LOG.debug("Central register still unreachable ({}); {} change(s) wait", e.getMessage(),
                        ledger.pendingCount());
            } else {
                LOG.info("Central register unreachable ({}); {} change(s) wait", e.getMessage(), ledger.pendingCount());
            }
        }
        publish();
        return new Round(sent, refused, pulled, link.state(), pushing);
    }

    private void publish() {
        SyncStatus s = status();
        listeners.forEach(l -> l.accept(s));
    }
}
