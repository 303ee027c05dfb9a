package app.carddesk.bench;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.Mailer;
import app.carddesk.domain.PatronIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * The central register under the load of many desks, on loopback: 100 simulated desks offer
 * registrations and edits at a fixed rate (open loop: a request is due when its time comes, whether
 * or not earlier ones have been answered, and its latency counts from that time; each desk sends its
 * requests one after the other, as a desk's sync does), then as fast as they can (closed loop),
 * beside the same rows inserted straight into the database. It checks its own
 * work: every answer a 2xx, and every registration and edit in the register, or it exits non-zero.
 *
 * <p>{@code mvn test-compile exec:exec@bench-load} (H2), {@code -Dcarddesk.load.db=postgres} for
 * {@code CARDDESK_TEST_PG_URL}; {@code -Dcarddesk.bench=smoke} runs a few seconds at a low rate.
 */
public final class LoadBenchmark {

    private static final boolean SMOKE = "smoke".equals(System.getProperty("carddesk.bench"));
    private static final int DESKS = 100;
    private static final int RATE = SMOKE ? 100 : 500;
    private static final int SECONDS = SMOKE ? 5 : 60;
    private static final int CLOSED_SECONDS = SMOKE ? 3 : 20;
    /**
     * Seconds of each warm-up step (a third, two thirds and all of the rate); {@code
     * -Dcarddesk.load.warmup=40} for a longer one. On a slow day of a 2-core machine the JIT
     * compilers still work through much of the measured minute, on the same cores: the benchmark
     * prints how long, beside the figures.
     */
    private static final int WARM_UP_STEP_SECONDS = SMOKE ? 1 : Integer.getInteger("carddesk.load.warmup", 10);
    /**
     * After the steps, the full rate goes on in rounds of this many seconds until the JIT compilers
     * worked less than a tenth of a round ({@code -Dcarddesk.load.settle=0}: not at all), for at most
     * {@link #SETTLE_MAX_SECONDS}: a central serves for months, and its steady state is the one
     * measured; the time it took to get there is printed.
     */
    private static final int SETTLE_ROUND_SECONDS = 10;
    private static final int SETTLE_MAX_SECONDS = SMOKE ? 0 : Integer.getInteger("carddesk.load.settle", 180);
    private static final String TOKEN = "load-bench-token";
    private static final ObjectMapper JSON = Json.mapper();
    private static final Clock CLOCK = Clock.systemUTC();

    private final URI base;
    private final HttpClient http;
    private final AtomicInteger nextCard = new AtomicInteger();
    private final Desk[] desks = new Desk[DESKS];
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong edited = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    /** One simulated desk: the patrons it registered, with the version it last saw of each. */
    private static final class Desk {
        final List<UUID> patrons = new ArrayList<>();
        final Map<UUID, Integer> versions = new HashMap<>();
        final Map<UUID, String> cards = new HashMap<>();
        long sent;
        boolean busyEditing;
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    }

    private LoadBenchmark(URI base, ExecutorService executor) {
        this.base = base;
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < DESKS; i++) {
            desks[i] = new Desk();
        }
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("carddesk.load.db", "h2");
        BenchFolder dir = BenchFolder.create("carddesk-load");
        String url = "postgres".equals(db) ? pgUrl() : "jdbc:h2:file:" + dir.resolve("central");
        Map<String, String> env = new HashMap<>(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_CENTRAL_TOKEN", TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK", "CARDDESK_RETENTION_AT", "off"));
        if ("postgres".equals(db)) {
            env.put("CARDDESK_CENTRAL_DB_USER", System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"));
            env.put("CARDDESK_CENTRAL_DB_PASSWORD", System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", ""));
            resetPostgres(url, env);
        }
        CentralConfig config = CentralConfig.from(env).with(0, url);
        Mailer noMail = (to, subject, body) -> { };
        System.out.printf("central under load, %s, %d cores, %d simulated desks on loopback%n", db,
                Runtime.getRuntime().availableProcessors(), DESKS);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        int exit;
        try (CentralServer central = CentralServer.start(config, noMail, Clock.systemUTC())) {
            LoadBenchmark bench = new LoadBenchmark(URI.create("http://127.0.0.1:" + central.port()), executor);
            // Warmed up as a service is after its start, by a rising load up to the rate under test, until the
            // compiler has made the paths fast (at the full rate from cold, the first 20 s go to the compiler).
            for (int step = 1; step <= 3; step++) {
                bench.openLoop(RATE * step / 3, WARM_UP_STEP_SECONDS, true);
            }
            int warmedUp = 3 * WARM_UP_STEP_SECONDS;
            long lastRound = -1;
            for (int settled = 0; settled < SETTLE_MAX_SECONDS; settled += SETTLE_ROUND_SECONDS) {
                long before = Jit.compilingMillis();
                bench.openLoop(RATE, SETTLE_ROUND_SECONDS, true);
                warmedUp += SETTLE_ROUND_SECONDS;
                lastRound = Jit.compilingMillis() - before;
                if (lastRound < SETTLE_ROUND_SECONDS * 100L) {
                    break;
                }
            }
            long compiling = Jit.compilingMillis();
            long[] open = bench.openLoop(RATE, SECONDS, false);
            compiling = Jit.compilingMillis() - compiling;
            long[] closed = bench.closedLoop(CLOSED_SECONDS);
            double direct = directInserts(central.database().jdbi(), SMOKE ? 2_000 : 20_000);
            exit = bench.verify(central.database().jdbi()) ? 0 : 1;
            System.out.printf("  open loop, %d/s offered for %d s: %,d answered, p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms (goal: p99 at most 50 ms, 0 errors)%n", RATE, SECONDS, open.length,
                    pct(open, 50), pct(open, 99), pct(open, 100));
            System.out.printf("    after a warm-up of %d s (%s); the JIT compilers worked %.1f s during the "
                    + "open loop, on the same cores%n", warmedUp, lastRound < 0 ? "rising in three steps"
                    : lastRound < SETTLE_ROUND_SECONDS * 100L ? "until the JIT compilers worked under a tenth of "
                    + "the last " + SETTLE_ROUND_SECONDS + " s" : "the JIT compilers still at work after the "
                    + SETTLE_MAX_SECONDS + " s allowed for them", compiling / 1e3);
            System.out.printf("  closed loop, %d desks as fast as answered for %d s: %,.0f per second, p50 %.1f ms, "
                    + "p99 %.1f ms%n", DESKS, CLOSED_SECONDS, closed.length / (double) CLOSED_SECONDS,
                    pct(closed, 50), pct(closed, 99));
            System.out.printf("  the same patrons and cards inserted straight into the database: %,.0f per second%n",
                    direct);
            System.out.printf("  errors: %d; registered %,d, edited %,d%n", bench.errors.size(), bench.registered.get(),
                    bench.edited.get());
            bench.errors.stream().limit(5).forEach(e -> System.out.println("    " + e));
        } finally {
            executor.shutdownNow();
        }
        System.exit(exit);
    }

    /** Offers requests at a fixed rate for a while; returns the latencies (ns) from each request's due time. */
    private long[] openLoop(int rate, int seconds, boolean warmUp) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            Desk desk = desks[i % DESKS];
            synchronized (desk) {
                // A desk sends one request after the other, as a desk's sync does (one connection at a time); a
                // request that waits for the one before it counts the wait in its latency.
                desk.last = desk.last.thenCompose(x -> request(desk)).thenAccept(ok -> latencies[n] = System.nanoTime()
                        - due);
                inFlight.add(desk.last);
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        if (warmUp) {
            System.out.printf("  warm-up: %,d requests at %d/s%n", total, rate);
        }
        return latencies;
    }

    /** Each desk sends its next request when the last is answered. */
    private long[] closedLoop(int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (Desk desk : desks) {
            loops.add(loop(desk, end, latencies));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private CompletableFuture<Void> loop(Desk desk, long end, ConcurrentLinkedQueue<Long> latencies) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        long t0 = System.nanoTime();
        return request(desk).thenCompose(ok -> {
            latencies.add(System.nanoTime() - t0);
            return loop(desk, end, latencies);
        });
    }

    /** Every other request of a desk edits one of its patrons (unless it is still editing one), the rest register. */
    private CompletableFuture<Boolean> request(Desk desk) {
        UUID edit = null;
        int version = 0;
        String card = null;
        synchronized (desk) {
            boolean editTurn = desk.sent++ % 2 == 1;
            if (editTurn && !desk.busyEditing && !desk.patrons.isEmpty()) {
                edit = desk.patrons.get((int) (desk.sent / 2 % desk.patrons.size()));
                version = desk.versions.get(edit);
                card = desk.cards.get(edit);
                desk.busyEditing = true;
            }
        }
        return edit == null ? register(desk) : edit(desk, edit, card, version);
    }

    private CompletableFuture<Boolean> register(Desk desk) {
        int n = nextCard.getAndIncrement();
        // Ids and idempotency keys as a desk makes them: time-ordered (PatronIds, RANDOM_UUID(7)).
        UUID id = PatronIds.next(CLOCK);
        String card = "4099" + String.format("%05d", n);
        Api.Patron p = new Api.Patron(id, card, new Api.Identity("NONE", null),
                "Surname" + n, "Given" + (n % 997), LocalDate.of(1960, 1, 1).plusDays(n % 15_000),
                "patron" + n + "@example.org", "+45 20 " + String.format("%06d", n),
                new Api.Address("Vej " + n, "1000", "København K", "Danmark"), "KB-SK", "STUDENT", null, true, 0L, 0L,
                null, List.of());
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/patrons")).POST(body(p))
                .header("Idempotency-Key", PatronIds.next(CLOCK).toString()), 201, "register").thenApply(answer -> {
                    if (answer == null) {
                        return false;
                    }
                    synchronized (desk) {
                        desk.patrons.add(id);
                        desk.versions.put(id, answer.version());
                        desk.cards.put(id, card);
                    }
                    registered.incrementAndGet();
                    return true;
                });
    }

    private CompletableFuture<Boolean> edit(Desk desk, UUID id, String card, int version) {
        int n = nextCard.get();
        Api.Patron change = new Api.Patron(id, card, new Api.Identity("NONE", null), "Surname" + n, "Edited", LocalDate.of(1980, 5, 5),
                "edited" + n + "@example.org", "+45 30 " + String.format("%06d", n),
                new Api.Address("Gade " + n, "2100", "København Ø", "Danmark"), "KB-SK", "STUDENT", null, true, 0L, 0L,
                version, List.of());
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/patrons/" + id)).PUT(body(change))
                .header("If-Match", String.valueOf(version)).header("Idempotency-Key", PatronIds.next(CLOCK).toString()),
                200, "edit").thenApply(answer -> {
                    synchronized (desk) {
                        desk.busyEditing = false;
                        if (answer != null) {
                            desk.versions.put(id, answer.version());
                        }
                    }
                    if (answer != null) {
                        edited.incrementAndGet();
                    }
                    return answer != null;
                });
    }

    private CompletableFuture<Api.Patron> send(HttpRequest.Builder request, int expected, String what) {
        HttpRequest r = request.header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((response, failed) -> {
            if (failed != null) {
                errors.add(what + ": " + failed);
                return null;
            }
            if (response.statusCode() != expected) {
                errors.add(what + ": " + response.statusCode() + " " + response.body());
                return null;
            }
            try {
                return JSON.readValue(response.body(), Api.Patron.class);
            } catch (Exception e) {
                errors.add(what + ": unreadable answer " + e.getMessage());
                return null;
            }
        });
    }

    private static HttpRequest.BodyPublisher body(Object o) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(o));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every answered registration is a patron, and every answered edit moved a version on. */
    private boolean verify(Jdbi jdbi) {
        long patrons = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron WHERE library_code = 'DEMO-DK' "
                + "AND card_number LIKE '4099%'").mapTo(Long.class).one());
        long versions = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(version - 1), 0) FROM patron "
                + "WHERE library_code = 'DEMO-DK' AND card_number LIKE '4099%'").mapTo(Long.class).one());
        boolean ok = errors.isEmpty() && patrons == registered.get() && versions == edited.get();
        if (!ok) {
            System.out.printf("load benchmark: %d errors, %,d patrons in the register of %,d registered, %,d edits "
                    + "stored of %,d answered; the figures below do not count%n", errors.size(), patrons,
                    registered.get(), versions, edited.get());
        }
        return ok;
    }

    /** The comparison: the rows a registration writes, inserted in one statement, per second. */
    private static double directInserts(Jdbi jdbi, int n) {
        long t0 = System.nanoTime();
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO patron (id, library_code, card_number, identity_kind, surname, "
                    + "given_name, birth_date, address_line, postal_code, city, country, category_code, "
                    + "pickup_library_code, registration_kind, version, created_at, updated_at) VALUES (?, 'DEMO-DK', "
                    + "?, 'NONE', ?, 'Given', DATE '1980-01-01', 'Vej', '1000', 'København K', 'Danmark', 'STUDENT', "
                    + "'KB-SK', 'EXPECTS_NATIONAL_ID', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            for (int i = 0; i < n; i++) {
                batch.add(PatronIds.next(CLOCK), "4098" + String.format("%06d", i), "Direct" + i);
            }
            batch.execute();
        });
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double pct(long[] ns, int p) {
        if (ns.length == 0) {
            return Double.NaN;
        }
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(i, 0)] / 1e6;
    }

    private static String pgUrl() {
        String url = System.getenv("CARDDESK_TEST_PG_URL");
        if (url == null) {
            throw new IllegalStateException("-Dcarddesk.load.db=postgres needs CARDDESK_TEST_PG_URL");
        }
        return url;
    }

    /** A register of its own: the benchmark starts from an empty PostgreSQL schema. */
    private static void resetPostgres(String url, Map<String, String> env) {
        Jdbi.create(url, env.get("CARDDESK_CENTRAL_DB_USER"), env.get("CARDDESK_CENTRAL_DB_PASSWORD"))
                .useHandle(h -> h.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
    }
}
