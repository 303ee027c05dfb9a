package app.carddesk.fuzz;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.Envelope;
import app.carddesk.central.SmtpMailer;
import app.carddesk.fuzz.FuzzState.Call;
import app.carddesk.fuzz.FuzzState.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fuzzes the central API: starts the real central service on loopback (H2 in a temporary folder,
 * or the PostgreSQL of {@code CARDDESK_TEST_PG_URL}; GreenMail as its mail server), reads every
 * route from {@code openapi.yaml} and sends valid-looking requests built from the document and
 * from the patrons it has registered, most of them changed for the worse: wrong or missing
 * tokens, broken JSON, wrong types, over-long and hostile texts, control characters, nulls in
 * arrays, random ids, bad query values, missing and over-long headers. It prints what it got and
 * exits non-zero on any 5xx, any answer slower than 2 s, or a route of the document it could not
 * exercise, naming the request.
 *
 * <p>{@code mvn test-compile exec:exec@fuzz [-Dcarddesk.fuzz.requests=10000] [-Dcarddesk.fuzz.seed=N]
 * [-Dcarddesk.fuzz.db=postgres]}
 */
public final class CentralApiFuzzer {

    private static final Duration SLOW = Duration.ofSeconds(2);
    private static final String TOKEN_DK = "fuzz-token-dk";
    private final List<OpenApiRoutes.Route> routes;
    private final OpenApiRoutes api;
    private final Mutations odd;
    private final Random random;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The set-up's own connections, which the run's malformed requests never touch. */
    private final HttpClient setUp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final FuzzState state;
    private final ValidRequests valid;
    private final BadRequests bad;

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, long[]> byRoute = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    /** Requests answered on a new connection after the kept one was found closed. */
    private int sentAgain;
    private long sent;
    private long slowestNanos;
    private String slowest = "";

    private CentralApiFuzzer(OpenApiRoutes api, long seed, String base, String tokenNo, String tokenBgo) {
        this.api = api;
        this.routes = api.routes();
        this.random = new Random(seed);
        this.odd = new Mutations(random);
        this.base = base;
        this.state = new FuzzState(List.of(
                new Library("DEMO-DK", TOKEN_DK, "DK", "4099", 5, 1, 1, "KB-SK"),
                new Library("DEMO-NO", tokenNo, "NO", "N", 9, 1, 2, "OSL-HOV"),
                new Library("DEMO-NO-BGO", tokenBgo, "NO", "N", 9, 10_000_001, 1, "BGO-HOV")), random);
        this.valid = new ValidRequests(api, odd, random, state, call -> exchangeRaw("GET", call));
        this.bad = new BadRequests(odd, random, state);
    }

