package app.carddesk.sync;

import app.carddesk.api.Api;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Pulls page after page; the next page is fetched and read while the desk stores the current
     * one.
     *
     * @param progress told how many changes were stored so far, after each page that has more behind it
     */
    int pull(java.util.function.IntConsumer progress) {
        int applied = 0;
        long after = ledger.lastChangeSeq();
        CompletableFuture<Page> next = fetch(after);
        while (true) {
            Page answer = CentralClient.await(next);
            if (!answer.response().ok()) {
                if (answer.response().status() == 401 || answer.response().status() == 403) {
                    link.refused(answer.response());
                }
                return applied;
            }
            link.online();
            link.answered(clock.instant());
            Api.Changes page = answer.changes();
            if (page.more()) {
                next = fetch(page.last());
            }
            if (!page.changes().isEmpty()) {
                ledger.applyChanges(page.changes(), page.last());
                applied += page.changes().size();
            }
            if (!page.more()) {
                return applied;
            }
            progress.accept(applied);
        }
    }

    /** One page asked for, and read on the HTTP client's thread when it is a page. */
    private CompletableFuture<Page> fetch(long after) {
        return client.getAsync(changesAfter(after))
                .thenApply(r -> new Page(r, r.ok() ? client.read(r, Api.Changes.class) : null));
    }

    private record Page(CentralClient.Response response, Api.Changes changes) {
    }

    private static String changesAfter(long seq) {
        return "/api/v1/changes?after=" + seq + "&limit=" + PAGE;
    }
}
