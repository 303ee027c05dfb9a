package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the central service starts and protects itself: no start without an operator credential
 * outside demo mode, demo data only in demo mode, failed authentication throttled per source,
 * searches of the registers limited per workstation, and every population look-up audited.
 */
class CentralOperationIT {

    private static final String OPERATOR = "operator-secret-0123456789abcdef0123456789";
    private static final String DESK = "workstation-secret-0123456789abcdef01234567";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Limits count in minutes of this clock: a fixed one, so no test straddles a minute. */
    private static final Clock STILL = Clock.fixed(java.time.Instant.parse("2026-11-30T12:00:30Z"),
            java.time.ZoneOffset.UTC);

    private CentralServer start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("CARDDESK_RETENTION_AT", "off");
        return CentralServer.start(CentralConfig.from(all).with(0, MigratedH2.url(dir.resolve("central"), false)),
                (to, subject, body) -> { }, STILL);
    }

    private HttpResponse<String> send(CentralServer server, String method, String path, String token, String body)
            throws Exception {
        return send(server, method, path, token, body, null);
    }

    /** A request as a reverse proxy forwards it for {@code forwardedFor}, when that is not null. */
    private HttpResponse<String> send(CentralServer server, String method, String path, String token, String body,
                                      String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(CentralServer server, String sql) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void outsideDemoModeItRefusesToStartWithoutAnOperatorCredentialOrWithThePublicToken() {
        assertThatThrownBy(() -> start(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CARDDESK_CENTRAL_ADMIN_TOKEN").hasMessageContaining("CARDDESK_CENTRAL_DEMO=true");
        assertThatThrownBy(() -> start(Map.of("CARDDESK_CENTRAL_ADMIN_TOKEN", "short")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> start(Map.of("CARDDESK_CENTRAL_ADMIN_TOKEN", OPERATOR,
                "CARDDESK_CENTRAL_TOKEN", CentralConfig.DEFAULT_TOKEN)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public demo token");
        assertThatThrownBy(() -> start(Map.of("CARDDESK_CENTRAL_ADMIN_TOKEN", OPERATOR,
                "CARDDESK_CENTRAL_TLS_KEYSTORE", "/nowhere/central.p12")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nowhere/central.p12")
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> CentralConfig.from(Map.of("CARDDESK_NATIONAL_SEARCHES_PER_MINUTE", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void aProductionRegisterHasNoDemoLibrariesAndTheDemoTokenOpensNothing() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_ADMIN_TOKEN", OPERATOR))) {
            assertThat(count(server, "SELECT COUNT(*) FROM library")).as("no library from a migration").isZero();
            assertThat(count(server, "SELECT COUNT(*) FROM card_series")).isZero();
            assertThat(count(server, "SELECT COUNT(*) FROM workstation")).as("no demo token either").isZero();
            assertThat(send(server, "GET", "/health", null, null).body()).contains("\"mode\":\"production\"");
            assertThat(send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN, null).statusCode())
                    .isEqualTo(401);
            assertThat(send(server, "GET", "/api/v1/card-series", OPERATOR, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theOperatorScrapesMetricsByRouteAndStatusWithoutPersonalData() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true"))) {
            String patron = "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"cardNumber\":\"409900001\","
                    + "\"identity\":{\"kind\":\"CPR\",\"number\":\"0101901234\"},\"surname\":\"Lindqvist\","
                    + "\"givenName\":\"Maja\",\"email\":\"maja@example.org\",\"pickupLibrary\":\"KB-SK\","
                    + "\"category\":\"STUDENT\"}";
            HttpRequest register = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/v1/patrons")).POST(HttpRequest.BodyPublishers.ofString(patron))
                    .header("Authorization", "Bearer " + CentralConfig.DEFAULT_TOKEN)
                    .header("Content-Type", "application/json").header("Idempotency-Key", "m-1").build();
            assertThat(http.send(register, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
            send(server, "GET", "/api/v1/patrons?cardNumber=409900001", CentralConfig.DEFAULT_TOKEN, null);

            assertThat(send(server, "GET", "/metrics", CentralConfig.DEFAULT_TOKEN, null).statusCode())
                    .as("a workstation sees no metrics").isEqualTo(401);
            HttpResponse<String> scraped = send(server, "GET", "/metrics", CentralConfig.DEMO_ADMIN_TOKEN, null);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body())
                    .contains("carddesk_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/patrons\","
                            + "status=\"201\"} 1")
                    .contains("carddesk_http_requests_seconds_bucket")
                    .contains("carddesk_mail_outbox_pending")
                    .contains("carddesk_db_pool_active")
                    .doesNotContain("409900001").doesNotContain("0101901234").doesNotContain("maja");
            // Every series says what it counts, for whoever reads the scrape or builds a dashboard.
            assertThat(scraped.body().lines().filter(l -> l.startsWith("# HELP carddesk_"))
                    .filter(l -> l.split(" ", 4).length < 4 || l.split(" ", 4)[3].isBlank()).toList())
                    .as("carddesk series without a description").isEmpty();
        }
    }

    /**
     * Two workstations whose tokens differ only in letter case, called one after the other on one
     * kept-alive connection: each is answered as itself. The scheme's letter case does not matter.
     */
    @Test
    void aTokenIsReadAsSentOnAConnectionThatCarriedAnotherBefore() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true"))) {
            server.database().jdbi().useHandle(h -> {
                h.execute("INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-DK', 'upper')",
                        Envelope.sha256("Case-Token-Of-A-Desk-0123456789"));
                h.execute("INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO', 'lower')",
                        Envelope.sha256("case-token-of-a-desk-0123456789"));
            });
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                assertThat(onConnection(socket, "Bearer Case-Token-Of-A-Desk-0123456789"))
                        .contains("\"library\":\"DEMO-DK\"");
                assertThat(onConnection(socket, "Bearer case-token-of-a-desk-0123456789"))
                        .contains("\"library\":\"DEMO-NO\"");
                assertThat(onConnection(socket, "bearer Case-Token-Of-A-Desk-0123456789"))
                        .contains("\"library\":\"DEMO-DK\"");
                assertThat(onConnection(socket, "Bearer CASE-TOKEN-OF-A-DESK-0123456789")).startsWith("401 ");
            }
        }
    }

    /** One request on an open connection; the answer's status and body, read by its Content-Length. */
    private static String onConnection(java.net.Socket socket, String authorization) throws java.io.IOException {
        socket.getOutputStream().write(("GET /api/v1/loan-rules HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + authorization + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
        String status = null;
        int length = -1;
        for (String line = asciiLine(in); !line.isEmpty(); line = asciiLine(in)) {
            if (status == null) {
                status = line.substring(line.indexOf(' ') + 1);
            } else if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertThat(length).as("a length to read the answer by").isNotNegative();
        byte[] body = new byte[length];
        in.readFully(body);
        return status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String asciiLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the connection closed after: " + b);
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Test
    void readinessSaysWhetherTheDatabaseAnswers() throws Exception {
        CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true"));
        try {
            HttpResponse<String> ready = send(server, "GET", "/ready", null, null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"ready\"");
            server.database().close();
            HttpResponse<String> gone = send(server, "GET", "/ready", null, null);
            assertThat(gone.statusCode()).as(gone.body()).isEqualTo(503);
            assertThat(gone.body()).contains("not_ready");
            assertThat(send(server, "GET", "/health", null, null).statusCode()).as("the process still runs")
                    .isEqualTo(200);
        } finally {
            server.close();
        }
    }

    @Test
    void closingLetsTheAuditSealUnderWayFinishAndLeavesNoThreadOrErrorFileBehind() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true"));
        server.database().jdbi().useHandle(h -> h.execute("INSERT INTO audit_event (at, library_code, workstation, "
                + "action, detail) SELECT CURRENT_TIMESTAMP, 'DEMO-DK', 'desk-1', 'PATRON_READ', 'entry ' || X "
                + "FROM SYSTEM_RANGE(1, 20000)"));
        // The seal works in batches, one transaction each: close while the first ones are in.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (count(server, "SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NOT NULL") == 0) {
            assertThat(System.nanoTime()).as("the seal started").isLessThan(deadline);
            Thread.sleep(20);
        }
        server.close();
        // A pool's worker has told its executor it is done a moment before its thread has ended (the
        // connection pool's closer, for one): each is given a few seconds to end, none may stay.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("carddesk-") && !before.contains(t)) {
                t.join(5_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the central's own threads stopped with it")
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("carddesk-") && !before.contains(t));
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no error file from a cut-off write")
                    .noneMatch(f -> f.endsWith(".trace.db"));
        }
        try (CentralServer again = start(Map.of("CARDDESK_CENTRAL_DEMO", "true"))) {
            AuditChain.Verdict verdict = new AuditChain(again.database().jdbi()).verify();
            assertThat(verdict.intact()).as(verdict.text()).isTrue();
            assertThat(verdict.sealed() + verdict.waiting()).isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void demoModeSaysSoAndLoadsTheDemoLibrariesOnce() throws Exception {
        Map<String, String> demo = Map.of("CARDDESK_CENTRAL_DEMO", "true");
        try (CentralServer server = start(demo)) {
            assertThat(send(server, "GET", "/health", null, null).body()).contains("\"mode\":\"demo\"");
            assertThat(count(server, "SELECT COUNT(*) FROM library")).isEqualTo(3);
            assertThat(send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN, null).statusCode())
                    .isEqualTo(200);
            assertThat(send(server, "GET", "/api/v1/loan-rules?lang=en", "demo-workstation-token-oslo", null).body())
                    .as("a Norwegian demo desk connects with Oslo's token").contains("Demo public library Oslo");
            assertThat(send(server, "GET", "/api/v1/loan-rules?lang=en", "demo-workstation-token-bergen", null)
                    .body()).contains("Demo library Bergen");
        }
        try (CentralServer again = start(demo)) {
            assertThat(count(again, "SELECT COUNT(*) FROM card_series")).as("loaded once").isEqualTo(3);
        }
    }

    @Test
    void failedAuthenticationIsThrottledPerSourceThenBlocked() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_AUTH_FAILURES_PER_MINUTE", "3", "CARDDESK_AUTH_BLOCK_SECONDS", "120"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(send(server, "GET", "/api/v1/card-series", "guess-" + i, null).statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> fourth = send(server, "GET", "/api/v1/card-series", "guess-4", null);
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.body()).contains("auth_blocked");
            assertThat(fourth.headers().firstValue("Retry-After")).hasValue("120");
            HttpResponse<String> right = send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN,
                    null);
            assertThat(right.statusCode()).as("blocked for a while, whatever it sends").isEqualTo(429);
            assertThat(send(server, "GET", "/health", null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void behindATrustedReverseProxyEachForwardedSourceIsCountedOnItsOwn() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_AUTH_FAILURES_PER_MINUTE", "3", "CARDDESK_AUTH_BLOCK_SECONDS", "120",
                "CARDDESK_CENTRAL_TRUSTED_PROXIES", "127.0.0.1"))) {
            for (int i = 0; i < 4; i++) {
                send(server, "GET", "/api/v1/card-series", "guess-" + i, null, "198.51.100.7, 203.0.113.9");
            }
            assertThat(send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN, null,
                    "203.0.113.9").statusCode()).as("the guessing source is blocked").isEqualTo(429);
            assertThat(send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN, null,
                    "203.0.113.10").statusCode()).as("another desk behind the same proxy is not").isEqualTo(200);
        }
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_AUTH_FAILURES_PER_MINUTE", "3", "CARDDESK_AUTH_BLOCK_SECONDS", "120"))) {
            for (int i = 0; i < 4; i++) {
                send(server, "GET", "/api/v1/card-series", "guess-" + i, null, "203.0.113." + i);
            }
            assertThat(send(server, "GET", "/api/v1/card-series", CentralConfig.DEFAULT_TOKEN, null,
                    "203.0.113.10").statusCode()).as("a header from an untrusted peer changes nothing").isEqualTo(429);
        }
    }

    @Test
    void searchesOfTheRegistersAreLimitedPerWorkstationAndEveryPopulationLookUpIsAudited() throws Exception {
        try (CentralServer server = start(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_NATIONAL_SEARCHES_PER_MINUTE", "2", "CARDDESK_POPULATION_LOOKUPS_PER_MINUTE", "3"))) {
            server.database().jdbi().useHandle(h -> h.execute("INSERT INTO workstation (token_hash, library_code, "
                    + "name) VALUES (?, 'DEMO-DK', 'second desk')", Envelope.sha256(DESK)));
            String token = CentralConfig.DEFAULT_TOKEN;
            String[] numbers = {"0101901234", "3102901234", "0101900000"};
            for (String number : numbers) {
                int status = send(server, "POST", "/api/v1/population/lookup", token,
                        "{\"number\":\"" + number + "\"}").statusCode();
                assertThat(status).as(number).isIn(200, 404, 422);
            }
            HttpResponse<String> fourth = send(server, "POST", "/api/v1/population/lookup", token,
                    "{\"number\":\"0101901234\"}");
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.body()).contains("rate_limited");
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
            assertThat(send(server, "POST", "/api/v1/population/lookup", DESK, "{\"number\":\"0101901234\"}")
                    .statusCode()).as("another workstation has its own allowance").isNotEqualTo(429);

            for (int i = 0; i < 2; i++) {
                assertThat(send(server, "POST", "/api/v1/national/search", token, "{\"cardNumber\":\"409900001\"}")
                        .statusCode()).isEqualTo(404);
            }
            assertThat(send(server, "POST", "/api/v1/national/search", token, "{\"cardNumber\":\"409900001\"}")
                    .statusCode()).isEqualTo(429);

            assertThat(count(server, "SELECT COUNT(*) FROM audit_event WHERE action = 'POPULATION_LOOKUP'"))
                    .as("every look-up that reached the register, found or not").isEqualTo(4);
            assertThat(count(server, "SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%0101901234%' "
                    + "OR detail LIKE '%3102901234%'")).as("never the number").isZero();
        }
    }
}
