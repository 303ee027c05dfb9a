package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.api.Json;
import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.store.JdbiSyncLedger;
import app.carddesk.sync.CentralClient;
import app.carddesk.sync.SyncService;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two central instances on one PostgreSQL database, and a desk that knows both: one instance dies
 * in the middle of the desk's push, the desk goes on with the other, and every registration
 * arrives exactly once.
 */
class TwoCentralsOnePostgresIT {

    private static final String TOKEN = "two-centrals-token";
    /** Each registered with an e-mailed PIN: a batch of registrations, then a PIN request each. */
    private static final int PATRONS = 60;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPostgres() {
        CentralFixture.requirePostgres();
    }

    private static CentralServer start() {
        Map<String, String> env = new HashMap<>(Map.of("CARDDESK_CENTRAL_DEMO", "true",
                "CARDDESK_CENTRAL_TOKEN", TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK", "CARDDESK_RETENTION_AT", "off",
                "CARDDESK_CENTRAL_DB_USER", System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"),
                "CARDDESK_CENTRAL_DB_PASSWORD", System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD",
                        "carddesk")));
        return CentralServer.start(CentralConfig.from(env).with(0, CentralFixture.POSTGRES_URL),
                (to, subject, body) -> { }, Clock.systemUTC());
    }

    @Test
    void aCentralInstanceDyingDuringAPushLosesAndDoublesNothing() throws Exception {
        CentralFixture.emptyPostgres(CentralFixture.POSTGRES_URL,
                System.getenv().getOrDefault("CARDDESK_TEST_PG_USER", "carddesk"),
                System.getenv().getOrDefault("CARDDESK_TEST_PG_PASSWORD", "carddesk"));
        CentralServer first = start();
        try (CentralServer second = start();
             DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("desk"), "DEMO-DK", Locale.ENGLISH),
                     Clock.systemUTC())) {
            for (int i = 0; i < PATRONS; i++) {
                var issuing = desk.issuing();
                IssueOutcome outcome = issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                        .check("4099" + String.format("%05d", 10_000 + i)).value(), RegistrationKind.EXPECTS_NATIONAL_ID,
                        null, new PatronDetails("Berg", "Anna " + i, LocalDate.of(1990, 5, 17),
                        "anna" + i + "@example.org", "", new Address("Vej 1", "1000", "København K", "")), null,
                        PinDelivery.EMAIL, null, true, "STUDENT", "KB-SK", "da"));
                assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
            }
            CentralClient client = new CentralClient(List.of(java.net.URI.create("http://127.0.0.1:" + first.port()),
                    java.net.URI.create("http://127.0.0.1:" + second.port())), TOKEN, Json.mapper(),
                    Duration.ofSeconds(2));
            AtomicBoolean killed = new AtomicBoolean();
            SyncService sync = new SyncService(client, new JdbiSyncLedger(desk.database(), Clock.systemUTC(),
                    "desk"), Json.mapper(), Clock.systemUTC(), (item, response) -> {
                        // The first instance dies once it has answered the desk's first request.
                        if (killed.compareAndSet(false, true)) {
                            first.close();
                        }
                    });
            SyncService.Round round = sync.syncOnce();
            assertThat(killed).as("the first instance was stopped mid-push").isTrue();
            assertThat(round.state()).as("the desk moved on within the round, never offline").isEqualTo(
                    app.carddesk.sync.SyncStatus.State.ONLINE);
            assertThat(sync.status().pending()).as("the queue drained through the second instance").isZero();
            assertThat(client.base().getPort()).isEqualTo(second.port());
            int patrons = second.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM patron WHERE library_code = 'DEMO-DK'").mapTo(Integer.class).one());
            int cards = second.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(DISTINCT number) FROM card").mapTo(Integer.class).one());
            int pins = second.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM patron WHERE pin_hash IS NOT NULL").mapTo(Integer.class).one());
            int mailed = second.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'PIN_EMAILED'").mapTo(Integer.class).one());
            assertThat(pins).as("every PIN request once").isEqualTo(PATRONS);
            assertThat(mailed).as("one PIN mail each").isEqualTo(PATRONS);
            assertThat(patrons).as("every registration once").isEqualTo(PATRONS);
            assertThat(cards).isEqualTo(PATRONS);
            long problems = desk.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM sync_problem").mapTo(Long.class).one());
            assertThat(problems).as("nothing for Needs attention").isZero();
        } finally {
            first.close();
        }
    }
}
