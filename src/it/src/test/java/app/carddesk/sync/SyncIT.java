package app.carddesk.sync;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.DeskBackend;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.DatabaseSearch;
import app.carddesk.central.SmtpMailer;
import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.NationalRegister;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.letter.StoredDataReport;
import app.carddesk.store.JdbiSyncLedger;
import app.carddesk.ui.DeskConfig;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Desks and the real central service on loopback, each with its own H2 file. */
class SyncIT {

    private static final String TOKEN = "desk-sync-token";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private CentralServer central;
    private DeskBackend deskA;
    private DeskBackend deskB;
    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {deskA, deskB, central}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private CentralServer startCentral(int port) {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dir.resolve("central/central"), true));
        return CentralServer.start(config, new SmtpMailer("127.0.0.1", mail.getSmtp().getPort(),
                "desk@carddesk.invalid"), clock);
    }

    private DeskBackend desk(String name) {
        return app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve(name), "DEMO-DK", Locale.ENGLISH), clock);
    }

    private SyncService sync(DeskBackend desk, int port, SyncService.AfterSend hook) {
        return new SyncService(new CentralClient(URI.create("http://127.0.0.1:" + port), TOKEN, Json.mapper(),
                Duration.ofMillis(500)), new JdbiSyncLedger(desk.database(), clock, "desk"), Json.mapper(),
                clock, hook);
    }

    private SyncService sync(DeskBackend desk, int port) {
        return sync(desk, port, (item, response) -> { });
    }

    private static UUID issue(DeskBackend desk, String card, String surname, String email) {
        var issuing = desk.issuing();
        IssueOutcome outcome = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy().check(card).value(),
                RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails(surname, "Anna",
                LocalDate.of(1990, 5, 17), email, "", new Address("Vej 1", "1000", "København K", "")), null,
                email == null ? PinDelivery.OWN_PIN : PinDelivery.EMAIL, email == null ? "4826" : null, true,
                "STUDENT", "KB-SK", "da"));
        assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
        return ((IssueOutcome.Issued) outcome).patronId();
    }

    private int centralPatrons() {
        return central.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron")
                .mapTo(Integer.class).one());
    }

    private <T> T atCentral(String sql, Class<T> type, Object... args) {
        return central.database().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(type).one();
        });
    }

    @Test
    void aChildWithANewGuardianAndAMergeReachTheCentralRegister() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        SyncService sync = sync(deskA, port);
        var issuing = deskA.issuing();
        IssueOutcome child = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy().check("409900050")
                .value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Holm", "Ida",
                LocalDate.now().minusYears(8), null, "", new Address("Vej 2", "1000", "København K", "")), null,
                PinDelivery.OWN_PIN, "4826", true, "STUDENT", "KB-SK", "da",
                app.carddesk.issuing.GuardianChoice.registered(new PatronDetails("Holm", "Jonas",
                        LocalDate.of(1985, 4, 4), "jonas@example.org", "", null), "PUBLIC", clock.instant())));
        assertThat(child).as(child.toString()).isInstanceOf(IssueOutcome.Issued.class);
        UUID childId = ((IssueOutcome.Issued) child).patronId();
        UUID temporary = issue(deskA, "409900051", "Lund", null);
        UUID again = issue(deskA, "409900052", "Lund", "lund@example.org");
        issuing.upkeep().updateBalances(temporary, 3000, 0);
        issuing.upkeep().updateBalances(again, 1000, 500);
        assertThat(sync.syncOnce().refused()).isZero();
        assertThat(atCentral("SELECT COUNT(*) FROM guardian_link WHERE child_id = ?", Integer.class, childId))
                .isEqualTo(1);

        deskB = desk("b");
        SyncService syncB = sync(deskB, port);
        syncB.syncOnce();
        assertThat(deskB.issuing().patron(temporary)).isPresent();
        // The child's guardian arrives at the other desk too.
        UUID guardianAtB = deskB.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT guardian_id FROM guardian_link WHERE child_id = ?").bind(0, childId).mapTo(UUID.class)
                .findOne().orElse(null));
        assertThat(guardianAtB).isEqualTo(atCentral("SELECT guardian_id FROM guardian_link WHERE child_id = ?",
                UUID.class, childId));

        assertThat(issuing.upkeep().merge(again, temporary, "409900051")).isEmpty();
        SyncService.Round round = sync.syncOnce();
        assertThat(round.refused()).isZero();
        assertThat(atCentral("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, temporary)).isZero();
        assertThat(atCentral("SELECT card_number FROM patron WHERE id = ?", String.class, again))
                .isEqualTo("409900051");
        assertThat(atCentral("SELECT fees_owed_minor FROM patron WHERE id = ?", Long.class, again)).isEqualTo(4000);
        assertThat(atCentral("SELECT status FROM card WHERE number = '409900052'", String.class)).isEqualTo("RETIRED");
        assertThat(sync.status().pending()).isZero();
        assertThat(sync.status().problems()).isZero();

        // Another desk hears of the merge: one patron, the kept card on them, the other card retired.
        syncB.syncOnce();
        assertThat(deskB.issuing().patron(temporary)).isEmpty();
        assertThat(deskB.issuing().lookUp("409900051")).isEqualTo(new app.carddesk.issuing.CardLookup.Issued(
                deskB.profile().cardNumberPolicy().check("409900051").value(), again));
        assertThat(deskB.issuing().patron(again).orElseThrow().feesOwedMinor()).isEqualTo(4000);
    }

    @Test
    void aCardRetiredAtTheDeskIsRetiredAtTheCentralRegisterWithTheSameReason() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        SyncService sync = sync(deskA, port);
        var issuing = deskA.issuing();
        UUID lost = issue(deskA, "409900060", "Berg", null);
        UUID converted = issue(deskA, "409900062", "Hassan", null);
        assertThat(sync.syncOnce().refused()).isZero();

        assertThat(issuing.upkeep().issueNewCard(lost, "409900061",
                app.carddesk.issuing.PatronUpkeep.CardReplacement.LOST)).isEmpty();
        var amira = ((app.carddesk.issuing.FetchResult.Found) issuing.fetch(issuing.checkIdentity("3006014002")
                .value())).person();
        assertThat(issuing.upkeep().registerNationalId(converted, amira)).isEmpty();
        assertThat(sync.syncOnce().refused()).isZero();

        assertThat(atCentral("SELECT status || ' ' || retired_reason FROM card WHERE number = '409900060'",
                String.class)).isEqualTo("RETIRED LOST");
        assertThat(atCentral("SELECT card_number FROM patron WHERE id = ?", String.class, lost)).isEqualTo("409900061");
        assertThat(atCentral("SELECT status || ' ' || retired_reason FROM card WHERE number = '409900062'",
                String.class)).isEqualTo("RETIRED DESTROYED_AFTER_CONVERSION");
        assertThat(sync.status().pending()).isZero();

        // A desk that never had the cards learns from the central register that they are retired,
        // and does not take them for blank ones.
        deskB = desk("b");
        var queries = sync(deskB, port).queries();
        assertThat(queries.card("409900060")).isInstanceOf(app.carddesk.issuing.CentralLookup.CardAnswer.Retired.class);
        assertThat(queries.card("409900062")).isInstanceOf(app.carddesk.issuing.CentralLookup.CardAnswer.Retired.class);
        assertThat(queries.card("409900061")).isInstanceOf(app.carddesk.issuing.CentralLookup.CardAnswer.Holder.class);
        assertThat(queries.card("409900069")).isInstanceOf(app.carddesk.issuing.CentralLookup.CardAnswer.Unknown.class);
    }

    @Test
    void aRegistrationMadeOfflineReachesTheCentralRegisterOnceItIsBack() throws Exception {
        int port = freePort();
        deskA = desk("a");
        SyncService sync = sync(deskA, port);
        UUID id = issue(deskA, "409900001", "Berg", null);

        SyncService.Round offline = sync.syncOnce();
        assertThat(offline.state()).isEqualTo(SyncStatus.State.OFFLINE);
        assertThat(sync.status().pending()).isEqualTo(1);
        assertThat(sync.status().oldestPendingAt()).isNotNull();

        central = startCentral(port);
        SyncService.Round back = sync.syncOnce();
        assertThat(back.sent()).isEqualTo(1);
        assertThat(back.state()).isEqualTo(SyncStatus.State.ONLINE);
        assertThat(sync.syncOnce().sent()).isZero();
        assertThat(centralPatrons()).isEqualTo(1);
        assertThat(sync.status().pending()).isZero();
        int version = deskA.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT central_version FROM patron WHERE id = ?").bind(0, id).mapTo(Integer.class).one());
        assertThat(version).isEqualTo(1);
    }

    @Test
    void theDeskReadsHowLongTheCentralRegisterKeepsWhatAndThePatronsReportSaysIt() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        var register = new CentralNationalRegister(new CentralClient(URI.create("http://127.0.0.1:" + port), TOKEN,
                Json.mapper(), Duration.ofMillis(500)), new JdbiSyncLedger(deskA.database(), clock, "desk"));
        NationalRegister.Retention kept = register.retention();
        assertThat(kept).as("a Danish library sets no inactivity period; the service's defaults")
                .isEqualTo(new NationalRegister.Retention(java.time.LocalTime.of(2, 30), 60, 365, null, 30));
        UUID id = issue(deskA, "409900910", "Berg", null);
        String report = String.join("\n", StoredDataReport.lines(app.carddesk.text.Messages.bundle(Locale.ENGLISH),
                deskA.issuing().patron(id).orElseThrow(), deskA.issuing().profile(), new StoredDataReport.History(
                        java.util.List.of(), java.util.Optional.of(java.util.List.of())),
                new StoredDataReport.Keeping(true, java.util.Optional.of(kept)), java.util.List.of(),
                java.util.List.of()));
        assertThat(report).contains("Your record is kept until you ask for it to be deleted.",
                "What was done with your record (listed below) is kept for 60 months.");
        central.close();
        central = null;
        assertThatThrownBy(register::retention).as("offline: the report says it could not be read")
                .isInstanceOf(NationalRegister.UnavailableException.class);
    }

    @Test
    void aSearchThatFindsTheCentralRegisterGoneSaysSoInTheStatusAtOnce() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        SyncService sync = sync(deskA, port);
        assertThat(sync.syncOnce().state()).isEqualTo(SyncStatus.State.ONLINE);
        java.util.List<SyncStatus.State> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        sync.onStatus(s -> told.add(s.state()));
        central.close();
        central = null;

        assertThat(sync.queries().search(new app.carddesk.domain.PatronQuery(app.carddesk.domain.PatronQuery.Kind.NAME,
                "Berg", null))).isEmpty();
        assertThat(told).as("before the next round").containsExactly(SyncStatus.State.OFFLINE);
    }

    @Test
    void aDeskGivenTwoCentralInstancesMovesToTheOneThatAnswers() throws Exception {
        int down = freePort();
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        CentralClient client = new CentralClient(CentralClient.urls("http://127.0.0.1:" + down + ", http://127.0.0.1:"
                + port), TOKEN, Json.mapper(), Duration.ofMillis(500));
        SyncService sync = new SyncService(client, new JdbiSyncLedger(deskA.database(), clock, "desk"),
                Json.mapper(), clock, (item, response) -> { });
        issue(deskA, "409900001", "Berg", null);

        SyncService.Round round = sync.syncOnce();
        assertThat(round.state()).isEqualTo(SyncStatus.State.ONLINE);
        assertThat(round.sent()).isEqualTo(1);
        assertThat(centralPatrons()).isEqualTo(1);
        assertThat(client.base().getPort()).as("the instance that answers is used from then on").isEqualTo(port);
    }

    /**
     * A reverse proxy on loopback whose central instance is gone: it answers every request with
     * {@code status} and {@code body}, as nginx does with its own error page.
     */
    private static com.sun.net.httpserver.HttpServer proxyAnswering(int status, String type, String body)
            throws IOException {
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        proxy.start();
        return proxy;
    }

    @Test
    void aDeskMovesOnWhenTheProxyInFrontOfAnInstanceSaysItsInstanceIsGone() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        // 404: the address is a web server's, not a central register's (which answers every 404 with
        // an error document of its own), such as a proxy that does not route to the instance.
        for (int status : new int[] {502, 503, 504, 404}) {
            com.sun.net.httpserver.HttpServer proxy = proxyAnswering(status, "text/html",
                    "<html><body><h1>" + status + " " + (status == 404 ? "Not Found" : "Bad Gateway")
                            + "</h1>nginx</body></html>");
            try {
                CentralClient client = new CentralClient(java.util.List.of(
                        URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()),
                        URI.create("http://127.0.0.1:" + port)), TOKEN, Json.mapper(), Duration.ofMillis(500));
                SyncService sync = new SyncService(client, new JdbiSyncLedger(deskA.database(), clock, "desk"),
                        Json.mapper(), clock, (item, response) -> { });
                issue(deskA, "40990000" + (status == 404 ? 5 : status - 500), "Berg", null);

                // The registration goes in a batch sent without waiting, the feed is read the same way.
                SyncService.Round round = sync.syncOnce();
                assertThat(round.state()).as("after a %d from the proxy", status).isEqualTo(SyncStatus.State.ONLINE);
                assertThat(round.sent()).isEqualTo(1);
                assertThat(client.base().getPort()).as("the instance that answers is used from then on")
                        .isEqualTo(port);

                // Nothing to send: the feed's read, sent without waiting, moves on by itself.
                CentralClient reader = new CentralClient(java.util.List.of(
                        URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()),
                        URI.create("http://127.0.0.1:" + port)), TOKEN, Json.mapper(), Duration.ofMillis(500));
                SyncService.Round read = new SyncService(reader, new JdbiSyncLedger(deskA.database(), clock, "desk"),
                        Json.mapper(), clock, (item, response) -> { }).syncOnce();
                assertThat(read.sent()).isZero();
                assertThat(read.state()).as("a read after a %d", status).isEqualTo(SyncStatus.State.ONLINE);
                assertThat(reader.base().getPort()).isEqualTo(port);
            } finally {
                proxy.stop(0);
            }
        }
        assertThat(centralPatrons()).isEqualTo(4);
    }

    @Test
    void aWriteWithoutAKeyIsNotSentAgainAfterAProxysAnswerThatItMayHaveArrived() throws Exception {
        com.sun.net.httpserver.HttpServer gateway = proxyAnswering(504, "text/html", "<h1>504 Gateway Time-out</h1>");
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer next = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        next.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        next.start();
        try {
            CentralClient client = new CentralClient(java.util.List.of(
                    URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                    URI.create("http://127.0.0.1:" + next.getAddress().getPort())), TOKEN, Json.mapper(),
                    Duration.ofMillis(500));
            assertThatThrownBy(() -> client.post("/api/v1/verification-rounds", null, Map.of("startsAt", "x")))
                    .isInstanceOf(CentralClient.UnreachableException.class);
            assertThat(received).as("a write the gateway's instance may have done is not done twice").hasValue(0);
            assertThat(client.base().getPort()).as("the next request goes to the next instance")
                    .isEqualTo(next.getAddress().getPort());

            CentralClient keyed = new CentralClient(java.util.List.of(
                    URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                    URI.create("http://127.0.0.1:" + next.getAddress().getPort())), TOKEN, Json.mapper(),
                    Duration.ofMillis(500));
            assertThat(keyed.post("/api/v1/patrons", "key-1", Map.of()).status()).as("a keyed write, answered once")
                    .isEqualTo(200);
            assertThat(keyed.get("/api/v1/changes?after=0").status()).isEqualTo(200);
            assertThat(received).hasValue(2);

            CentralClient signIn = new CentralClient(java.util.List.of(
                    URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()),
                    URI.create("http://127.0.0.1:" + next.getAddress().getPort())), TOKEN, Json.mapper(),
                    Duration.ofMillis(500));
            assertThat(signIn.sendAs("POST", "/api/v1/sessions", null, Map.of("userName", "x"), true).status())
                    .as("a sign-in, which does no harm twice, goes on").isEqualTo(200);
            assertThat(received).hasValue(3);
        } finally {
            gateway.stop(0);
            next.stop(0);
        }
    }

    @Test
    void aRefusalOfTheCentralServiceItselfIsAnAnswerAndNoReasonToMoveOn() throws Exception {
        com.sun.net.httpserver.HttpServer own = proxyAnswering(503, "application/json",
                "{\"error\":\"register_unavailable\",\"field\":null,\"message\":\"The population register "
                        + "cannot be reached right now.\"}");
        com.sun.net.httpserver.HttpServer other = proxyAnswering(200, "application/json", "[]");
        try {
            CentralClient client = new CentralClient(java.util.List.of(
                    URI.create("http://127.0.0.1:" + own.getAddress().getPort()),
                    URI.create("http://127.0.0.1:" + other.getAddress().getPort())), TOKEN, Json.mapper(),
                    Duration.ofMillis(500));
            assertThat(client.get("/api/v1/population/search").status()).isEqualTo(503);
            assertThat(CentralClient.await(client.getAsync("/api/v1/population/search")).status()).isEqualTo(503);
            assertThat(client.base().getPort()).isEqualTo(own.getAddress().getPort());
        } finally {
            own.stop(0);
            other.stop(0);
        }
    }

    @Test
    void aChangeAnotherLibraryOwnsLandsInNeedsAttentionAndHoldsUpNothingBehindIt() throws Exception {
        int port = freePort();
        central = startCentral(port);
        String bergen = "demo-workstation-token-bergen";
        String oslo = "demo-workstation-token-oslo";
        UUID id = UUID.randomUUID();
        String pinHash = new app.carddesk.security.Argon2PinHasher(1024, 1).hash("4826");
        assertThat(http(port, "POST", "/api/v1/patrons", bergen, "{\"id\":\"" + id + "\",\"cardNumber\":"
                + "\"N010000001\",\"identity\":{\"kind\":\"NONE\"},\"surname\":\"Dahl\",\"givenName\":\"Kari\","
                + "\"birthDate\":\"1970-01-05\",\"email\":\"kari@example.org\",\"address\":{\"line\":\"Gate 1\","
                + "\"postalCode\":\"5003\",\"city\":\"Bergen\",\"country\":\"Norge\"},\"pickupLibrary\":"
                + "\"BGO-MAIN\",\"category\":\"ADULT\",\"expectsNationalId\":true,\"pinHash\":\"" + pinHash + "\"}"))
                .isEqualTo(201);
        assertThat(http(port, "POST", "/api/v1/patrons/" + id + "/activation", oslo,
                "{\"rulesVersion\":2,\"pin\":\"4826\"}")).isEqualTo(200);

        deskA = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("oslo"), "DEMO-NO", Locale.ENGLISH), clock);
        SyncService sync = new SyncService(new CentralClient(URI.create("http://127.0.0.1:" + port), oslo,
                Json.mapper(), Duration.ofMillis(500)), new JdbiSyncLedger(deskA.database(), clock, "oslo"),
                Json.mapper(), clock, (item, response) -> { });
        sync.syncOnce();
        // Made offline, or before the screen knew: Bergen owns the patron's contact data.
        assertThat(deskA.issuing().upkeep().changeContact(id, "someone.else@example.org", "",
                new Address("Gate 2", "0150", "Oslo", "Norge"))).isEmpty();
        var issuing = deskA.issuing();
        IssueOutcome own = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy().check("N000000042")
                .value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Berg", "Ola",
                LocalDate.of(1980, 1, 1), "ola@example.org", "", new Address("Gate 3", "0150", "Oslo", "Norge")),
                null, PinDelivery.EMAIL, null, true, "ADULT", "OSL-HOV", "nb"));
        assertThat(own).isInstanceOf(IssueOutcome.Issued.class);

        sync.syncOnce();
        sync.syncOnce();
        assertThat(sync.status().state()).as("the workstation is not refused").isEqualTo(SyncStatus.State.ONLINE);
        assertThat(sync.status().pending()).as("nothing stuck in the queue").isZero();
        var problems = new JdbiSyncLedger(deskA.database(), clock, "oslo").openProblems();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("not_home_library"));
        assertThat(AttentionService.choices(problems.get(0)))
                .containsExactly(AttentionService.Choice.TAKE_CENTRAL, AttentionService.Choice.DISMISS);
        assertThat(atCentral("SELECT email FROM patron WHERE id = ?", String.class, id))
                .isEqualTo("kari@example.org");
        assertThat(atCentral("SELECT COUNT(*) FROM patron WHERE card_number = 'N000000042'", Integer.class))
                .as("the change behind it arrived").isEqualTo(1);
    }

    private static int http(int port, String method, String path, String token, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aDeskKilledBetweenSendingAndAcknowledgingCreatesNoDuplicate() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        issue(deskA, "409900002", "Dahl", null);
        SyncService dying = sync(deskA, port, (item, response) -> {
            throw new IllegalStateException("desk killed after the central register answered");
        });
        assertThatThrownBy(dying::syncOnce).hasMessageContaining("desk killed");
        assertThat(centralPatrons()).isEqualTo(1);
        assertThat(sync(deskA, port).status().pending()).as("not acknowledged, so still waiting").isEqualTo(1);

        SyncService restarted = sync(deskA, port);
        assertThat(restarted.syncOnce().sent()).isEqualTo(1);
        assertThat(restarted.status().pending()).isZero();
        assertThat(restarted.status().problems()).isZero();
        assertThat(centralPatrons()).isEqualTo(1);
    }

    @Test
    void twoDesksIssuingTheSameCardEndWithOnePatronAndOneVisibleConflict() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        UUID first = issue(deskA, "409900003", "Ahmadi", null);
        issue(deskB, "409900003", "Nowak", null);
        SyncService a = sync(deskA, port);
        SyncService b = sync(deskB, port);
        assertThat(a.syncOnce().sent()).isEqualTo(1);
        SyncService.Round roundB = b.syncOnce();
        assertThat(roundB.refused()).isEqualTo(1);
        assertThat(centralPatrons()).isEqualTo(1);
        assertThat(b.status().problems()).isEqualTo(1);
        SyncProblem problem = new JdbiSyncLedger(deskB.database(), clock, "b").openProblems().get(0);
        assertThat(problem.code()).isEqualTo("card_number_taken");
        assertThat(problem.existingId()).isEqualTo(first);
        assertThat(problem.changeKind()).isEqualTo("PATRON_CREATED");
    }

    @Test
    void theDeskThatLostTheCardGivesItsPatronANewOneAndRegistersThemAgainWithoutTouchingTheWinnersCard()
            throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        UUID nora = issue(deskA, "409900004", "Solberg", null);
        // Erik's PIN is to be mailed: the mail waits for his registration, not refused with it.
        UUID erik = issue(deskB, "409900004", "Dahl", "erik.dahl@example.org");
        SyncService a = sync(deskA, port);
        SyncService b = sync(deskB, port);
        a.syncOnce();
        assertThat(b.syncOnce().refused()).isEqualTo(1);
        b.syncOnce();
        assertThat(b.status().pending()).as("the PIN mail waits").isEqualTo(1);
        assertThat(b.status().problems()).isEqualTo(1);
        // The central register's holder of the card is the winner's patron, at this desk too.
        assertThat(deskB.issuing().lookUp("409900004")).isInstanceOfSatisfying(
                app.carddesk.issuing.CardLookup.Issued.class, i -> assertThat(i.patronId()).isEqualTo(nora));

        // Erik is another person: a new card, with no reason to give (the card was never his) and
        // nothing retired.
        assertThat(deskB.issuing().upkeep().issueNewCard(erik, "409900005", null)).isEmpty();
        assertThat(deskB.issuing().lookUp("409900004")).as("Nora's card stays hers")
                .isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
        assertThat(b.syncOnce().refused()).isZero();
        assertThat(b.syncOnce().refused()).isZero();
        assertThat(b.status().pending()).as("registered again, then the PIN mail").isZero();
        awaitMailsSent();
        assertThat(mail.getReceivedMessagesForDomain("example.org")).as("Erik's PIN mail").hasSize(1);
        assertThat(atCentral("SELECT card_number FROM patron WHERE id = ?", String.class, erik)).isEqualTo("409900005");
        assertThat(atCentral("SELECT card_number FROM patron WHERE id = ?", String.class, nora)).isEqualTo("409900004");
        assertThat(atCentral("SELECT COUNT(*) FROM card WHERE number = '409900004' AND status = 'ISSUED'",
                Integer.class)).isEqualTo(1);
        assertThat(new JdbiSyncLedger(deskB.database(), clock, "b").openProblems())
                .as("the refusal is settled once the patron is registered again").isEmpty();
    }

    @Test
    void manyRegistrationsGoInBatchesAndRefusalsStillLandInTheProblemsList() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        for (int i = 0; i < 30; i++) {
            issue(deskA, String.format("40990%04d", 100 + i), "Batch" + i, null);
        }
        issue(deskB, "409900105", "Other", null);
        issue(deskB, "409900200", "Fresh", null);
        assertThat(sync(deskB, port).syncOnce().sent()).isEqualTo(2);
        SyncService.Round round = sync(deskA, port).syncOnce();
        assertThat(round.sent()).isEqualTo(29);
        assertThat(round.refused()).isEqualTo(1);
        assertThat(centralPatrons()).isEqualTo(31);
        assertThat(new JdbiSyncLedger(deskA.database(), clock, "a").openProblems())
                .extracting(SyncProblem::code).containsExactly("card_number_taken");
    }

    @Test
    void aStaleEditIsRefusedAndSurfaced() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        UUID id = issue(deskA, "409900004", "Hansen", null);
        SyncService a = sync(deskA, port);
        SyncService b = sync(deskB, port);
        a.syncOnce();
        assertThat(b.syncOnce().pulled()).as("desk B pulls desk A's patron").isEqualTo(1);
        assertThat(deskB.issuing().lookUp("409900004")).isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);

        deskA.issuing().upkeep().updateBalances(id, 1000, 0);
        assertThat(a.syncOnce().sent()).isEqualTo(1);
        deskB.issuing().upkeep().updateBalances(id, 0, 2500);
        SyncService.Round round = b.syncOnce();
        assertThat(round.refused()).isEqualTo(1);
        assertThat(new JdbiSyncLedger(deskB.database(), clock, "b").openProblems())
                .extracting(SyncProblem::code).containsExactly("stale_version");
    }

    @Test
    void anUnsentChangeWinsOverTheFeedAndStaffChooseWhichVersionStaysAfterAConflict() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        UUID id = issue(deskA, "409900005", "Hansen", null);
        SyncService a = sync(deskA, port);
        SyncService b = sync(deskB, port);
        a.syncOnce();
        b.syncOnce();
        JdbiSyncLedger ledgerB = new JdbiSyncLedger(deskB.database(), clock, "b");
        AttentionService attention = new AttentionService(ledgerB, b, deskB.signIn().staff());

        // Desk B's change is queued when desk A's arrives in the feed: B's stays until it is sent.
        deskB.issuing().upkeep().updateBalances(id, 0, 2500);
        deskA.issuing().upkeep().updateBalances(id, 1000, 0);
        a.syncOnce();
        CentralClient feedReader = new CentralClient(URI.create("http://127.0.0.1:" + port), TOKEN, Json.mapper(),
                Duration.ofMillis(500));
        app.carddesk.api.Api.Changes feed = feedReader.read(feedReader.get("/api/v1/changes?after="
                + ledgerB.lastChangeSeq()), app.carddesk.api.Api.Changes.class);
        assertThat(feed.changes()).as("desk A's change is in the feed").isNotEmpty();
        ledgerB.applyChanges(feed.changes(), feed.last());
        assertThat(deskB.issuing().patron(id).orElseThrow().printCreditMinor()).as("the unsent change stays")
                .isEqualTo(2500);
        b.syncOnce();
        SyncProblem stale = ledgerB.openProblems().get(0);
        assertThat(stale.code()).isEqualTo("stale_version");

        // Send this desk's version again: it goes over the central register's.
        assertThat(attention.resolve(stale, AttentionService.Choice.SEND_AGAIN)).isEmpty();
        java.util.List<String> madeBy = deskB.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT staff_user FROM outbox").mapTo(String.class).list());
        assertThat(madeBy).as("sent again for the person who chose to").containsOnly("demo.dk");
        b.syncOnce();
        assertThat(atCentral("SELECT print_credit_minor FROM patron WHERE id = ?", Long.class, id)).isEqualTo(2500);
        assertThat(ledgerB.openProblems()).isEmpty();

        // Another conflict, and this time the central register's version is kept.
        a.syncOnce();
        deskA.issuing().upkeep().updateBalances(id, 700, 0);
        a.syncOnce();
        deskB.issuing().upkeep().updateBalances(id, 0, 100);
        b.syncOnce();
        SyncProblem again = ledgerB.openProblems().get(0);
        assertThat(attention.resolve(again, AttentionService.Choice.TAKE_CENTRAL)).isEmpty();
        assertThat(deskB.issuing().patron(id).orElseThrow().feesOwedMinor()).isEqualTo(700);
        assertThat(deskB.issuing().patron(id).orElseThrow().printCreditMinor()).as("desk B's change is dropped")
                .isZero();
        assertThat(ledgerB.openProblems()).isEmpty();
        b.syncOnce();
        assertThat(atCentral("SELECT print_credit_minor FROM patron WHERE id = ?", Long.class, id)).isZero();
    }

    @Test
    void anEmailedPinReachesTheMailServerAndIsStoredNowhereInClear() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        issue(deskA, "409900005", "Lindqvist", "maja@example.org");
        SyncService a = sync(deskA, port);
        // What both registers hold before the PIN is made (the patron's postal code may be the PIN by chance).
        java.util.List<String> centralBefore = DatabaseSearch.texts(central.database().jdbi());
        java.util.List<String> deskBefore = DatabaseSearch.texts(deskA.database().jdbi());
        assertThat(a.syncOnce().sent()).isEqualTo(2);
        awaitMailsSent();
        assertThat(mail.getReceivedMessages()).hasSize(1);
        String body = GreenMailUtil.getBody(mail.getReceivedMessages()[0]).replace("=\r\n", "");
        Matcher m = Pattern.compile("(\\d{4})\\s").matcher(body.substring(body.indexOf(':') + 1));
        assertThat(m.find()).isTrue();
        String pin = m.group(1);
        // Where the PIN was not among those values (nearly always) it must stand nowhere now; where it was, no
        // more often than before, counting the desk's values once more for their copies sent to the central register.
        assertThat(DatabaseSearch.count(DatabaseSearch.texts(central.database().jdbi(), deskA.database().jdbi()), pin))
                .as("the PIN is in neither register in clear").isLessThanOrEqualTo(
                        DatabaseSearch.count(centralBefore, pin) + 2 * DatabaseSearch.count(deskBefore, pin));
    }

    @Test
    void aPinAskedForWhileTheMailServerIsDownLeavesTheDeskAndIsMailedOnceItIsBack() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        issue(deskA, "409900007", "Lindqvist", "maja@example.org");
        int mailPort = mail.getSmtp().getPort();
        mail.stop();
        SyncService a = sync(deskA, port);
        SyncService.Round round = a.syncOnce();
        assertThat(round.sent()).as("the register stored the PIN and queued its mail").isEqualTo(2);
        assertThat(round.refused()).isZero();
        assertThat(a.status().pending()).as("nothing waits at the desk").isZero();
        assertThat(central.mailOutbox().pending()).isEqualTo(1);
        app.carddesk.central.MailAttempts.awaitFirst(central.database().jdbi(), central.mailOutbox());
        assertThat(app.carddesk.central.MailAttempts.most(central.database().jdbi())).as("the sender tried and the server refused").isEqualTo(1);
        // The mail server back on its port.
        com.icegreen.greenmail.util.GreenMail back = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(mailPort, "127.0.0.1", "smtp"));
        back.start();
        try {
            central.database().jdbi().useHandle(h -> h.execute(
                    "UPDATE mail_outbox SET next_attempt_at = next_attempt_at - INTERVAL '1' HOUR"));
            central.mailOutbox().sendDue();
            awaitMailsSent();
            assertThat(back.getReceivedMessages()).hasSize(1);
            assertThat(back.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("maja@example.org");
        } finally {
            back.stop();
        }
    }

    private void awaitMailsSent() throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (central.mailOutbox().pending() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(central.mailOutbox().pending()).as("mails still queued").isZero();
    }

    @Test
    void aCardTheDeskDoesNotKnowIsAskedOfTheCentralRegister() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        deskB = desk("b");
        UUID id = issue(deskA, "409900006", "Kim", null);
        sync(deskA, port).syncOnce();
        assertThat(sync(deskB, port).queries().pullByCard("409900006")).contains(id);
        assertThat(deskB.issuing().lookUp("409900006")).isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
    }

    @Test
    void changesMadeAtTheDeskArriveAsTheirPersonsAndAreRefusedOnceThatPersonMayNoLongerWork() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        UUID made = issue(deskA, "409900011", "Holm", null);
        UUID alsoMade = issue(deskA, "409900012", "Dahl", null);
        sync(deskA, port).syncOnce();
        assertThat(atCentral("SELECT staff_user FROM audit_event WHERE patron_id = ? AND action = 'PATRON_REGISTERED'",
                String.class, made)).as("the workstation sent it; the person made it").isEqualTo("demo.dk");
        assertThat(atCentral("SELECT staff_user FROM audit_event WHERE patron_id = ? AND action = 'PATRON_REGISTERED'",
                String.class, alsoMade)).isEqualTo("demo.dk");

        // Made at the desk, then the person leaves the library before the change arrives.
        UUID late = issue(deskA, "409900013", "Lund", null);
        central.database().jdbi().useHandle(h -> h.execute(
                "UPDATE staff_account SET active = FALSE WHERE user_name = 'demo.dk'"));
        SyncService sync = sync(deskA, port);
        sync.syncOnce();
        assertThat(sync.status().problems()).as("refused, it waits in Needs attention").isEqualTo(1);
        SyncProblem problem = new JdbiSyncLedger(deskA.database(), clock, "a").openProblems().get(0);
        assertThat(problem.patronId()).isEqualTo(late);
        assertThat(problem.code()).isEqualTo("acting_person_refused");
        assertThat(atCentral("SELECT COUNT(*) FROM patron WHERE id = ?", Integer.class, late)).isZero();
    }

    @Test
    void aPatronsReportAsksTheCentralRegisterWhoSawAndChangedTheRecord() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        UUID id = issue(deskA, "409900008", "Nilsen", null);
        sync(deskA, port).syncOnce();
        JdbiSyncLedger ledgerA = new JdbiSyncLedger(deskA.database(), clock, "desk");
        CentralClient clientA = new CentralClient(URI.create("http://127.0.0.1:" + port), TOKEN, Json.mapper(),
                Duration.ofSeconds(1));
        clientA.identifyAs(ledgerA.deskId());
        var register = new CentralNationalRegister(clientA, ledgerA);
        var history = register.history(id);
        // The asking desk's own entries (it sent them up) are not repeated: its report adds them itself.
        assertThat(history).extracting(app.carddesk.issuing.NationalRegister.HistoryEntry::action)
                .containsExactly("PATRON_REGISTERED");
        assertThat(history.get(0).libraryName()).isEqualTo("Demo Research Library Copenhagen");
        // Another desk opens the record: the report at the first desk says so.
        deskB = desk("b");
        sync(deskB, port).syncOnce();
        deskB.issuing().upkeep().viewed(id);
        sync(deskB, port).syncOnce();
        assertThat(register.history(id)).extracting(app.carddesk.issuing.NationalRegister.HistoryEntry::action)
                .containsExactly("PATRON_REGISTERED", "PATRON_HISTORY_READ", "PATRON_VIEWED");
    }

    @Test
    void theDesksOwnAuditTrailReachesTheCentralRegisterOnceOfflineEntriesIncluded() throws Exception {
        int port = freePort();
        deskA = desk("a");
        // Offline: the sign-in and the card issued are audited at the desk only, for now.
        UUID id = issue(deskA, "409900009", "Nilsen", null);
        deskA.issuing().upkeep().viewed(id);
        long atDesk = deskA.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event")
                .mapTo(Long.class).one());
        assertThat(atDesk).isGreaterThanOrEqualTo(2);
        central = startCentral(port);
        SyncService sync = sync(deskA, port);
        sync.syncOnce();
        String deskId = new JdbiSyncLedger(deskA.database(), clock, "desk").deskId();
        assertThat(atCentral("SELECT COUNT(*) FROM audit_event WHERE desk_id = ?", Long.class, deskId))
                .isEqualTo(atDesk);
        assertThat(atCentral("SELECT COUNT(*) FROM audit_event WHERE desk_id = ? AND action = 'PATRON_VIEWED' "
                + "AND patron_id = ?", Long.class, deskId, id)).isEqualTo(1);
        sync.syncOnce();
        assertThat(atCentral("SELECT COUNT(*) FROM audit_event WHERE desk_id = ?", Long.class, deskId))
                .as("each entry once").isEqualTo(atDesk);
    }

    @Test
    void fetchGoesThroughTheCentralService() throws Exception {
        int port = freePort();
        central = startCentral(port);
        CentralClient client = new CentralClient(URI.create("http://127.0.0.1:" + port), TOKEN, Json.mapper(),
                Duration.ofSeconds(1));
        var register = new CentralPopulationRegister(client);
        var validator = new app.carddesk.domain.IdentityValidator(true);
        assertThat(register.find(validator.check("150390-1001", LocalDate.now()).value()))
                .hasValueSatisfying(p -> assertThat(p.surname()).isEqualTo("Lindqvist"));
        assertThat(register.find(validator.check("0707611006", LocalDate.now()).value())).isEmpty();
        central.close();
        central = null;
        assertThatThrownBy(() -> register.find(validator.check("150390-1001", LocalDate.now()).value()))
                .isInstanceOf(app.carddesk.identity.PopulationRegister.RegisterUnavailableException.class);
    }

    @Test
    void aQueueOf500RegistrationsWithEveryFieldAtItsLongestDrains() throws Exception {
        int port = freePort();
        central = startCentral(port);
        deskA = desk("a");
        // The desk's own issuing, with a cheap PIN hash: the queue is what is under test, and 500
        // hashes at the desk's setting take 20 s of a core.
        var issuing = new app.carddesk.issuing.IssuingService(deskA.profile(),
                new app.carddesk.store.JdbiPatronStore(deskA.database(), clock),
                app.carddesk.identity.StandInPopulationRegister.lazilyWithBundledFixture(),
                new app.carddesk.security.Argon2PinHasher(1024, 1), deskA.signIn().staff(),
                clock);
        String name = "Ø".repeat(60) + "æ".repeat(40);
        String email = "å".repeat(180) + "@example.org";
        // Every 25th is a child whose guardian is the adult registered just before.
        java.util.Map<Integer, UUID> issued = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.BiFunction<Integer, UUID, UUID> issue = (i, guardian) -> {
            IssueOutcome outcome = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check(String.valueOf(409901000 + i)).value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                    new PatronDetails(name, name, guardian != null ? LocalDate.now().minusYears(9)
                            : LocalDate.of(1980, 1, 1), email, "+45 12 34 56 78 90 12", new Address("Æ".repeat(200),
                            "1000", "Å".repeat(100), "Ø".repeat(100))), null, PinDelivery.OWN_PIN, "4826", true,
                    "STUDENT", "KB-SK", "da", guardian == null ? null
                    : app.carddesk.issuing.GuardianChoice.existing(guardian, java.time.Instant.now())));
            assertThat(outcome).as("registration " + i).isInstanceOf(IssueOutcome.Issued.class);
            return ((IssueOutcome.Issued) outcome).patronId();
        };
        java.util.stream.IntStream.range(0, 500).filter(i -> i % 25 != 24)
                .forEach(i -> issued.put(i, issue.apply(i, null)));
        for (int i = 24; i < 500; i += 25) {
            issued.put(i, issue.apply(i, issued.get(i - 1)));
        }
        SyncService.Round round = sync(deskA, port).syncOnce();
        assertThat(round.sent()).as("every queued registration pushed in one round").isEqualTo(500);
        assertThat(round.refused()).isZero();
        assertThat(centralPatrons()).isEqualTo(500);
        assertThat(new JdbiSyncLedger(deskA.database(), clock, "a").pendingCount()).isZero();
        assertThat(atCentral("SELECT COUNT(*) FROM guardian_link", Integer.class)).isEqualTo(20);
    }
}
