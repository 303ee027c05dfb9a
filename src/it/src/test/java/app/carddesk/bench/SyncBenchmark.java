package app.carddesk.bench;

import app.carddesk.DeskBackend;
import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralPatronRows;
import app.carddesk.central.CentralServer;
import app.carddesk.central.Mailer;
import app.carddesk.store.JdbiSyncLedger;
import app.carddesk.sync.CentralClient;
import app.carddesk.sync.SyncService;
import app.carddesk.sync.SyncStatus;
import app.carddesk.ui.DeskConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Sync throughput between a desk and the central service on loopback: 10,000 queued
 * registrations pushed, and a delta pull of 100,000 changes, each against the same rows written
 * straight into H2.
 */
public final class SyncBenchmark {

    /** {@code -Dcarddesk.bench=smoke}: a small run that checks the counts only, as CI runs it. */
    private static final boolean SMOKE = "smoke".equals(System.getProperty("carddesk.bench"));
    private static final int PUSH = SMOKE ? 2_000 : 10_000;
    private static final int PULL = SMOKE ? 12_000 : 100_000;
    private static final String TOKEN = "bench-token";
    /**
     * Warm-up rounds do the measured rounds' work (10,000 pushed, 100,000 pulled), so the JIT
     * compilers have met the paths a round of that size takes: with rounds of 5,000 and 20,000 the
     * compilers still worked 3-5 s during each measured round on these two cores (the desk, the
     * central service and the compilers share them), and the figures varied by half. Each round
     * prints the compilers' time; after three the figures are those of a desk and a central
     * service that have been running for a minute or two.
     */
    private static final int WARM_UP_ROUNDS = 3;

    private SyncBenchmark() {
    }

    static void run() throws IOException {
        Clock clock = Clock.systemUTC();
        if (!SMOKE) {
            System.out.printf("sync: %d warm-up rounds of %,d pushed and %,d pulled first, the measured rounds' work, "
                    + "for the JIT compiler; the figures after them are the measured rounds%n", WARM_UP_ROUNDS, PUSH, PULL);
            for (int i = 1; i <= WARM_UP_ROUNDS; i++) {
                push(clock, PUSH, true);
                pull(clock, PULL, true);
            }
        }
        push(clock, PUSH, false);
        pull(clock, PULL, false);
    }

    /** Standalone: {@code mvn test-compile exec:exec@bench-sync} (with -Dcarddesk.bench=smoke in CI). */
    public static void main(String[] args) throws Exception {
        run();
    }

    /** A benchmark that did less than it set out to do has no figure to give: it says so and fails. */
    private static void check(String what, long done, long expected) {
        if (done != expected) {
            throw new IllegalStateException("sync benchmark: " + what + " " + done + " of " + expected
                    + "; the figures above do not count");
        }
    }

    /**
     * What staff saw of a long round: after each batch sent, the changes still waiting (fewer each
     * time); after each page received with more to come, how many arrived so far (a page more each time).
     */
    private static void checkProgress(java.util.List<SyncStatus> seen, int pushed, int pulled) {
        java.util.List<Long> waiting = seen.stream().filter(s -> s.receiving() == 0).map(SyncStatus::pending)
                .filter(n -> n > 0).toList();
        for (int i = 1; i < waiting.size(); i++) {
            check("changes waiting, told after batch " + (i + 1) + ", fewer than after the batch before",
                    Long.compare(waiting.get(i), waiting.get(i - 1)), -1);
        }
        int batches = (pushed + Api.MAX_BATCH_ITEMS - 1) / Api.MAX_BATCH_ITEMS;
        if (waiting.size() < batches - 1) {
            check("reports of what still waits while sending (at least)", waiting.size(), batches - 1);
        }
        java.util.List<Long> received = seen.stream().map(SyncStatus::receiving).filter(n -> n > 0).toList();
        int pages = (pulled + Api.FEED_PAGE_MAX - 1) / Api.FEED_PAGE_MAX;
        check("reports of what arrived so far while receiving", received.size(), Math.max(0, pages - 1));
        for (int i = 0; i < received.size(); i++) {
            check("changes received so far, told after page " + (i + 1), received.get(i),
                    (long) (i + 1) * Api.FEED_PAGE_MAX);
        }
    }