    public static void main(String[] args) throws Exception {
        int requests = intProperty("carddesk.fuzz.requests", 10_000);
        String seedText = System.getProperty("carddesk.fuzz.seed", "");
        long seed = seedText.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seedText.trim());
        boolean postgres = "postgres".equalsIgnoreCase(System.getProperty("carddesk.fuzz.db", "h2").trim());
        // Refused bodies are the point here: the web server's warning for each would drown the report.
        for (String noisy : List.of("io.javalin", "org.eclipse.jetty")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(noisy))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        System.out.printf(Locale.ROOT, "fuzz: %,d requests on %s, seed %d (repeat with -Dcarddesk.fuzz.seed=%d)%n",
                requests, postgres ? "PostgreSQL" : "H2", seed, seed);
        OpenApiRoutes api;
        try (InputStream yaml = CentralServer.class.getResourceAsStream("/app/carddesk/central/openapi.yaml")) {
            api = OpenApiRoutes.read(yaml);
        }
        List<String> unsupported = api.routes().stream().flatMap(r -> api.unsupported(r).stream()).toList();
        if (!unsupported.isEmpty()) {
            unsupported.forEach(p -> System.out.println("fuzz: cannot exercise " + p));
            System.exit(2);
        }
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Path dir = Files.createTempDirectory("carddesk-fuzz");
        CentralServer server = null;
        int exit;
        try {
            server = start(dir, mail.getSmtp().getPort(), postgres);
            String tokenNo = "fuzz-token-no";
            String tokenBgo = "fuzz-token-bgo";
            server.database().jdbi().useHandle(h -> {
                h.execute("INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO', 'fuzz oslo')",
                        Envelope.sha256(tokenNo));
                h.execute("INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO-BGO', "
                        + "'fuzz bergen')", Envelope.sha256(tokenBgo));
            });
            CentralApiFuzzer fuzzer = new CentralApiFuzzer(api, seed, "http://127.0.0.1:" + server.port(), tokenNo,
                    tokenBgo);
            fuzzer.signInStaff(server);
            long start = System.nanoTime();
            fuzzer.run(requests);
            fuzzer.verificationRound(server, mail, requests + Math.max(100, requests / 10));
            exit = fuzzer.report(Duration.ofNanos(System.nanoTime() - start), seed, mail.getReceivedMessages().length);
        } finally {
            if (server != null) {
                server.close();
            }
            mail.stop();
            deleteTree(dir);
        }
        System.exit(exit);
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty(name, "");
        return v.isBlank() ? fallback : Integer.parseInt(v.trim().replace("_", "").replace(",", ""));
    }

    private static CentralServer start(Path dir, int smtpPort, boolean postgres) throws Exception {
        // Demo mode for the demo libraries; limits high enough that the wrong tokens sent on purpose do
        // not block the loopback address for the rest of the run.
        Map<String, String> env = new HashMap<>(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_CENTRAL_TOKEN", TOKEN_DK, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK",
                "CARDDESK_AUTH_FAILURES_PER_MINUTE", "1000000", "CARDDESK_NATIONAL_SEARCHES_PER_MINUTE", "1000000",
                "CARDDESK_POPULATION_LOOKUPS_PER_MINUTE", "1000000"));
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
        if (postgres) {
            url = System.getenv("CARDDESK_TEST_PG_URL");
            if (url == null) {
                throw new IllegalStateException("-Dcarddesk.fuzz.db=postgres needs CARDDESK_TEST_PG_URL");
            }
            String user = System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk");
            String password = System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", "carddesk");
            env.put("CARDDESK_CENTRAL_DB_USER", user);
            env.put("CARDDESK_CENTRAL_DB_PASSWORD", password);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        CentralConfig config = CentralConfig.from(env).with(0, url)
                .withRetentionAt("off");
        return CentralServer.start(config, new SmtpMailer("127.0.0.1", smtpPort, "fuzz@carddesk.invalid"),
                Clock.systemUTC());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---------------------------------------------------------------- staff

    /**
     * Signs each library's demo administrator in (the session the run's staff requests carry), and
     * creates a second account whose sessions are the ones sign-out requests end. Not counted.
     */
    private void signInStaff(CentralServer server) throws IOException, InterruptedException {
        Map<String, String> users = app.carddesk.api.DemoStaff.USERS;
        for (Library l : state.libraries) {
            l.user = users.get(l.code);
            l.password = app.carddesk.api.DemoStaff.PASSWORD;
            l.session = signIn(l, l.user, l.password);
            JsonNode issued = json.readTree(send("POST", "/api/v1/staff", l, l.session, "{\"userName\":\"fuzz.out."
                    + l.code.toLowerCase(Locale.ROOT) + "\",\"displayName\":\"Sign-out\",\"roles\":[\"DESK_STAFF\"]}"));
            String user = issued.path("account").path("userName").asText();
            String first = issued.path("oneTimePassword").asText();
            String own = "meadow copper violin " + l.code.length();
            send("POST", "/api/v1/sessions/current/password", l, signIn(l, user, first),
                    json.writeValueAsString(Map.of("currentPassword", first, "newPassword", own)));
            l.freshSession = () -> {
                try {
                    return signIn(l, user, own);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the sign-out account could not sign in", e);
                }
            };
            // A data-protection officer, who reads the audit (an administrator may not), made by the operator.
            String officer = "fuzz.dpo." + l.code.toLowerCase(Locale.ROOT);
            String officerFirst = operator(server, "add-admin", "--data-protection", l.code, officer, "Officer")
                    .replaceAll("(?s).*: (\\S+)\\s*$", "$1");
            String officerOwn = "harbour quiet lantern " + l.code.length();
            send("POST", "/api/v1/sessions/current/password", l, signIn(l, officer, officerFirst),
                    json.writeValueAsString(Map.of("currentPassword", officerFirst, "newPassword", officerOwn)));
            l.auditSession = signIn(l, officer, officerOwn);
            // An administrator with a work address, whom the operator re-activates after the round starts.
            send("POST", "/api/v1/staff", l, l.session, "{\"userName\":\"" + roundAdmin(l) + "\",\"displayName\":"
                    + "\"Round admin\",\"workEmail\":\"" + roundAdmin(l) + "@example.org\",\"roles\":[\"LIBRARY_ADMIN\","
                    + "\"DESK_STAFF\",\"SUPERVISOR\"]}");
        }
    }

    /** What an operator's command printed; the run stops when it was refused. */
    private static String operator(CentralServer server, String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit = new app.carddesk.central.SetUp(server.database(), java.time.Clock.systemUTC(),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)).run(args);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": " + err.toString(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String roundAdmin(Library l) {
        return "fuzz.admin." + l.code.toLowerCase(Locale.ROOT);
    }

    /**
     * The verification round makes every personal account inactive, so it comes last: the demo
     * organisation administrator schedules one for now and the central starts it; the operator
     * re-activates each library's round administrator with the code mailed to them; they sign in,
     * choose a password, and a last stretch of requests runs with their sessions, the round's
     * routes among them.
     */
    private void verificationRound(CentralServer server, GreenMail mail, int until) throws Exception {
        Library dk = state.libraries.stream().filter(l -> l.code.equals("DEMO-DK")).findFirst().orElseThrow();
        String org = signIn(dk, app.carddesk.api.DemoStaff.ORGANISATION_ADMIN, app.carddesk.api.DemoStaff.PASSWORD);
        // Scheduled by counted requests, as the only ones that can succeed (one round at a time): one
        // for later, called off, then one for now.
        OpenApiRoutes.Route schedule = route("POST", "/api/v1/verification-rounds");
        Call later = valid.build(schedule, dk);
        later.headers.put(app.carddesk.api.Api.SESSION_HEADER, org);
        later.body = "{\"startsAt\":\"" + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}";
        HttpResponse<String> laterAnswer = exchange(later);
        Call cancel = valid.build(route("DELETE", "/api/v1/verification-rounds/current"), dk);
        cancel.headers.put(app.carddesk.api.Api.SESSION_HEADER, org);
        exchange(cancel);
        Call call = valid.build(schedule, dk);
        call.headers.put(app.carddesk.api.Api.SESSION_HEADER, org);
        call.body = "{\"startsAt\":\"" + java.time.Instant.now() + "\"}";
        HttpResponse<String> scheduled = exchange(call);
        // The central's own periodic check may have started it a moment before this call does.
        server.startDueVerificationRounds();
        long started = server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM verification_round WHERE started_at IS NOT NULL AND ended_at IS NULL")
                .mapTo(Long.class).one());
        if (started != 1) {
            throw new IllegalStateException("fuzz set-up: the verification round did not start; scheduling it was answered "
                    + (scheduled == null ? "with nothing" : scheduled.statusCode() + " " + scheduled.body()) + " (the one for later: "
                    + (laterAnswer == null ? "nothing" : laterAnswer.statusCode()) + ")");
        }
        long wait = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (server.mailOutbox().pending() > 0 && System.nanoTime() < wait) {
            Thread.sleep(50);
        }
        for (Library l : state.libraries) {
            String user = roundAdmin(l);
            String code = null;
            for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
                java.util.regex.Matcher found = java.util.regex.Pattern.compile(
                        ": ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\\b").matcher(m.getContent().toString());
                if (m.getAllRecipients()[0].toString().equals(user + "@example.org") && found.find()) {
                    code = found.group(1);
                }
            }
            String first = server.reactivateAdministrator(user, code);
            String own = "harbour granite window " + l.code.length();
            send("POST", "/api/v1/sessions/current/password", l, signIn(l, user, first),
                    json.writeValueAsString(Map.of("currentPassword", first, "newPassword", own)));
            l.user = user;
            l.password = own;
            l.session = signIn(l, user, own);
            // A second session of the same person, for sign-outs; their password may change during the run.
            l.freshSession = () -> {
                try {
                    return signIn(l, user, l.password);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("the round administrator could not sign in", e);
                }
            };
        }
        // Each library's administrator reads the round and decides one account (counted like any request),
        // so that every round route is exercised however short the run; then random requests again.
        for (Library l : state.libraries) {
            Call list = valid.build(route("GET", "/api/v1/verification-rounds/current/accounts"), l);
            HttpResponse<String> accounts = exchange(list);
            // The counted request shares a connection with the fuzzed ones before it, which may have left
            // it out of step; the list it needs is then read again on the set-up's own connection.
            String listed = accounts != null && accounts.statusCode() == 200 ? accounts.body()
                    : send("GET", "/api/v1/verification-rounds/current/accounts", l, l.session, "");
            exchange(valid.build(route("GET", "/api/v1/verification-rounds/current"), l));
            for (JsonNode a : json.readTree(listed).path("accounts")) {
                if (a.path("state").asText().equals("pending") && !a.path("userName").asText().startsWith("fuzz.")) {
                    Call decide = valid.build(route("POST", "/api/v1/verification-rounds/current/accounts/{accountId}"), l);
                    decide.path = "/api/v1/verification-rounds/current/accounts/" + a.path("accountId").asText();
                    decide.body = "{\"decision\":\"verified\"}";
                    exchange(decide);
                    break;
                }
            }
        }
        run(until);
    }

    private OpenApiRoutes.Route route(String method, String path) {
        return routes.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("openapi.yaml has no " + method + " " + path));
    }

    private String signIn(Library l, String user, String password) throws IOException, InterruptedException {
        return json.readTree(send("POST", "/api/v1/sessions", l, null,
                json.writeValueAsString(Map.of("userName", user, "password", password)))).path("token").asText();
    }

    private String send(String method, String path, Library l, String session, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + l.token)
                .header("Content-Type", "application/json");
        if (session != null) {
            b.header(app.carddesk.api.Api.SESSION_HEADER, session);
        }
        HttpResponse<String> r = setUp.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("fuzz set-up: " + method + " " + path + " as " + l.code + " [" + l.token + "] answered " + r.statusCode()
                    + " " + r.body());
        }
        return r.body();
    }

    // ---------------------------------------------------------------- the run

    private void run(int requests) {
        OpenApiRoutes.Route register = routes.stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/api/v1/patrons")).findFirst().orElseThrow(() -> new IllegalStateException(
                "openapi.yaml has no POST /api/v1/patrons to register patrons with"));
        // A few patrons at each library first, so that most requests have real ids and cards to work on.
        for (int i = 0; i < Math.min(30, requests / 20) && sent < requests; i++) {
            exchange(valid.build(register, state.libraries.get(i % state.libraries.size())));
        }
        while (sent < requests) {
            OpenApiRoutes.Route route = odd.pick(routes);
            Call call = valid.build(route, state.pickLibrary());
            if (odd.chance(0.6)) {
                bad.mutate(call);
            }
            exchange(call);
        }
    }

    // ---------------------------------------------------------------- sending and learning

    /** Sends the call, counts and checks its answer, and learns from it; null when nothing came back. */
    private HttpResponse<String> exchange(Call call) {
        HttpResponse<String> r = exchangeRaw(call.route.method(), call);
        if (r != null) {
            learn(call, r);
        }
        return r;
    }

    private HttpResponse<String> exchangeRaw(String method, Call call) {
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.url())).timeout(Duration.ofSeconds(30))
                    .method(method, call.body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body));
            if (call.authorization != null) {
                b.header("Authorization", call.authorization);
            }
            if (call.body != null && !call.headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            call.headers.forEach(b::header);
            request = b.build();
        } catch (IllegalArgumentException e) {
            return null; // a request the HTTP client itself refuses to send: nothing reached the service
        }
        String route = method + " " + call.route.path();
        long start = System.nanoTime();
        HttpResponse<String> r;
        try {
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // The connection kept from the answer before may have been closed by the service as the request
                // went out (after an answer to a body it did not read to its end); the same request on a new
                // connection tells that apart from a request the service does not answer.
                r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(request, HttpResponse.BodyHandlers.ofString());
                sentAgain++;
            }
        } catch (IOException e) {
            sent++;
            failures.add("no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") to "
                    + call.describe());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long nanos = System.nanoTime() - start;
        sent++;
        byStatus.merge(r.statusCode(), 1L, Long::sum);
        long[] counts = byRoute.computeIfAbsent(route, k -> new long[4]);
        counts[0]++;
        counts[r.statusCode() / 100 == 2 ? 1 : r.statusCode() >= 500 ? 3 : 2]++;
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = r.statusCode() + " " + call.describe();
        }
        if (r.statusCode() >= 500) {
            failures.add(r.statusCode() + " " + trim(r.body()) + " to " + call.describe());
        }
        if (nanos > SLOW.toNanos()) {
            failures.add("slow: " + Duration.ofNanos(nanos).toMillis() + " ms for " + call.describe());
        }
        return r;
    }

    private static String trim(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Keeps track of the patrons the requests registered, changed and deleted. */
    private void learn(Call call, HttpResponse<String> r) {
        String route = call.route.name();
        int status = r.statusCode();
        try {
            if (route.equals("POST /api/v1/enrolment-codes") && status == 201) {
                state.enrolmentCodes.add(json.readTree(r.body()).path("code").asText());
            } else if (route.equals("POST /api/v1/enrolment") && status == 201) {
                state.enrolmentCodes.remove(json.readTree(call.body).path("code").asText());
                state.workstations.add(UUID.fromString(json.readTree(r.body()).path("workstationId").asText()));
            } else if (route.equals("POST /api/v1/staff") && status == 201) {
                call.library.accounts.add(UUID.fromString(json.readTree(r.body()).path("account").path("id").asText()));
            } else if (route.equals("POST /api/v1/sessions/current/password") && status == 204) {
                call.library.password = json.readTree(call.body).path("newPassword").asText();
            } else if (route.equals("POST /api/v1/card-series") && status == 201) {
                state.series.add(json.readTree(r.body()).path("id").asLong());
            } else if (route.equals("DELETE /api/v1/card-series/{seriesId}") && status == 204) {
                state.series.remove(Long.valueOf(call.path.substring(call.path.lastIndexOf('/') + 1)));
            } else if (route.equals("POST /api/v1/patrons") && status == 201) {
                state.registered(call.library, json.readTree(call.body));
            } else if (route.equals("POST /api/v1/patrons/batch") && status == 200) {
                JsonNode results = json.readTree(r.body()).path("results");
                JsonNode items = json.readTree(call.body).path("items");
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).path("status").asInt() == 201) {
                        state.registered(call.library, items.get(i).path("patron"));
                    }
                }
            } else if (call.target != null && status / 100 == 2) {
                JsonNode answer = r.body() == null || r.body().isBlank() ? nodes.objectNode() : json.readTree(r.body());
                if (route.equals("DELETE /api/v1/patrons/{id}")
                        || route.endsWith("/unsubscribe") && answer.path("deleted").asBoolean(false)) {
                    state.forget(call.target.id);
                } else if (route.endsWith("/unsubscribe")) {
                    call.target.members.remove(call.library.code);
                } else if (route.endsWith("/activation")) {
                    call.target.members.add(call.library.code);
                } else if (route.endsWith("/merge")) {
                    state.forget(UUID.fromString(json.readTree(call.body).path("otherId").asText()));
                    call.target.card = answer.path("cardNumber").isNull() ? null : answer.path("cardNumber").asText();
                } else if (route.equals("PUT /api/v1/patrons/{id}")) {
                    call.target.card = answer.path("cardNumber").isNull() ? null : answer.path("cardNumber").asText();
                    call.target.email = answer.path("email").isNull() ? null : answer.path("email").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // An answer the fuzzer cannot follow changes nothing it relies on: the next requests find out.
        }
    }

    // ---------------------------------------------------------------- the report

    private int report(Duration took, long seed, int mails) {
        System.out.printf(Locale.ROOT, "fuzz: %,d requests in %.1f s, seed %d; %d PIN mails delivered%n", sent,
                took.toMillis() / 1000.0, seed, mails);
        System.out.println("fuzz: requests by status: " + byStatus.entrySet().stream()
                .map(e -> e.getKey() + " × " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", ")));
        System.out.println("fuzz: by route (requests / 2xx / 4xx / 5xx):");
        List<String> unexercised = new ArrayList<>();
        for (OpenApiRoutes.Route route : routes) {
            long[] c = byRoute.getOrDefault(route.name(), new long[4]);
            System.out.printf(Locale.ROOT, "  %-45s %6d %6d %6d %6d%n", route.name(), c[0], c[1], c[2], c[3]);
            if (c[1] == 0) {
                unexercised.add(route.name());
            }
        }
        System.out.printf(Locale.ROOT, "fuzz: slowest request %d ms: %s%n", Duration.ofNanos(slowestNanos).toMillis(),
                slowest);
        long fives = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        System.out.printf(Locale.ROOT, "fuzz: %d answers with 5xx, %d problems in all; %d requests answered on a new "
                + "connection after the kept one was found closed%n", fives, failures.size(), sentAgain);
        failures.stream().limit(25).forEach(f -> System.out.println("fuzz: FAILED " + f));
        unexercised.forEach(r -> System.out.println("fuzz: FAILED never exercised (no 2xx answer): " + r));
        boolean ok = failures.isEmpty() && unexercised.isEmpty();
        System.out.println(ok ? "fuzz: passed" : "fuzz: failed; repeat with -Dcarddesk.fuzz.seed=" + seed);
        return ok ? 0 : 1;
    }
}
