package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.Envelope;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A Norwegian desk with the real central service on loopback: a national card from another
 * library is activated here after the patron accepts the loan rules, and unsubscribing keeps the
 * patron where a claim remains.
 */
class NationalCardUiIT extends DeskUiIT {

    private static final String OSLO = "ui-oslo-token";
    private static final String BERGEN = "ui-bergen-token";
    private int port;
    private CentralServer central;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = Json.mapper();
    /** The patron's own PIN, as their home library's desk sent it: an Argon2id hash. */
    private static final String PIN = "4826";
    private static final String PIN_HASH = new app.carddesk.security.Argon2PinHasher(1024, 1).hash(PIN);

    @Override
    String profile() {
        return "DEMO-NO";
    }

    @Override
    DeskConfig config(Path dir) {
        return new DeskConfig(dir, profile(), Locale.ENGLISH, "http://127.0.0.1:" + port, OSLO, 15);
    }

    @BeforeEach
    @Override
    void openDesk() throws java.util.concurrent.TimeoutException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", OSLO,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-NO", "CARDDESK_RETENTION_AT", "off"))
                .with(port, MigratedH2.url(dataDir.resolve("central/c"), true));
        central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC());
        central.database().jdbi().useHandle(h -> h.execute("INSERT INTO workstation (token_hash, library_code, name) "
                + "VALUES (?, 'DEMO-NO-BGO', 'bergen desk')", Envelope.sha256(BERGEN)));
        super.openDesk();
    }

    @AfterEach
    void stopCentral() {
        central.close();
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private UUID registerAt(String token, String card, String surname) throws Exception {
        return registerAt(token, card, surname, new Api.Identity("NONE", null));
    }

    private UUID registerAt(String token, String card, String surname, Api.Identity identity) throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> r = call("POST", "/api/v1/patrons", token, new Api.Patron(id, card, identity, surname, "Kari", LocalDate.of(1970, 1, 5), null, null,
                new Api.Address("Gate 1", "5003", "Bergen", "Norge"), "BGO-MAIN", "ADULT", null, true, 0L, 0L, null,
                List.of(), PIN_HASH));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id;
    }

    private <T> T central(String sql, Class<T> type, Object... args) {
        return central.database().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(type).one();
        });
    }

    @Test
    void aScannedCardFromAnotherLibraryIsActivatedAfterTheLoanRulesAreAccepted(FxRobot robot) throws Exception {
        // With a (synthetic) fødselsnummer: this library sees its kind, never the number.
        UUID id = registerAt(BERGEN, "N010000001", "Dahl", new Api.Identity("FNR", "14839512318"));

        scan(robot, "N010000001");
        waitForText(robot, "#activate-homeLibrary", "Demo bibliotek Bergen");
        assertThat(text(robot, "#activate-name")).isEqualTo("Kari Dahl");
        waitForText(robot, "#rulesText", "Loan rules of Demo public library Oslo (version 2)");
        waitUntil(() -> robot.lookup("#rulesAccepted").query().isFocused());
        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#activatePin").query().isFocused());
        assertThat(robot.lookup("#rulesAccepted").<javafx.scene.control.CheckBox>query().isSelected())
                .as("Enter never ticks the loan rules as accepted").isFalse();
        // Staff switch to Norwegian to show the patron the rules: the same version, in Norwegian.
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<Locale>>query()
                .setValue(Locale.forLanguageTag("nb")));
        waitForText(robot, "#rulesText", "Lånereglement for Demo folkebibliotek Oslo (versjon 2)");
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<Locale>>query()
                .setValue(Locale.ENGLISH));
        waitForText(robot, "#rulesText", "Loan rules of Demo public library Oslo (version 2)");
        assertThat(count("SELECT COUNT(*) FROM patron")).as("not a patron here before activation").isZero();

        click(robot, "#activateButton");
        waitForText(robot, "#activateMessage", "must accept the loan rules (version 2)");
        click(robot, "#rulesAccepted");
        click(robot, "#activateButton");
        waitForText(robot, "#activatePinMessage", "type their PIN");
        fill(robot, "#activatePin", "1111");
        click(robot, "#activateButton");
        waitForText(robot, "#activatePinMessage", "The PIN is not right");
        assertThat(count("SELECT COUNT(*) FROM patron")).as("a wrong PIN activates nobody").isZero();
        assertThat(text(robot, "#activatePin")).as("a PIN is never kept on screen").isEmpty();
        fill(robot, "#activatePin", PIN);
        click(robot, "#activateButton");
        waitForText(robot, "#patronTitle", "Kari Dahl");
        assertThat(central("SELECT proof FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                String.class, id)).isEqualTo("PIN");
        assertThat(text(robot, "#fact-identity")).as("the national ID stays with the home library")
                .isEqualTo("Fødselsnummer (held by the home library)");
        // The kind of ID is what the services need.
        waitForText(robot, "#service-IDPORTEN_LOGIN", "Log in with ID-porten: yes");
        waitForText(robot, "#homeElsewhere", "home library is Demo bibliotek Bergen");
        assertThat(robot.lookup("#patronEmail").query().isDisabled()).as("Bergen owns the e-mail address").isTrue();
        assertThat(robot.lookup("#newCardButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#unsubscribeButton").query().isDisabled()).as("leaving stays possible").isFalse();
        waitUntil(() -> visible(robot, "#library-DEMO-NO-BGO"));
        // The screen built again in another language shows the same: services, libraries, the home library.
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<Locale>>query()
                .setValue(Locale.forLanguageTag("nb")));
        waitForText(robot, "#service-IDPORTEN_LOGIN", "Logg inn med ID-porten: ja");
        assertThat(text(robot, "#library-DEMO-NO-BGO")).contains("Demo bibliotek Bergen");
        assertThat(text(robot, "#homeElsewhere")).contains("Demo bibliotek Bergen");
        interact(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<Locale>>query()
                .setValue(Locale.ENGLISH));
        waitForText(robot, "#service-IDPORTEN_LOGIN", "Log in with ID-porten: yes");
        assertThat(text(robot, "#fact-card")).isEqualTo("N010000001");
        assertThat(central("SELECT rules_version FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_ACTIVATED' AND patron_id = ?", id))
                .isEqualTo(1);

        scan(robot, "N010000001");
        waitForText(robot, "#patronTitle", "Kari Dahl");
    }

    @Test
    void unsubscribingKeepsThePatronWhereAClaimRemains(FxRobot robot) throws Exception {
        UUID id = registerAt(OSLO, "N000000301", "Berg");
        assertThat(call("POST", "/api/v1/patrons/" + id + "/activation", BERGEN, new Api.Activation(1, false, PIN))
                .statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/patrons/" + id + "/standing", BERGEN, new Api.Standing(0, 0, 1, null))
                .statusCode()).isEqualTo(200);

        // Another desk of this library knows the patron too.
        var otherDesk = app.carddesk.SignedInDesk.open(new DeskConfig(dataDir.resolve("other"), "DEMO-NO",
                Locale.ENGLISH, "http://127.0.0.1:" + port, OSLO, 15), CLOCK);
        otherDesk.sync().orElseThrow().syncOnce();
        assertThat(otherDesk.issuing().lookUp("N000000301"))
                .isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);

        scan(robot, "N000000301");
        waitForText(robot, "#patronTitle", "Kari Berg");
        waitForText(robot, "#library-DEMO-NO-BGO", "Demo bibliotek Bergen: 0 loans, 0 reminders, one claim");
        assertThat(text(robot, "#library-DEMO-NO")).contains("(home library)");
        // The demo profile stands in for Oslo's library system: staff type its standing.
        fill(robot, "#loansField", "two");
        click(robot, "#saveStanding");
        waitForText(robot, "#standingProblem", "whole numbers");
        fill(robot, "#loansField", "2");
        click(robot, "#saveStanding");
        waitForText(robot, "#library-DEMO-NO", "2 loans");
        assertThat(central("SELECT loans FROM membership WHERE patron_id = ? AND library_code = 'DEMO-NO'",
                Integer.class, id)).isEqualTo(2);
        fill(robot, "#loansField", "0");
        click(robot, "#saveStanding");
        waitForText(robot, "#library-DEMO-NO", "0 loans");

        click(robot, "#unsubscribeButton");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        click(robot, "#confirmGoAhead");
        waitForText(robot, "#frameNotice", "stays registered where something remains");
        waitUntil(() -> visible(robot, "#cardField") && !visible(robot, "#patronTitle"));
        waitForText(robot, "#remaining-DEMO-NO-BGO", "Demo bibliotek Bergen: 0 loans, 0 reminders, one claim");

        assertThat(count("SELECT COUNT(*) FROM patron")).as("gone from this desk").isZero();
        assertThat(count("SELECT COUNT(*) FROM card WHERE number = 'N000000301' AND status = 'RETIRED'"))
                .as("the card still works in Bergen").isZero();
        assertThat(central("SELECT COUNT(*) FROM membership WHERE patron_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(central("SELECT library_code FROM patron WHERE id = ?", String.class, id))
                .isEqualTo("DEMO-NO-BGO");

        // The other desk hears the patron left this library: forgotten there too, the card not retired.
        try (otherDesk) {
            otherDesk.sync().orElseThrow().syncOnce();
            assertThat(otherDesk.issuing().patron(id)).isEmpty();
            assertThat(otherDesk.issuing().lookUp("N000000301")).as("the card still works in Bergen")
                    .isNotInstanceOf(app.carddesk.issuing.CardLookup.Retired.class);
        }
    }
}