    /**
     * Writes what the set-up inserted to the H2 file now: H2 writes it in the background otherwise,
     * and that write would be timed as part of the sync round that follows.
     */
    private static void settle(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    }

    /**
     * How much of the measured round the JIT compilers spent compiling, on the same two cores: the
     * part of the figure that belongs to a JVM that has not run the sync long, not to the sync.
     */
    private static void compilerAtWork(long millis) {
        System.out.printf("  the JIT compilers worked %.2f s during the measured round%n", millis / 1e3);
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static CentralServer central(Path dir) {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(0, "jdbc:h2:file:" + dir.resolve("central"));
        Mailer noMail = (to, subject, body) -> { };
        return CentralServer.start(config, noMail, Clock.systemUTC());
    }

    private static SyncService sync(DeskBackend desk, CentralServer central, Clock clock) {
        return new SyncService(new CentralClient(URI.create("http://127.0.0.1:" + central.port()), TOKEN,
                Json.mapper(), Duration.ofSeconds(5)), new JdbiSyncLedger(desk.database(), clock, "bench"),
                Json.mapper(), clock);
    }

    private static void push(Clock clock, int count, boolean warmUp) throws IOException {
        try (BenchFolder dir = BenchFolder.create("carddesk-sync-push");
             CentralServer central = central(dir.resolve("central"));
             DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("desk"), "DEMO-DK", Locale.ENGLISH),
                     clock)) {
            queue(desk.database().jdbi(), count, true);
            settle(desk.database().jdbi());
            SyncService sync = sync(desk, central, clock);
            java.util.List<SyncStatus> seen = new java.util.ArrayList<>();
            sync.onStatus(seen::add);
            long compiling = Jit.compilingMillis();
            long t0 = System.nanoTime();
            SyncService.Round round = sync.syncOnce();
            double wholeRound = (System.nanoTime() - t0) / 1e9;
            double seconds = round.pushing().toNanos() / 1e9;
            compiling = Jit.compilingMillis() - compiling;
            check("pushed", round.sent(), count);
            check("own changes pulled back in the push's round", round.pulled(), count);
            check("patrons at the central register after the push",
                    count(central.database().jdbi(), "SELECT COUNT(*) FROM patron"), count);
            check("entries still waiting at the desk after the push",
                    new JdbiSyncLedger(desk.database(), clock, "bench").pendingCount(), 0);
            checkProgress(seen, count, round.pulled());
            if (warmUp) {
                System.out.printf("  warm-up push: %,d in %.2f s = %,.0f per second, the round %.2f s (JIT %.2f s)%n",
                        round.sent(), seconds, round.sent() / seconds, wholeRound, compiling / 1e3);
                return;
            }
            long direct = directCentralWrites(dir.resolve("direct"), PUSH);
            System.out.printf("sync push: %,d queued registrations sent to the central service on loopback in "
                    + "%.2f s = %,.0f per second (goal: at least 5,000)%n", round.sent(), seconds,
                    round.sent() / seconds);
            System.out.printf("  the whole sync round, with the pull of the desk's own %,d changes back that follows "
                    + "the push: %.2f s%n", round.pulled(), wholeRound);
            System.out.printf("  the same %,d patrons and cards written straight into the central H2: %.2f s%n",
                    PUSH, direct / 1e9);
            compilerAtWork(compiling);
        }
    }

    private static void pull(Clock clock, int count, boolean warmUp) throws IOException {
        try (BenchFolder dir = BenchFolder.create("carddesk-sync-pull");
             CentralServer central = central(dir.resolve("central"));
             DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("desk"), "DEMO-DK", Locale.ENGLISH),
                     clock)) {
            CentralPatronRows.withCardsAndFeed(central.database().jdbi(), count);
            settle(central.database().jdbi());
            // The first read of the feed gives the changes committed since the last read their places
            // (V18__feed_delivery_order.sql): here another desk's, timed on its own.
            CentralClient first = new CentralClient(URI.create("http://127.0.0.1:" + central.port()), TOKEN,
                    Json.mapper(), Duration.ofSeconds(60));
            long p0 = System.nanoTime();
            check("answer to the first read of the feed",
                    CentralClient.await(first.getAsync("/api/v1/changes?after=0&limit=1")).status(), 200);
            double placing = (System.nanoTime() - p0) / 1e9;
            check("changes without a place after the first read",
                    count(central.database().jdbi(), "SELECT COUNT(*) FROM change_feed WHERE delivery_seq IS NULL"), 0);
            settle(central.database().jdbi());
            SyncService sync = sync(desk, central, clock);
            java.util.List<SyncStatus> seen = new java.util.ArrayList<>();
            sync.onStatus(seen::add);
            long compiling = Jit.compilingMillis();
            long t0 = System.nanoTime();
            SyncService.Round round = sync.syncOnce();
            double seconds = (System.nanoTime() - t0) / 1e9;
            compiling = Jit.compilingMillis() - compiling;
            check("pulled", round.pulled(), count);
            checkProgress(seen, 0, count);
            check("patrons at the desk after the pull", count(desk.database().jdbi(), "SELECT COUNT(*) FROM patron"),
                    count);
            if (warmUp) {
                System.out.printf("  warm-up pull: %,d in %.2f s (JIT %.2f s)%n", round.pulled(), seconds, compiling / 1e3);
                return;
            }
            DeskBackend other = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("direct"), "DEMO-DK", Locale.ENGLISH),
                    clock);
            long d0 = System.nanoTime();
            queue(other.database().jdbi(), PULL, false);
            long direct = System.nanoTime() - d0;
            other.close();
            System.out.printf("sync pull: a delta of %,d changes pulled into an empty desk in %.2f s "
                    + "(goal: at most 5 s)%n", round.pulled(), seconds);
            System.out.printf("  before it, the feed's first read after the %,d changes were written gave them their "
                    + "places in %.2f s (once, whichever desk reads first)%n", count, placing);
            System.out.printf("  the same %,d patrons and cards written straight into the desk's H2: %.2f s%n", PULL,
                    direct / 1e9);
            compilerAtWork(compiling);
        }
    }

    /**
     * Patrons and cards, and with {@code outbox} their PATRON_CREATED outbox entries, as issuing at
     * the desk leaves them; without, as a pull leaves them. Ids and idempotency keys are made as the
     * desk makes them: time-ordered (UUID version 7, {@code PatronIds}).
     */
    private static void queue(Jdbi jdbi, int n, boolean outbox) {
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO patron (id, card_number, identity_kind, surname, given_name, surname_key,
                        given_name_key, birth_date, address_line, postal_code, city, country, category_code,
                        pickup_library_code, registration_kind, pin_delivery, pin_change_advised, created_at,
                        created_by, updated_at, version)
                    SELECT RANDOM_UUID(7), '4099' || LPAD(CAST(X AS VARCHAR), 5, '0'), 'NONE', 'Surname' || X,
                        'Given' || MOD(X, 997), 'surname' || X, 'given' || MOD(X, 997),
                        DATEADD(DAY, -MOD(X, 20000), DATE '2005-01-01'), 'Vej ' || X, '1000', 'København K', 'Danmark',
                        'STUDENT', 'KB-SK', 'EXPECTS_NATIONAL_ID', 'OWN_PIN', TRUE, CURRENT_TIMESTAMP, 'bench',
                        CURRENT_TIMESTAMP, 1
                    FROM SYSTEM_RANGE(0, ?)""", n - 1);
            h.execute("INSERT INTO card (number, status, patron_id, issued_at) "
                    + "SELECT card_number, 'ISSUED', id, created_at FROM patron");
            if (outbox) {
                h.execute("INSERT INTO outbox (patron_id, kind, payload, created_at, idem_key) "
                        + "SELECT id, 'PATRON_CREATED', '{}', created_at, CAST(RANDOM_UUID(7) AS VARCHAR) FROM patron "
                        + "ORDER BY card_number");
            }
        });
    }

    /** The comparison for the push: the rows the central service writes, written in one statement each. */
    private static long directCentralWrites(Path dir, int n) {
        try (CentralServer direct = central(dir)) {
            long t0 = System.nanoTime();
            CentralPatronRows.withCardsAndFeed(direct.database().jdbi(), n);
            return System.nanoTime() - t0;
        }
    }
}
