package app.carddesk.central;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The real central service on a free loopback port with an H2 file, and a plain HTTP client for
 * it that holds every exchange to the service's openapi.yaml.
 */
final class CentralFixture implements AutoCloseable {

    static final String TOKEN = "test-token-dk";
    static final String TOKEN_NO = "test-token-no";
    static final String TOKEN_BGO = "test-token-bgo";

    final CentralServer server;
    final HttpClient http = HttpClient.newHttpClient();
    private final ApiContract contract = new ApiContract();

    /**
     * The schema this test JVM works in: test JVMs run side by side on one PostgreSQL database, and
     * each drops and fills its own ({@code carddesk.test.fork} is the build's fork number).
     */
    static final String SCHEMA = "test_" + System.getProperty("carddesk.test.fork", "fork_1");

    /**
     * The PostgreSQL server CI starts, as a JDBC URL working in {@link #SCHEMA}; absent on machines
     * without one.
     */
    static final String POSTGRES_URL = inSchema(System.getenv("CARDDESK_TEST_PG_URL"));

    private static String inSchema(String url) {
        return url == null ? null : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /**
     * Skips a PostgreSQL suite on a machine without a test server; where one is required
     * ({@code CARDDESK_TEST_PG_REQUIRED=true}, as in CI) a missing or unreachable server fails it
     * instead, so that CI never reports "Tests run: 0" for PostgreSQL.
     */
    static void requirePostgres() {
        boolean required = "true".equalsIgnoreCase(System.getenv("CARDDESK_TEST_PG_REQUIRED"));
        if (POSTGRES_URL == null) {
            if (required) {
                throw new IllegalStateException("CARDDESK_TEST_PG_REQUIRED is set but CARDDESK_TEST_PG_URL is not");
            }
            org.junit.jupiter.api.Assumptions.abort("CARDDESK_TEST_PG_URL is not set");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(POSTGRES_URL,
                System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"),
                System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", "carddesk"))) {
            c.isValid(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the test PostgreSQL server at CARDDESK_TEST_PG_URL cannot be reached", e);
        }
    }

    CentralFixture(Path dir, int smtpPort) {
        this(dir, smtpPort, false);
    }

    CentralFixture(Path dir, int smtpPort, boolean postgres) {
        this(dir, smtpPort, postgres, Clock.systemUTC());
    }

    CentralFixture(Path dir, int smtpPort, boolean postgres, Clock clock) {
        this(dir, smtpPort, postgres, clock, PopulationRegisters.standInOnly());
    }

    /** On H2, asking the given population registers (adapters installed, say). */
    CentralFixture(Path dir, int smtpPort, PopulationRegisters registers) {
        this(dir, smtpPort, false, Clock.systemUTC(), registers);
    }

    private CentralFixture(Path dir, int smtpPort, boolean postgres, Clock clock, PopulationRegisters registers) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK"));
        String url;
        if (!postgres) {
            url = MigratedH2.url(dir.resolve("central"), true);
        } else {
            env.put("CARDDESK_CENTRAL_DB_USER", System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"));
            env.put("CARDDESK_CENTRAL_DB_PASSWORD", System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD",
                    "carddesk"));
            url = POSTGRES_URL;
            emptyPostgres(url, env.get("CARDDESK_CENTRAL_DB_USER"), env.get("CARDDESK_CENTRAL_DB_PASSWORD"));
        }
        CentralConfig config = CentralConfig.from(env).with(0, url)
                .withRetentionAt("off");
        server = CentralServer.start(config, new SmtpMailer("127.0.0.1", smtpPort, "desk@carddesk.invalid"), clock,
                registers);
        server.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO', 'oslo desk')",
                Envelope.sha256(TOKEN_NO)));
        server.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO-BGO', 'bergen desk')",
                Envelope.sha256(TOKEN_BGO)));
    }

    /** Whether this JVM has built the schema once and kept its first rows aside (its seed schema). */
    private static boolean seeded;

    /** Where the first rows are kept: beside {@link #SCHEMA}. */
    private static final String SEED = SCHEMA + "_seed";

    /**
     * Every test starts on a database as a new demo central leaves it: migrated, with the demo
     * libraries. The first test of a JVM drops the schema, migrates it, loads the demo libraries and
     * keeps a copy of every table's rows in a seed schema beside it; each later test empties the tables
     * and copies those rows back (migrating a PostgreSQL schema from nothing took over a second a test).
     */
    static synchronized void emptyPostgres(String url, String user, String password) {
        try (java.sql.Statement s = resetConnection(url, user, password).createStatement()) {
            java.sql.Connection c = s.getConnection();
            if (seeded && reset(c, s)) {
                return;
            }
            schema = null;
            s.execute("DROP SCHEMA IF EXISTS " + SEED + " CASCADE");
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            try (CentralDatabase db = CentralDatabase.open(url, user, password)) {
                db.loadDemoData();
            }
            s.execute("CREATE SCHEMA " + SEED);
            for (String table : tables(s)) {
                s.execute("CREATE TABLE " + SEED + "." + table + " AS TABLE " + SCHEMA + "." + table);
            }
            seeded = true;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the test PostgreSQL server cannot be reached", e);
        }
    }

    /** For a test that dropped the schema itself: the next test migrates it again from nothing. */
    static synchronized void forgetSeed() {
        seeded = false;
        schema = null;
    }

    /** The connection the resets go through, kept for the JVM: each new one costs PostgreSQL a process. */
    private static java.sql.Connection resetConnection;

    private static java.sql.Connection resetConnection(String url, String user, String password)
            throws java.sql.SQLException {
        if (resetConnection == null || !resetConnection.isValid(2)) {
            resetConnection = java.sql.DriverManager.getConnection(url, user, password);
        }
        return resetConnection;
    }

    /** The migrated schema as the resets need it, read again when its tables change (null until read). */
    private record Schema(java.util.List<String> tables, java.util.List<String> referencingFirst,
                          java.util.List<String[]> counters) {
    }

    private static Schema schema;

    /** The identity and serial columns: table, column and sequence. */
    private static java.util.List<String[]> counters(java.sql.Statement s) throws java.sql.SQLException {
        java.util.List<String[]> counters = new java.util.ArrayList<>();
        try (java.sql.ResultSet r = s.executeQuery("SELECT table_name, column_name, "
                + "pg_get_serial_sequence('" + SCHEMA + ".\"' || table_name || '\"', column_name) FROM information_schema.columns "
                + "WHERE table_schema = '" + SCHEMA + "' AND (is_identity = 'YES' OR column_default LIKE 'nextval%')")) {
            while (r.next()) {
                counters.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        return counters;
    }

    /** The migrated tables, the migrations' own history left out. */
    private static java.util.List<String> tables(java.sql.Statement s) throws java.sql.SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (java.sql.ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
                + "table_schema = '" + SCHEMA + "' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
            while (r.next()) {
                tables.add("\"" + r.getString(1) + "\"");
            }
        }
        return tables;
    }

    /**
     * The tables in an order that deletes every row referring to another table's before that table's
     * rows; null when their references go round in a circle.
     */
    private static java.util.List<String> referencingFirst(java.sql.Statement s, java.util.List<String> tables)
            throws java.sql.SQLException {
        java.util.Map<String, java.util.Set<String>> referredBy = new java.util.HashMap<>();
        try (java.sql.ResultSet r = s.executeQuery("SELECT child.relname, parent.relname FROM pg_constraint c "
                + "JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid "
                + "WHERE c.contype = 'f' AND c.connamespace = '" + SCHEMA + "'::regnamespace AND c.conrelid <> c.confrelid")) {
            while (r.next()) {
                referredBy.computeIfAbsent("\"" + r.getString(2) + "\"", k -> new java.util.HashSet<>())
                        .add("\"" + r.getString(1) + "\"");
            }
        }
        java.util.List<String> order = new java.util.ArrayList<>();
        java.util.Set<String> left = new java.util.LinkedHashSet<>(tables);
        while (!left.isEmpty()) {
            java.util.List<String> free = left.stream().filter(t -> referredBy.getOrDefault(t, java.util.Set.of())
                    .stream().noneMatch(left::contains)).toList();
            if (free.isEmpty()) {
                return null;
            }
            order.addAll(free);
            free.forEach(left::remove);
        }
        return order;
    }

    /** Puts the first rows back; false when that cannot be done now (the caller builds it all again). */
    private static boolean reset(java.sql.Connection c, java.sql.Statement s) throws java.sql.SQLException {
        java.util.List<String> tables = tables(s);
        if (schema == null || !schema.tables().equals(tables)) {
            schema = new Schema(tables, referencingFirst(s, tables), counters(s));
        }
        c.setAutoCommit(false);
        try {
            // A connection a test left open would hold the tables: better to build again than to wait.
            s.execute("SET LOCAL lock_timeout = '5s'");
            // Deleting the few rows a test left is quicker than TRUNCATE, which gives every table new files.
            java.util.List<String> order = schema.referencingFirst();
            if (order == null) {
                s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            } else {
                for (String table : order) {
                    s.execute("DELETE FROM " + SCHEMA + "." + table);
                }
            }
            // Referenced rows (the demo libraries) before the rows referring to them.
            java.util.List<String> referencedFirst = new java.util.ArrayList<>(order == null ? tables : order);
            java.util.Collections.reverse(referencedFirst);
            for (String table : referencedFirst) {
                s.execute("INSERT INTO " + SCHEMA + "." + table + " SELECT * FROM " + SEED + "." + table);
            }
            // Identity and serial columns go on after the rows put back.
            for (String[] counter : schema.counters()) {
                if (counter[2] != null) {
                    s.execute("SELECT setval('" + counter[2] + "', COALESCE((SELECT MAX(\"" + counter[1] + "\") FROM "
                            + SCHEMA + ".\"" + counter[0] + "\"), 0) + 1, false)");
                }
            }
            c.commit();
            return true;
        } catch (java.sql.SQLException e) {
            c.rollback();
            return false;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One value read straight from the central register's database, or null when there is no row. */
    <T> T sql(String query, Class<T> type, Object... args) {
        return server.database().jdbi().withHandle(h -> {
            var q = h.createQuery(query);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(type).findOne().orElse(null);
        });
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Sends a request that keeps to openapi.yaml; the request and the answer are both checked
     * against it (see {@link #close()}).
     *
     * @param headers names and values, alternating
     */
    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        return exchange(method, path, token, body, headers, false);
    }

    /** Waits until the central service has sent every mail it queued (the mail server must be up). */
    void awaitMailsSent() throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (server.mailOutbox().pending() > 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError(server.mailOutbox().pending() + " mail(s) still queued after 20 s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Sends a request that breaks openapi.yaml on purpose, to see the service refuse it: only the
     * answer is checked against the contract, and the request must really be one it rules out.
     */
    HttpResponse<String> sendMalformed(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        return exchange(method, path, token, body, headers, true);
    }

    private HttpResponse<String> exchange(String method, String path, String token, String body, String[] headers,
                                          boolean malformed) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        if (token != null) {
            sent.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            sent.put("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            sent.put(headers[i], headers[i + 1]);
        }
        sent.forEach(b::header);
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        contract.check(method, path, sent, body, response, malformed);
        return response;
    }

    /** Stops the service, then fails the test if any request or answer broke openapi.yaml. */
    @Override
    public void close() {
        server.close();
        contract.assertKept();
    }
}
