package app.carddesk.sync;

import app.carddesk.api.Api;
import java.time.Clock;

/** Pulls this library's change feed into the desk's register, page after page. */
final class FeedPull {

    private static final int PAGE = Api.FEED_PAGE_MAX;

    private final CentralClient client;
    private final SyncLedger ledger;
    private final Clock clock;
    private final CentralLink link;

    FeedPull(CentralClient client, SyncLedger ledger, Clock clock, CentralLink link) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
        this.link = link;
    }

    /** Pulls page after page; the next page is on its way while the desk stores the current one. */
    int pull() {
        int applied = 0;
        long after = ledger.lastChangeSeq();
        java.util.concurrent.CompletableFuture<CentralClient.Response> next = client.getAsync(changesAfter(after));
        while (true) {
            CentralClient.Response r = CentralClient.await(next);
            if (!r.ok()) {
                if (r.status() == 401 || r.status() == 403) {
                    link.unauthorized();
                }
                return applied;
            }
            link.online();
            link.answered(clock.instant());
            Api.Changes page = client.read(r, Api.Changes.class);
            if (page.more()) {
                next = client.getAsync(changesAfter(page.last()));
            }
            if (!page.changes().isEmpty()) {
                ledger.applyChanges(page.changes(), page.last());
                applied += page.changes().size();
            }
            if (!page.more()) {
                return applied;
            }
        }
    }

    private static String changesAfter(long seq) {
        return "/api/v1/changes?after=" + seq + "&limit=" + PAGE;
    }
}
