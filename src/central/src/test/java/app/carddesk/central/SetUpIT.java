package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library put into service from the central's command line, as the README's steps do it: its
 * configuration imported from a file, its first administrator, its first desk's enrolment code;
 * then that desk enrols and the administrator signs in with the one-time password.
 */
class SetUpIT {

    private static final ObjectMapper JSON = Json.mapper();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private CentralFixture central;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        central = new CentralFixture(dir.resolve("register"), mail.getSmtp().getPort());
    }

    @AfterEach
    void stop() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void aRealLibrarysFetchIsAnsweredByThePopulationRegisterAnAdapterConnects() throws Exception {
        central.close();
        Path adapters = dir.resolve("adapters");
        TestAdapters.jar(adapters, TestAdapters.Cpr.class);
        central = new CentralFixture(dir.resolve("register-with-cpr"), mail.getSmtp().getPort(),
                PopulationRegisters.load(adapters.toString(), java.util.Map.of(TestAdapters.PERSON,
                        TestAdapters.INGRID)::get));
        Path file = dir.resolve("kb-test.json");
        Files.write(file, JSON.writeValueAsBytes(TestLibraries.aarhus()));
        assertThat(run("config", "import", file.toString())).as(text(err)).isZero();
        assertThat(run("enrolment-code", "KB-TEST", "Front desk 1")).isZero();
        HttpResponse<String> enrolled = central.send("POST", "/api/v1/enrolment", null,
                JSON.writeValueAsString(new Api.Enrol(after(text(out), "at KB-TEST: (\\S+) "))));
        String token = JSON.readTree(enrolled.body()).get("token").asText();

        HttpResponse<String> found = central.send("POST", "/api/v1/population/lookup", token,
                JSON.writeValueAsString(new Api.LookupRequest(TestAdapters.INGRID)));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).get("surname").asText()).isEqualTo("Lund");
        HttpResponse<String> unknown = central.send("POST", "/api/v1/population/lookup", token,
                JSON.writeValueAsString(new Api.LookupRequest("1503901001")));
        assertThat(unknown.statusCode()).as("the stand-in's synthetic person is not in the real register")
                .isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("person_not_found");
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'POPULATION_LOOKUP' AND detail = "
                + "'kind=CPR result=found'", Integer.class)).isEqualTo(1);
        // The demo library, a test library, still gets the stand-in's people.
        HttpResponse<String> demo = central.send("POST", "/api/v1/population/lookup", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.LookupRequest("1503901001")));
        assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
    }

    @Test
    void aLibraryIsPutIntoServiceFromTheCommandLineAndItsAdministratorSignsInAtItsFirstDesk() throws Exception {
        Path file = dir.resolve("kb-test.json");
        Files.write(file, JSON.writeValueAsBytes(TestLibraries.aarhus()));

        assertThat(run("config", "check", file.toString())).isZero();
        assertThat(run("config", "import", file.toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("KB-TEST (Test Library Aarhus) created: version 1.");
        assertThat(run("add-admin", "KB-TEST", "kb.admin", "Karen Bach", "karen.bach@kb-test.invalid")).isZero();
        String password = after(text(out), "at the first sign-in\\): (\\S+)");
        assertThat(run("enrolment-code", "KB-TEST", "Front desk 1")).isZero();
        String code = after(text(out), "at KB-TEST: (\\S+) ");

        HttpResponse<String> enrolled = central.send("POST", "/api/v1/enrolment", null,
                JSON.writeValueAsString(new Api.Enrol(code)));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String token = JSON.readTree(enrolled.body()).get("token").asText();
        HttpResponse<String> signedIn = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn("kb.admin", password)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        JsonNode account = JSON.readTree(signedIn.body()).get("account");
        assertThat(account.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(account.get("permissions").toString()).contains("library_config", "staff_admin", "issue");

        HttpResponse<String> own = central.send("GET", "/api/v1/library/configuration", token, null);
        assertThat(JSON.readTree(own.body()).get("code").asText()).isEqualTo("KB-TEST");
        // The stand-in's synthetic people are not a real library's: Fetch says no register is connected.
        HttpResponse<String> fetched = central.send("POST", "/api/v1/population/lookup", token,
                JSON.writeValueAsString(new Api.LookupRequest("1503901001")));
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(503);
        assertThat(JSON.readTree(fetched.body()).get("error").asText()).isEqualTo("population_register_not_connected");
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'POPULATION_LOOKUP' AND detail = "
                + "'kind=CPR result=not_connected'", Integer.class)).isEqualTo(1);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE library_code = 'KB-TEST' AND action IN "
                + "('LIBRARY_CREATED', 'ACCOUNT_CREATED', 'ENROLMENT_CODE_MADE', 'WORKSTATION_ENROLLED')",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void theOperatorMakesARealOrganisationsAdministratorWhoSchedulesAVerificationRound() throws Exception {
        Path file = dir.resolve("kb-test.json");
        Files.write(file, JSON.writeValueAsBytes(TestLibraries.aarhus()));
        assertThat(run("config", "import", file.toString())).as(text(err)).isZero();
        assertThat(run("add-admin", "KB-TEST", "kb.admin", "Karen Bach")).isZero();
        String libraryAdmin = after(text(out), "at the first sign-in\\): (\\S+)");
        out.reset();

        assertThat(run("add-admin", "--organisation", "KB-TEST", "org.admin", "Ole Rask", "ole.rask@kb-test.invalid"))
                .as(text(err)).isZero();
        assertThat(text(out)).contains("org.admin is an organisation administrator");
        String password = after(text(out), "at the first sign-in\\): (\\S+)");
        assertThat(run("enrolment-code", "KB-TEST", "Front desk 1")).isZero();
        String code = after(text(out), "at KB-TEST: (\\S+) ");
        String token = JSON.readTree(central.send("POST", "/api/v1/enrolment", null,
                JSON.writeValueAsString(new Api.Enrol(code))).body()).get("token").asText();

        HttpResponse<String> signedIn = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn("org.admin", password)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        assertThat(JSON.readTree(signedIn.body()).at("/account/permissions").toString())
                .contains("organisation_admin", "verification_round").doesNotContain("issue");
        String session = JSON.readTree(signedIn.body()).get("token").asText();
        HttpResponse<String> changed = central.send("POST", "/api/v1/sessions/current/password", token,
                JSON.writeValueAsString(new Api.PasswordChange(password, "granite orchard window 73")),
                Api.SESSION_HEADER, session);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        HttpResponse<String> round = central.send("POST", "/api/v1/verification-rounds", token,
                JSON.writeValueAsString(new Api.NewVerificationRound(java.time.Instant.now().plusSeconds(7200))),
                Api.SESSION_HEADER, session);
        assertThat(round.statusCode()).as(round.body()).isEqualTo(201);

        // A library's own administrator cannot schedule one: the organisation's role is the operator's to give.
        String kbSession = JSON.readTree(central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn("kb.admin", libraryAdmin))).body()).get("token").asText();
        central.send("POST", "/api/v1/sessions/current/password", token, JSON.writeValueAsString(
                new Api.PasswordChange(libraryAdmin, "harbour copper meadow 58")), Api.SESSION_HEADER, kbSession);
        assertThat(central.send("DELETE", "/api/v1/verification-rounds/current", token, null,
                Api.SESSION_HEADER, kbSession).statusCode()).isEqualTo(403);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_CREATED' AND detail LIKE "
                + "'user=org.admin roles=ORGANISATION_ADMIN by=operator%'", Integer.class)).isEqualTo(1);
        assertThat(run("add-admin", "--organisation", "KB-TEST", "org.two")).isEqualTo(2);

        // The library's data protection officer, whom its administrator cannot lock.
        assertThat(run("add-admin", "--data-protection", "KB-TEST", "dpo.kb", "Sofie Kjær")).as(text(err)).isZero();
        assertThat(text(out)).contains("dpo.kb is KB-TEST's data protection officer");
        String officer = after(text(out), "at the first sign-in\\): (\\S+)");
        HttpResponse<String> officerIn = central.send("POST", "/api/v1/sessions", token,
                JSON.writeValueAsString(new Api.SignIn("dpo.kb", officer)));
        assertThat(officerIn.statusCode()).as(officerIn.body()).isEqualTo(201);
        assertThat(JSON.readTree(officerIn.body()).at("/account/permissions").toString()).contains("audit_read")
                .doesNotContain("issue");
        String officerId = JSON.readTree(officerIn.body()).at("/account/id").asText();
        HttpResponse<String> lock = central.send("POST", "/api/v1/staff/" + officerId + "/lock", token, null,
                Api.SESSION_HEADER, kbSession);
        assertThat(lock.statusCode()).as(lock.body()).isEqualTo(403);
        assertThat(JSON.readTree(lock.body()).get("field").asText()).as(lock.body()).isEqualTo("roles");
        assertThat(run("add-admin", "--auditor", "KB-TEST", "dpo.two", "Someone")).isEqualTo(2);
    }

    @Test
    void anExportedConfigurationImportsIntoAnotherRegisterAsTheSameConfiguration() throws Exception {
        Path exported = dir.resolve("demo-no.json");
        assertThat(run("config", "export", "DEMO-NO", exported.toString())).isZero();
        LibraryConfiguration original = ConfigurationFile.read(Files.readAllBytes(exported)).configuration();

        try (CentralFixture other = new CentralFixture(dir.resolve("other"), mail.getSmtp().getPort())) {
            SetUp setUp = new SetUp(other.server.database(), Clock.systemUTC(), new PrintStream(out), new PrintStream(err));
            ObjectNode renamed = (ObjectNode) JSON.readTree(Files.readAllBytes(exported));
            renamed.put("code", "NO-COPY").putArray("cardSeries");
            Path copy = dir.resolve("copy.json");
            Files.write(copy, JSON.writeValueAsBytes(renamed));
            assertThat(setUp.run("config", "import", copy.toString())).as(text(err)).isZero();
            Path back = dir.resolve("back.json");
            assertThat(setUp.run("config", "export", "NO-COPY", back.toString())).isZero();

            LibraryConfiguration copied = ConfigurationFile.read(Files.readAllBytes(back)).configuration();
            assertThat(copied.withVersion(null)).isEqualTo(new LibraryConfiguration(original.format(), null, "NO-COPY",
                    original.name(), original.country(), original.testProfile(), original.organisation(),
                    original.contact(), original.languages(), original.homeLibrary(), original.pickupLibraries(),
                    java.util.List.of(), original.categories(), original.guardianAge(), original.maxShortStayDays(),
                    original.inactiveYears(), original.noticeDays(), original.digitalServices(),
                    original.addressAlerts(), original.loanRules(), original.reportNamesStaff()));
        }
    }

    @Test
    void checkSaysOfEachNumberPrintedOnABlankCardWhetherItIsOneOfTheLibrarys() throws Exception {
        ObjectNode luhn = TestLibraries.aarhus();
        ((ObjectNode) luhn.withArray("cardSeries").get(0)).put("prefix", "2810").put("digits", 6)
                .put("from", 100_000).put("to", 109_999).put("checkDigit", "LUHN");
        Path file = dir.resolve("luhn.json");
        Files.write(file, JSON.writeValueAsBytes(luhn));

        assertThat(run("config", "check", file.toString(), "2810100008")).as(text(err)).isZero();
        assertThat(text(out)).contains("2810100008: a blank card of KB-TEST.");
        // Luhn over the whole printed number, and a number past the series' range.
        assertThat(run("config", "check", file.toString(), "2810100004", "2810200006", "2810100016")).isEqualTo(1);
        assertThat(text(out)).contains("2810100004: refused. The check digit does not match",
                "2810200006: refused. Card 2810200006 is not from this library's own stock",
                "2810100016: a blank card of KB-TEST.", "reckoned over the digits after its prefix");
        assertThat(central.sql("SELECT COUNT(*) FROM library WHERE code = 'KB-TEST'", Integer.class))
                .as("a check changes nothing").isZero();
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblemAndChangesNothing() throws Exception {
        ObjectNode broken = TestLibraries.aarhus();
        broken.put("homeLibrary", "NOWHERE");
        ((ObjectNode) broken.withArray("categories").get(0)).put("maxAge", -1);
        Path file = dir.resolve("broken.json");
        Files.write(file, JSON.writeValueAsBytes(broken));

        assertThat(run("config", "import", file.toString())).isEqualTo(1);

        assertThat(text(err)).contains("nothing was changed", "homeLibrary: The code of one of the pickup libraries",
                "categories[0].maxAge: A whole number from 0 to 130 (-1 given).");
        assertThat(central.sql("SELECT COUNT(*) FROM library WHERE code = 'KB-TEST'", Integer.class)).isZero();
        assertThat(run("config", "import", dir.resolve("missing.json").toString())).isEqualTo(1);
        assertThat(text(err)).contains("There is no file");
        assertThat(run("add-admin", "NOWHERE", "x.admin", "X")).isEqualTo(1);
        assertThat(text(err)).contains("No library NOWHERE");
        assertThat(run("config", "import")).isEqualTo(2);
        assertThat(run("config", "example", "SE")).isEqualTo(2);
    }

    @Test
    void aCommandOnTheRegisterTheRunningServiceHoldsSaysWhatToDo() {
        // Another process holding an H2 file is refused as the pool starts (in one JVM H2 shares the file).
        String url = "jdbc:h2:file:/var/lib/carddesk-central/central";
        RuntimeException refused = new RuntimeException("Failed to initialize pool", new java.sql.SQLException(
                "Database may be already in use", "90020", org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1));

        assertThat(SetUp.cannotOpen(url, refused)).contains("is open in the running central service",
                "sudo systemctl stop carddesk-central");
        assertThat(SetUp.cannotOpen(url, new RuntimeException("wrong password")))
                .contains("check CARDDESK_CENTRAL_DB and its user and password");
    }

    @Test
    void anExampleToStartFromIsAUsableConfigurationOfARealLibrary() {
        assertThat(run("config", "example", "NO")).isZero();

        ConfigurationFile.Read example = ConfigurationFile.read(out.toByteArray());
        assertThat(example.problems()).isEmpty();
        assertThat(example.configuration().code()).isEqualTo("MY-LIBRARY");
        assertThat(example.configuration().testProfile()).as("a real library accepts no synthetic numbers").isFalse();
        assertThat(example.configuration().country()).isEqualTo(app.carddesk.domain.Country.NO);
        assertThat(text(out)).as("placeholders, not a demo library's own parts").doesNotContain("Demo", "Oslo",
                "University", "universitetet");
        // A public library's categories, and loan rules in the country's language as well as English.
        assertThat(example.configuration().categories()).extracting(c -> c.code())
                .containsExactly("ADULT", "CHILD", "STUDENT", "INSTITUTION");
        assertThat(example.configuration().loanRules().get(0).text().nb()).startsWith("Låneregler for My library");
        // Named in Norwegian and English: no Danish in a Norwegian library's file.
        assertThat(example.configuration().categories()).allSatisfy(c -> assertThat(c.names().da()).isNull());
        assertThat(example.configuration().categories().get(3).names().nb()).isEqualTo("Institusjon");

        assertThat(run("config", "example", "DK")).isZero();
        ConfigurationFile.Read danish = ConfigurationFile.read(out.toByteArray());
        assertThat(danish.problems()).isEmpty();
        assertThat(danish.configuration().loanRules().get(0).text().da()).startsWith("Låneregler for My library");
        assertThat(text(out)).doesNotContain("Demo", "University", "universitetet");
    }

    @Test
    void checkNotesALanguageTheNewestLoanRulesHaveNoTextIn() throws Exception {
        assertThat(run("config", "example", "DK")).isZero();
        Path file = dir.resolve("library.json");
        Files.writeString(file, text(out).replaceAll("\"da\"\\s*:\\s*\"Låneregler[^\"]*\"", "\"da\" : null"));
        assertThat(run("config", "check", file.toString())).as(text(err)).isZero();
        assertThat(text(out)).contains("nothing wrong with it", "Note: the newest loan rules (version 1) have no "
                + "Danish text, so patrons who choose Danish read them in English");

        assertThat(run("config", "example", "DK")).isZero();
        Files.writeString(file, text(out));
        assertThat(run("config", "check", file.toString())).isZero();
        assertThat(text(out)).doesNotContain("Note:");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new SetUp(central.server.database(), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static String after(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

}
