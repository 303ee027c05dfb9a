package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A desk on its own joins its library's organisation from the sign-in screen: the central
 * register's address and the one-time code a library administrator made, typed at the desk; a
 * wrong code says so, the right one leaves the desk's own credential in its settings file,
 * readable by its user only, and the next start connects with it.
 */
class EnrolmentUiIT extends DeskUiIT {

    private static final ObjectMapper JSON = Json.mapper();

    @Override
    boolean startsSignedIn() {
        return false;
    }

    /** A library administrator's enrolment code, made through the API as the administration screen will. */
    private static String code(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        String session = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Authorization", "Bearer enrol-ui-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Api.SignIn("demo.dk",
                        DemoStaff.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString()).body()).get("token")
                .asText();
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/enrolment-codes"))
                .header("Authorization", "Bearer enrol-ui-token").header(Api.SESSION_HEADER, session)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(new Api.EnrolmentRequest("Front desk 3")))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("code").asText();
    }

    @Test
    void aDeskOnItsOwnJoinsTheOrganisationWithAOneTimeCode(FxRobot robot) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                "enrol-ui-token", "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true)).withRetentionAt("off");
        // A port where connections are refused: bound, never listening.
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC());
             java.net.Socket refusing = new java.net.Socket()) {
            refusing.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            String code = code(port);
            waitUntil(() -> visible(robot, "#signInScreen"));
            // Opened from the keyboard (its mnemonic): the address field takes what is typed next.
            robot.press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.O)
                    .release(javafx.scene.input.KeyCode.ALT);
            waitUntil(() -> robot.lookup("#enrolAddress").query().isFocused());
            fill(robot, "#enrolAddress", "http://127.0.0.1:" + port + ", central two");
            fill(robot, "#enrolCode", "abcd-efgh-jkmn");
            clickOn(robot, "#enrolButton");
            waitUntil(() -> text(robot, "#enrolProblem").startsWith("“central” is not an address"));
            assertThat(org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup("#enrolAddress")
                    .query())).as("the address field is marked, not the code's").isNotEmpty();
            assertThat(org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup("#enrolCode")
                    .query())).isNullOrEmpty();
            // Only the instance that does not answer: said in words, with no Java class in them.
            fill(robot, "#enrolAddress", "http://127.0.0.1:" + refusing.getLocalPort());
            clickOn(robot, "#enrolButton");
            waitUntil(() -> text(robot, "#enrolProblem").startsWith("Nothing answers at that address"));
            // Two instances, as IT gave them: the first does not answer, so the desk joins at the second.
            fill(robot, "#enrolAddress", "http://127.0.0.1:" + refusing.getLocalPort() + ", http://127.0.0.1:" + port + "/");
            clickOn(robot, "#enrolButton");
            waitUntil(() -> text(robot, "#enrolProblem").startsWith("This enrolment code is not valid"));

            fill(robot, "#enrolCode", code);
            clickOn(robot, "#enrolButton");
            waitUntil(() -> text(robot, "#enrolDone").contains("Front desk 3"));
            // Joined: nothing more to type; the way out is offered and has the keyboard.
            waitUntil(() -> visible(robot, "#enrolClose") && robot.lookup("#enrolClose").query().isFocused());
            assertThat(robot.lookup("#enrolButton").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#enrolCode").query().isDisabled()).isTrue();
            assertThat(text(robot, "#enrolDone")).contains("DEMO-DK").contains("start it again");
        }
        var settings = dataDir.resolve("carddesk.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
        Properties p = new Properties();
        try (var in = Files.newInputStream(settings)) {
            p.load(in);
        }
        assertThat(p.getProperty("carddesk.central.url")).startsWith("http://127.0.0.1:")
                .endsWith(",http://127.0.0.1:" + port).contains(",");
        assertThat(app.carddesk.sync.CentralClient.urls(p.getProperty("carddesk.central.url"))).hasSize(2);
        assertThat(p.getProperty("carddesk.central.token")).hasSizeGreaterThan(30);
        assertThat(p.getProperty("carddesk.profile")).isEqualTo("DEMO-DK");
    }
}
