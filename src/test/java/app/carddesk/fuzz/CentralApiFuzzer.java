package app.carddesk.fuzz;

import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.CentralService;
import app.carddesk.central.SmtpMailer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
    private static final String[] SURNAMES = {"Berg", "Østergaard", "Nguyễn", "O'Brien", "Müller-Lüdenscheidt",
        "Hansen", "Åberg", "Kim", "Lindqvist", "Haugen"};
    private static final String[] NATIONAL_IDS = {"1503901001", "150390-1001", "0211852003", "3006014002",
        "0101654002", "14839512318", "02870151236", "51929023467", "07888834537", "1234567890", "x"};

    /** A library the fuzzer calls as, with its token and the card numbers it may issue. */
    private static final class Library {
        final String code;
        final String token;
        final String country;
        final String cardPrefix;
        final int cardDigits;
        final int rulesVersion;
        final String pickup;
        long nextCard;

        Library(String code, String token, String country, String cardPrefix, int cardDigits, long firstCard,
                int rulesVersion, String pickup) {
            this.code = code;
            this.token = token;
            this.country = country;
            this.cardPrefix = cardPrefix;
            this.cardDigits = cardDigits;
            this.nextCard = firstCard;
            this.rulesVersion = rulesVersion;
            this.pickup = pickup;
        }

        String newCard() {
            return cardPrefix + String.format("%0" + cardDigits + "d", nextCard++);
        }
    }

    /** A patron the fuzzer registered, and the libraries that see them. */
    private static final class Known {
        final UUID id;
        String home;
        String card;
        String email;
        final Set<String> members = new HashSet<>();

        Known(UUID id, String home, String card, String email) {
            this.id = id;
            this.home = home;
            this.card = card;
            this.email = email;
            members.add(home);
        }
    }

    /** One request as it is sent. */
    private static final class Call {
        final OpenApiRoutes.Route route;
        final Library library;
        String path;
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String authorization;
        String body;
        String mutation = "valid";
        Known target;

        Call(OpenApiRoutes.Route route, Library library) {
            this.route = route;
            this.library = library;
        }

        String url() {
            StringBuilder b = new StringBuilder(path);
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                b.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                sep = '&';
            }
            return b.toString();
        }

        String describe() {
            String text = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "... (" + body.length()
                    + " chars)" : body;
            String url = url();
            return route.method() + " " + (url.length() > 300 ? url.substring(0, 300) + "..." : url) + " as "
                    + library.code + " [" + mutation + "] headers=" + headers.keySet()
                    + (authorization == null ? " no token" : "") + " body=" + text;
        }
    }

    private final List<OpenApiRoutes.Route> routes;
    private final OpenApiRoutes api;
    private final Mutations odd;
    private final Random random;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final List<Library> libraries;
    private final List<Known> known = new ArrayList<>();
    private final List<UUID> gone = new ArrayList<>();
    private int keys;

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, long[]> byRoute = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long sent;
    private long slowestNanos;
    private String slowest = "";

    private CentralApiFuzzer(OpenApiRoutes api, long seed, String base, String tokenNo, String tokenBgo) {
        this.api = api;
        this.routes = api.routes();
        this.random = new Random(seed);
        this.odd = new Mutations(random);
        this.base = base;
        this.libraries = List.of(
                new Library("DEMO-DK", TOKEN_DK, "DK", "4099", 5, 1, 1, "KB-SK"),
                new Library("DEMO-NO", tokenNo, "NO", "N", 9, 1, 2, "OSL-HOV"),
                new Library("DEMO-NO-BGO", tokenBgo, "NO", "N", 9, 10_000_001, 1, "BGO-HOV"));
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
                        CentralService.sha256(tokenNo));
                h.execute("INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO-BGO', "
                        + "'fuzz bergen')", CentralService.sha256(tokenBgo));
            });
            CentralApiFuzzer fuzzer = new CentralApiFuzzer(api, seed, "http://127.0.0.1:" + server.port(), tokenNo,
                    tokenBgo);
            long start = System.nanoTime();
            fuzzer.run(requests);
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
        Map<String, String> env = new HashMap<>(Map.of("CARDDESK_CENTRAL_TOKEN", TOKEN_DK,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK"));
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
        CentralConfig config = CentralConfig.from(env).with(0, url).withSmtp("127.0.0.1", smtpPort)
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

    // ---------------------------------------------------------------- the run

    private void run(int requests) {
        OpenApiRoutes.Route register = routes.stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/api/v1/patrons")).findFirst().orElseThrow(() -> new IllegalStateException(
                "openapi.yaml has no POST /api/v1/patrons to register patrons with"));
        // A few patrons at each library first, so that most requests have real ids and cards to work on.
        for (int i = 0; i < Math.min(30, requests / 20) && sent < requests; i++) {
            exchange(build(register, libraries.get(i % libraries.size())));
        }
        while (sent < requests) {
            OpenApiRoutes.Route route = odd.pick(routes);
            Call call = build(route, pickLibrary());
            if (odd.chance(0.6)) {
                mutate(call);
            }
            exchange(call);
        }
    }

    private Library pickLibrary() {
        int n = random.nextInt(10);
        return libraries.get(n < 5 ? 0 : n < 8 ? 1 : 2);
    }

    private List<Known> visibleTo(Library l) {
        return known.stream().filter(k -> k.members.contains(l.code)).toList();
    }

    private Known pickVisible(Library l) {
        List<Known> own = visibleTo(l);
        return own.isEmpty() ? null : odd.pick(own);
    }

    private String newKey() {
        return "fz-" + (++keys) + "-" + Long.toHexString(random.nextLong());
    }

    // ---------------------------------------------------------------- valid-looking requests

    private Call build(OpenApiRoutes.Route route, Library library) {
        Call call = new Call(route, library);
        if (route.secured()) {
            call.authorization = "Bearer " + library.token;
        }
        String path = route.path();
        for (OpenApiRoutes.Param p : route.in("path")) {
            String value;
            if (p.name().equals("id")) {
                call.target = route.path().endsWith("/activation") ? activationTarget(library) : pickVisible(library);
                value = call.target == null ? odd.uuid().toString() : call.target.id.toString();
            } else {
                value = generate(api.resolve(p.schema()), p.name(), call, 0).asText();
            }
            path = path.replace("{" + p.name() + "}", encode(value));
        }
        call.path = path;
        for (OpenApiRoutes.Param p : route.in("query")) {
            if (p.required() || odd.chance(0.7)) {
                call.query.put(p.name(), generate(api.resolve(p.schema()), p.name(), call, 0).asText());
            }
        }
        for (OpenApiRoutes.Param p : route.in("header")) {
            if (p.name().equalsIgnoreCase("Idempotency-Key")) {
                call.headers.put(p.name(), newKey());
            } else if (p.name().equalsIgnoreCase("If-Match")) {
                call.headers.put(p.name(), "1");
            } else if (p.required() || odd.chance(0.7)) {
                call.headers.put(p.name(), generate(api.resolve(p.schema()), p.name(), call, 0).asText());
            }
        }
        if (odd.chance(0.3)) {
            call.headers.put("X-CardDesk-Desk", "fuzz-desk-" + random.nextInt(3));
        }
        if (route.body() != null) {
            JsonNode body = route.method().equals("PUT") && call.target != null && isPatron(route.body())
                    ? editedPatron(call) : generate(route.body(), "", call, 0);
            call.body = body.toString();
        }
        return call;
    }

    private static boolean isPatron(JsonNode schema) {
        return OpenApiRoutes.componentName(schema).map("Patron"::equals).orElse(false);
    }

    /** For an activation, mostly a patron of another library of the caller's country. */
    private Known activationTarget(Library l) {
        List<Known> elsewhere = known.stream().filter(k -> !k.members.contains(l.code) && libraries.stream()
                .anyMatch(o -> o.code.equals(k.home) && o.country.equals(l.country))).toList();
        return !elsewhere.isEmpty() && odd.chance(0.8) ? odd.pick(elsewhere) : pickVisible(l);
    }

    /** A real document of the patron, fetched, with a field or two changed as staff would change them. */
    private JsonNode editedPatron(Call call) {
        Call get = new Call(call.route, call.library);
        get.path = "/api/v1/patrons/" + call.target.id;
        get.authorization = call.authorization;
        get.mutation = "fetch for an edit";
        HttpResponse<String> r = exchangeRaw("GET", get);
        if (r == null || r.statusCode() != 200) {
            return newPatron(call.library, call.target.id);
        }
        try {
            ObjectNode doc = (ObjectNode) json.readTree(r.body());
            call.headers.put("If-Match", doc.path("version").asText("1"));
            switch (random.nextInt(5)) {
                case 0 -> doc.put("email", "edited." + random.nextInt(10_000) + "@example.org");
                case 1 -> doc.put("phone", "+47 " + (20_000_000 + random.nextInt(9_000_000)));
                case 2 -> {
                    if (doc.get("address") instanceof ObjectNode address) {
                        address.put("city", odd.pick(SURNAMES) + "by");
                    }
                }
                case 3 -> doc.put("category", odd.pick("ADULT", "STUDENT", "SENIOR"));
                default -> doc.put("cardNumber", call.library.newCard());
            }
            return doc;
        } catch (IOException | RuntimeException e) {
            return newPatron(call.library, call.target.id);
        }
    }

    /** A registration that passes every rule of the caller's library, most of the time. */
    private ObjectNode newPatron(Library l, UUID id) {
        ObjectNode p = nodes.objectNode();
        p.put("id", (id == null ? odd.uuid() : id).toString());
        p.put("cardNumber", odd.chance(0.85) ? l.newCard() : null);
        ObjectNode identity = p.putObject("identity");
        if (odd.chance(0.1)) {
            identity.put("kind", l.country.equals("DK") ? "CPR" : "FNR").put("number", odd.pick(NATIONAL_IDS));
        } else {
            identity.put("kind", "NONE").putNull("number");
        }
        String surname = odd.pick(SURNAMES);
        p.put("surname", surname);
        p.put("givenName", odd.pick("Anna", "Ole", "Kari", "Mette", "Jonas", "Sofie"));
        boolean child = odd.chance(0.1);
        p.put("birthDate", LocalDate.of(child ? odd.between(2014, 2020) : odd.between(1940, 2004), odd.between(1, 12),
                odd.between(1, 28)).toString());
        p.put("email", odd.chance(0.7) ? "fuzz." + random.nextInt(1_000_000) + "@example.org" : null);
        p.put("phone", odd.chance(0.5) ? "+45 12 34 56 78" : null);
        p.putObject("address").put("line", "Gade " + odd.between(1, 200)).put("postalCode", "1000")
                .put("city", l.country.equals("DK") ? "København" : "Oslo")
                .put("country", l.country.equals("DK") ? "Danmark" : "Norge");
        p.put("pickupLibrary", l.pickup);
        p.put("category", "ADULT");
        p.putNull("expiresOn");
        p.put("expectsNationalId", true);
        p.put("feesOwedMinor", 0);
        p.put("printCreditMinor", 0);
        ArrayNode guardians = p.putArray("guardians");
        Known guardian = pickVisible(l);
        if ((child || odd.chance(0.05)) && guardian != null) {
            guardians.addObject().put("guardianId", guardian.id.toString())
                    .put("consentAt", Instant.now().minus(Duration.ofDays(odd.between(0, 30))).toString());
        }
        return p;
    }

    /** A value for a schema, realistic where the name says what it is, else of the schema's type. */
    private JsonNode generate(JsonNode schemaRef, String name, Call call, int depth) {
        if (isPatron(schemaRef)) {
            return newPatron(call.library, null);
        }
        JsonNode s = api.resolve(schemaRef);
        if (depth > 8) {
            return nodes.nullNode();
        }
        if (s.has("allOf")) {
            ObjectNode merged = nodes.objectNode();
            for (JsonNode part : s.get("allOf")) {
                JsonNode v = generate(part, name, call, depth + 1);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                } else {
                    return v;
                }
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.has(choice) && !s.get(choice).isEmpty()) {
                return generate(s.get(choice).get(random.nextInt(s.get(choice).size())), name, call, depth + 1);
            }
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        JsonNode pooled = pool(name, s, call);
        if (pooled != null) {
            return pooled;
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = nodes.objectNode();
                Set<String> required = new HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                List<String> names = new ArrayList<>();
                s.path("properties").fieldNames().forEachRemaining(names::add);
                names.removeIf(n -> s.path("properties").path(n).path("readOnly").asBoolean(false));
                // A document with no required field is often a choice of one (a search by one key):
                // one field always, the others now and then.
                String one = names.isEmpty() ? null : odd.pick(names);
                for (String n : names) {
                    boolean take = required.isEmpty() ? n.equals(one) || odd.chance(0.5 / names.size())
                            : required.contains(n) || odd.chance(0.8);
                    if (take) {
                        o.set(n, generate(s.path("properties").path(n), n, call, depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = nodes.arrayNode();
                int max = s.path("maxItems").asInt(5);
                for (int i = odd.between(1, Math.max(1, Math.min(max, 5))); i > 0; i--) {
                    a.add(generate(s.path("items"), name, call, depth + 1));
                }
                yield a;
            }
            case "integer" -> nodes.numberNode(Math.max(s.path("minimum").asLong(0), Math.min(
                    s.path("maximum").asLong(Long.MAX_VALUE), odd.between(0, 20))));
            case "number" -> nodes.numberNode(random.nextDouble() * 100);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default -> switch (s.path("format").asText("")) {
                case "uuid" -> nodes.textNode(pickVisible(call.library) == null || odd.chance(0.2)
                        ? odd.uuid().toString() : pickVisible(call.library).id.toString());
                case "date" -> nodes.textNode(LocalDate.of(odd.between(1940, 2020), odd.between(1, 12),
                        odd.between(1, 28)).toString());
                case "date-time" -> nodes.textNode(Instant.now().minus(Duration.ofDays(odd.between(0, 900)))
                        .toString());
                default -> nodes.textNode(odd.pick(SURNAMES));
            };
        };
    }

    /** Realistic values for the fields whose names say what they hold; null for the others. */
    private JsonNode pool(String name, JsonNode schema, Call call) {
        Library l = call.library;
        Known target = call.target;
        return switch (name) {
            case "idempotencyKey" -> nodes.textNode(newKey());
            case "otherId" -> {
                List<Known> others = visibleTo(l).stream().filter(k -> k != target).toList();
                yield nodes.textNode(others.isEmpty() ? odd.uuid().toString() : odd.pick(others).id.toString());
            }
            case "keepCardNumber" -> target == null || target.card == null || odd.chance(0.3) ? nodes.nullNode()
                    : nodes.textNode(target.card);
            case "cardNumber" -> {
                List<Known> pool = call.route.path().contains("national") ? known : visibleTo(l);
                List<Known> carded = pool.stream().filter(k -> k.card != null).toList();
                yield carded.isEmpty() ? nodes.textNode(l.newCard()) : nodes.textNode(odd.pick(carded).card);
            }
            case "identity", "number" -> schema.path("type").asText("string").equals("string")
                    ? nodes.textNode(odd.pick(NATIONAL_IDS)) : null;
            case "email" -> nodes.textNode(target != null && target.email != null ? target.email
                    : "someone@example.org");
            case "rulesVersion" -> nodes.numberNode(odd.chance(0.85) ? l.rulesVersion : odd.between(0, 3));
            case "makeHome" -> nodes.booleanNode(odd.chance(0.2));
            case "loans", "reminders", "claims" -> nodes.numberNode(odd.chance(0.7) ? 0 : odd.between(1, 3));
            case "lastActivity" -> nodes.textNode(Instant.now().minus(Duration.ofDays(odd.between(0, 400))).toString());
            case "name" -> nodes.textNode(odd.pick(SURNAMES));
            case "phone" -> nodes.textNode("+45 12 34 56 78");
            case "birthDate" -> odd.chance(0.8) ? nodes.nullNode() : nodes.textNode("1990-05-17");
            case "prefix" -> nodes.textNode(randomPrefix());
            case "digits" -> nodes.numberNode(odd.between(6, 9));
            case "from" -> nodes.numberNode(odd.between(0, 100_000));
            case "to" -> nodes.numberNode(odd.between(100_000, 200_000));
            default -> null;
        };
    }

    private String randomPrefix() {
        StringBuilder b = new StringBuilder();
        for (int i = odd.between(1, 4); i > 0; i--) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- changed for the worse

    private void mutate(Call call) {
        List<Runnable> ways = new ArrayList<>();
        ways.add(() -> mutateAuth(call));
        ways.add(() -> mutateHeaders(call));
        ways.add(() -> mutateQuery(call));
        if (call.body != null) {
            for (int i = 0; i < 4; i++) {
                ways.add(() -> mutateField(call));
            }
            ways.add(() -> {
                call.mutation = "broken body";
                call.body = odd.brokenBody(call.body);
            });
        } else {
            ways.add(() -> {
                call.mutation = "unexpected body";
                call.body = odd.brokenBody("{\"a\":1}");
            });
        }
        if (!call.route.in("path").isEmpty()) {
            ways.add(() -> mutatePath(call));
            ways.add(() -> mutatePath(call));
        }
        if (odd.chance(0.02)) {
            call.mutation = "body over the size limit";
            call.body = "{\"x\":\"" + "y".repeat(300 * 1024) + "\"}";
            return;
        }
        odd.pick(ways).run();
        if (odd.chance(0.15)) {
            odd.pick(ways).run();
            call.mutation += " +more";
        }
    }

    private void mutateAuth(Call call) {
        call.mutation = "token";
        Library other = odd.pick(libraries);
        call.authorization = switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "Bearer ";
            case 2 -> "Bearer not-a-token";
            case 3 -> "Basic " + call.library.token;
            case 4 -> "Bearer " + "t".repeat(odd.between(100, 6000));
            case 5 -> "bearer " + call.library.token;
            default -> "Bearer " + other.token;
        };
    }

    private void mutateHeaders(Call call) {
        call.mutation = "headers";
        String which = odd.pick("Idempotency-Key", "If-Match", "X-CardDesk-Desk", "Content-Type", "X-Padding");
        switch (random.nextInt(4)) {
            case 0 -> call.headers.remove(which);
            case 1 -> call.headers.put(which, "");
            default -> call.headers.put(which, switch (which) {
                case "If-Match" -> odd.pick("abc", "-1", "\"2\"", "W/\"1\"", "1234567890", "0", "99999999999999999999",
                        " 1 ", "*");
                case "Content-Type" -> odd.pick("text/plain", "application/xml", "application/json; charset=latin1",
                        "multipart/form-data; boundary=x");
                case "X-Padding" -> "p".repeat(odd.between(1000, 12_000));
                default -> odd.chance(0.5) ? "k".repeat(odd.pick(List.of(41, 100, 101, 1000, 5000)))
                        : safeHeader(odd.oddText());
            });
        }
    }

    /** HTTP header values cannot carry line breaks or NUL: the client refuses to send them. */
    private static String safeHeader(String value) {
        String s = value.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return s.length() > 6000 ? s.substring(0, 6000) : s;
    }

    private void mutateQuery(Call call) {
        call.mutation = "query";
        List<String> names = new ArrayList<>(call.route.in("query").stream().map(OpenApiRoutes.Param::name).toList());
        names.add(odd.pick("identity", "unexpected", "limit", "after", "cardNumber", "lang"));
        String name = odd.pick(names);
        call.query.put(name, odd.chance(0.5) ? odd.pick("abc", "-1", "1.5", "", "9".repeat(30),
                String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "0x10", "1e3", "\u0000", "%00")
                : odd.oddText());
    }

    private void mutateField(Call call) {
        call.mutation = "document";
        try {
            call.body = odd.mutate(json.readTree(call.body)).toString();
        } catch (IOException e) {
            call.body = odd.brokenBody(call.body);
        }
    }

    private void mutatePath(Call call) {
        call.mutation = "path";
        String id = switch (random.nextInt(9)) {
            case 0 -> odd.uuid().toString();
            case 1 -> "not-a-uuid";
            case 2 -> "00000000-0000-0000-0000-000000000000";
            case 3 -> "..";
            case 4 -> "a".repeat(odd.between(37, 3000));
            case 5 -> call.target == null ? "1" : call.target.id.toString().toUpperCase(Locale.ROOT);
            case 6 -> gone.isEmpty() ? odd.uuid().toString() : odd.pick(gone).toString();
            case 7 -> odd.oddText();
            default -> {
                Known someone = known.isEmpty() ? null : odd.pick(known);
                yield someone == null ? "" : someone.id.toString();
            }
        };
        String template = call.route.path();
        for (OpenApiRoutes.Param p : call.route.in("path")) {
            template = template.replace("{" + p.name() + "}", encode(id));
        }
        call.path = template;
    }

    // ---------------------------------------------------------------- sending and learning

    private void exchange(Call call) {
        HttpResponse<String> r = exchangeRaw(call.route.method(), call);
        if (r != null) {
            learn(call, r);
        }
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
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
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
            if (route.equals("POST /api/v1/patrons") && status == 201) {
                registered(call.library, json.readTree(call.body));
            } else if (route.equals("POST /api/v1/patrons/batch") && status == 200) {
                JsonNode results = json.readTree(r.body()).path("results");
                JsonNode items = json.readTree(call.body).path("items");
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).path("status").asInt() == 201) {
                        registered(call.library, items.get(i).path("patron"));
                    }
                }
            } else if (call.target != null && status / 100 == 2) {
                JsonNode answer = r.body() == null || r.body().isBlank() ? nodes.objectNode() : json.readTree(r.body());
                if (route.equals("DELETE /api/v1/patrons/{id}")
                        || route.endsWith("/unsubscribe") && answer.path("deleted").asBoolean(false)) {
                    forget(call.target.id);
                } else if (route.endsWith("/unsubscribe")) {
                    call.target.members.remove(call.library.code);
                } else if (route.endsWith("/activation")) {
                    call.target.members.add(call.library.code);
                } else if (route.endsWith("/merge")) {
                    forget(UUID.fromString(json.readTree(call.body).path("otherId").asText()));
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

    private void registered(Library l, JsonNode p) {
        Known k = new Known(UUID.fromString(p.path("id").asText()), l.code,
                p.path("cardNumber").isTextual() ? p.path("cardNumber").asText().trim().toUpperCase(Locale.ROOT) : null,
                p.path("email").isTextual() && !p.path("email").asText().isBlank() ? p.path("email").asText() : null);
        known.removeIf(other -> other.id.equals(k.id));
        known.add(k);
    }

    private void forget(UUID id) {
        known.removeIf(k -> k.id.equals(id));
        gone.add(id);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
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
        System.out.printf(Locale.ROOT, "fuzz: %d answers with 5xx, %d problems in all%n", fives, failures.size());
        failures.stream().limit(25).forEach(f -> System.out.println("fuzz: FAILED " + f));
        unexercised.forEach(r -> System.out.println("fuzz: FAILED never exercised (no 2xx answer): " + r));
        boolean ok = failures.isEmpty() && unexercised.isEmpty();
        System.out.println(ok ? "fuzz: passed" : "fuzz: failed; repeat with -Dcarddesk.fuzz.seed=" + seed);
        return ok ? 0 : 1;
    }
}
