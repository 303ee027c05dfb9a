package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.DeskGate;
import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.ui.DeskConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library put into service from nothing, as the README's steps do it: its configuration imported
 * into the central register, its first administrator and its first desk's enrolment code made on
 * the central's machine; the desk enrols, the administrator signs in there and the desk receives the
 * library's configuration; a card is issued under its rules; a category renamed and loan rules
 * version 2 published at the central register reach the desk at its next sync, without a restart.
 */
class LibraryIntoServiceIT {

    private static final ObjectMapper JSON = Json.mapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private CentralServer central;
    private DeskBackend desk;

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void aLibraryFromNothingIssuesItsFirstCardAndItsDeskFollowsEachChangeOfItsConfiguration() throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true")).with(0,
                "jdbc:h2:file:" + dir.resolve("central/c")).withRetentionAt("off");
        central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC());

        Path file = dir.resolve("kb-test.json");
        Files.write(file, JSON.writeValueAsBytes(researchersFrom25()));
        assertThat(setUp("config", "import", file.toString())).contains("KB-TEST (Test Library Aarhus) created");
        String password = find(setUp("add-admin", "KB-TEST", "kb.admin", "Karen Bach"),
                "at the first sign-in\\): (\\S+)");
        String code = find(setUp("enrolment-code", "KB-TEST", "Front desk 1"), "at KB-TEST: (\\S+) ");
        JsonNode enrolled = JSON.readTree(send("POST", "/api/v1/enrolment", null, JSON.writeValueAsString(
                new Api.Enrol(code)), 201));
        String token = enrolled.get("token").asText();

        DeskConfig deskConfig = new DeskConfig(dir.resolve("desk"), "KB-TEST", Locale.ENGLISH,
                "http://127.0.0.1:" + central.port(), token, 15);
        DeskGate gate = DeskGate.open(deskConfig, Clock.systemUTC());
        assertThat(gate.signIn().signIn("kb.admin", password)).isInstanceOf(StaffSignIn.MustChangePassword.class);
        assertThat(gate.signIn().changePassword(password, "quiet harbour lamp by the fjord",
                "quiet harbour lamp by the fjord")).isInstanceOf(StaffSignIn.SignedIn.class);
        desk = DeskBackend.open(gate);

        assertThat(desk.profile().name()).isEqualTo("Test Library Aarhus");
        assertThat(desk.profile().testProfile()).isFalse();
        var issuing = desk.issuing();
        // A real library gets no synthetic person from the stand-in register: Fetch says none is connected.
        assertThat(issuing.fetch(issuing.checkIdentity("1503901001").value()))
                .isInstanceOf(app.carddesk.issuing.FetchResult.NotConnected.class);
        IssueOutcome issued = issuing.issue(request(issuing, "410000001", "STUDENT", 1990));
        assertThat(issued).isInstanceOf(IssueOutcome.Issued.class);
        IssueOutcome tooYoung = issuing.issue(request(issuing, "410000002", "RESEARCHER", 2004));
        assertThat(tooYoung).isInstanceOfSatisfying(IssueOutcome.Refused.class, r ->
                assertThat(r.problem().key()).isEqualTo("category.tooYoung"));
        desk.sync().orElseThrow().syncOnce();
        assertThat(centralCount("SELECT COUNT(*) FROM patron WHERE library_code = 'KB-TEST'")).isEqualTo(1);

        // The central register changes: a category renamed, loan rules version 2 published.
        ObjectNode now = (ObjectNode) JSON.readTree(send("GET", "/api/v1/libraries/KB-TEST/configuration",
                CentralConfig.DEMO_ADMIN_TOKEN, null, 200));
        ((ObjectNode) now.withArray("categories").get(0).get("names")).put("en", "Degree student");
        now.withArray("loanRules").addObject().put("version", 2).putObject("text").put("en", "Loan rules, version 2.");
        send("PUT", "/api/v1/libraries/KB-TEST/configuration", CentralConfig.DEMO_ADMIN_TOKEN, now.toString(), 200);

        java.util.List<LibraryConfiguration> arrived = new java.util.concurrent.CopyOnWriteArrayList<>();
        desk.sync().orElseThrow().onConfiguration(arrived::add);
        desk.sync().orElseThrow().syncOnce();

        assertThat(arrived).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo(2));
        assertThat(desk.issuing().profile().categories().get(0).nameEn()).isEqualTo("Degree student");
        assertThat(desk.profile().categories().get(0).nameEn()).as("the desk works with the new profile at once")
                .isEqualTo("Degree student");
        assertThat(new app.carddesk.store.ProfileRepository(desk.database()).configuration("KB-TEST").orElseThrow()
                .loanRules()).extracting(LibraryConfiguration.LoanRules::version).containsExactly(1, 2);

        desk.sync().orElseThrow().syncOnce();
        assertThat(arrived).as("nothing changed since: nothing applied again").hasSize(1);
    }

    private static IssueRequest request(app.carddesk.issuing.IssuingService issuing, String card, String category,
                                        int born) {
        return new IssueRequest(issuing.profile().cardNumberPolicy().check(card).value(),
                app.carddesk.domain.RegistrationKind.EXPECTS_NATIONAL_ID, null, new app.carddesk.issuing.PatronDetails(
                "Berg", "Anna" + card, java.time.LocalDate.of(born, 5, 17), "", "",
                new app.carddesk.domain.Address("Vej 1", "8000", "Aarhus C", "")), null,
                app.carddesk.domain.PinDelivery.OWN_PIN, "4826", true, category, issuing.profile().homeLibraryCode(),
                "en");
    }

    private long centralCount(String sql) {
        return central.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private String setUp(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new SetUp(central.database(), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String send(String method, String path, String token, String body, int status) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + central.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return r.body();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    /** Visiting researchers from 25 years of age, at this library. */
    private static ObjectNode researchersFrom25() {
        ObjectNode file = TestLibraries.aarhus();
        ((ObjectNode) file.withArray("categories").get(3)).put("minAge", 25);
        return file;
    }
}
