package app.carddesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.api.AuditApi;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.MigratedH2;
import app.carddesk.domain.Country;
import app.carddesk.domain.Problem;
import app.carddesk.text.Messages;
import app.carddesk.ui.DeskConfig;
import app.carddesk.ui.audit.AuditColumns;
import app.carddesk.ui.audit.AuditViewModel;
import app.carddesk.ui.background.DirectBackgroundWork;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-protection officer saves what the audit shows about a staff member to a file: every
 * entry (more than one page of them), in the officer's language, readable by the officer only, and
 * the saving itself in the audit; a folder that cannot be written to is said.
 */
class AuditSaveIT {

    private static final String TOKEN = "audit-save-test-token";
    private static final ObjectMapper JSON = Json.mapper();
    private static final int ENTRIES = 230;

    @TempDir
    Path dir;
    private CentralServer central;
    private DeskBackend desk;
    private AuditViewModel audit;

    @BeforeEach
    void officerSignedIn() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dir.resolve("central/c"), true))
                .withRetentionAt("off");
        central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(new app.carddesk.central.SetUp(central.database(), Clock.systemUTC(), new PrintStream(printed, true,
                StandardCharsets.UTF_8), System.err).run("add-admin", "--data-protection", "DEMO-DK", "dpo.only",
                "Data Protection")).isZero();
        String once = printed.toString(StandardCharsets.UTF_8).replaceAll("(?s).*: (\\S+)\\s*$", "$1");
        app.carddesk.DeskGate gate = app.carddesk.DeskGate.open(new DeskConfig(dir.resolve("desk"), "DEMO-DK",
                Locale.ENGLISH, "http://127.0.0.1:" + port, TOKEN, 15), Clock.systemUTC());
        gate.signIn().signIn("dpo.only", once);
        assertThat(gate.signIn().changePassword(once, "quiet reading lamp", "quiet reading lamp"))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        desk = DeskBackend.open(gate);
        audit = new AuditViewModel(desk.administration(), desk.issuing(), desk.memberships(),
                new DirectBackgroundWork());

        // A colleague's day at an offline desk, sent up when it connected: more than two pages of it.
        List<AuditApi.DeskAuditEntry> day = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(3600);
        for (long i = 1; i <= ENTRIES; i++) {
            day.add(new AuditApi.DeskAuditEntry(i, start.plusSeconds(i), "mette.holm", "DESK_STAFF",
                    i % 2 == 0 ? "PATRON_VIEWED" : "SIGNED_IN", null, i == 1 ? "=cmd|' /C calc'!A0" : "offline"));
        }
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/audit/desk-entries"))
                .header("Authorization", "Bearer " + TOKEN).header("X-CardDesk-Desk", "desk-offline-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new AuditApi.DeskAuditEntries(day))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

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
    void everyEntryIsSavedInTheOfficersLanguageForTheirEyesOnlyAndTheSavingIsAudited() throws Exception {
        audit.query.set("mette.holm");
        audit.show();
        assertThat(audit.entries).hasSize(100);
        assertThat(audit.more.get()).as("more than a page").isTrue();
        assertThat(audit.shownQuery()).as("what the file is named for").isEqualTo("mette.holm");

        Path file = dir.resolve("revisionsspor.csv");
        audit.save(file, new AuditColumns(Messages.forLocale(Locale.forLanguageTag("da"), Country.DK),
                ZoneId.of("Europe/Copenhagen")));

        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.saved", ENTRIES, "revisionsspor.csv"));
        assertThat(AuditViewModel.isWarning(audit.message.get())).isFalse();
        assertThat(audit.saving.get()).isFalse();
        assertThat(audit.entries).as("the screen keeps what it showed").hasSize(100);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(1 + ENTRIES);
        assertThat(lines.get(0)).isEqualTo("\uFEFF\"Hvornår\",\"Hvem\",\"Kort eller post\",\"Roller\","
                + "\"Arbejdsstation\",\"Hvad\",\"Detaljer\",\"Handlingskode\"");
        // Newest first, in Danish, at the desk's offset to UTC; the oldest (a formula) is text.
        assertThat(lines.get(1)).matches("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00\",\"mette.holm\",\"\","
                + "\"skrankepersonale\",\"[^\"]+\",\"Åbnede posten\",\"offline, uden centralregistret\","
                + "\"PATRON_VIEWED\"");
        assertThat(lines.get(ENTRIES)).endsWith(",\"'=cmd|' /C calc'!A0\",\"SIGNED_IN\"");

        // The saving is in the desk's audit trail, with whom it was about; no name or number of a patron.
        List<String> saved = desk.database().jdbi().withHandle(h -> h.createQuery("SELECT staff || ' ' || detail "
                + "FROM audit_event WHERE action = 'AUDIT_SAVED'").mapTo(String.class).list());
        assertThat(saved).containsExactly("dpo.only staff=mette.holm;entries=" + ENTRIES);
    }

    @Test
    void aFolderThatCannotBeWrittenToIsSaidAndNothingIsAudited() throws Exception {
        audit.save(dir.resolve("nothing.csv"), columns());
        assertThat(audit.message.get()).as("nothing shown yet").isEqualTo(Problem.of("audit.saveNothing"));

        audit.query.set("mette.holm");
        audit.show();
        Path unwritable = dir.resolve("no such folder").resolve("audit.csv");
        audit.save(unwritable, columns());
        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.saveFailed", unwritable.toString()));
        assertThat(AuditViewModel.isWarning(audit.message.get())).as("said in warning colour").isTrue();
        assertThat(audit.saving.get()).as("ready to try another folder").isFalse();
        int audited = desk.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event "
                + "WHERE action = 'AUDIT_SAVED'").mapTo(Integer.class).one());
        assertThat(audited).isZero();
        // Another folder, and it is saved.
        audit.save(dir.resolve("audit.csv"), columns());
        assertThat(audit.message.get().key()).isEqualTo("audit.saved");
    }

    @Test
    void theOfficerKeepsToTheDaysTheyTypeAndSavesThoseOnly() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now();
        String yesterday = app.carddesk.domain.DateInput.format(today.minusDays(1));
        String now = app.carddesk.domain.DateInput.format(today);
        audit.query.set("mette.holm");
        // A day that is none, and a period typed the wrong way round: said, and nothing is read.
        audit.since.set("31-02-2026");
        audit.show();
        assertThat(audit.message.get()).isEqualTo(Problem.of("date.noSuchDay", "31-02-2026"));
        audit.since.set(now);
        audit.until.set(yesterday);
        audit.show();
        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.periodBackwards", now, yesterday));
        assertThat(AuditViewModel.isWarning(audit.message.get())).isTrue();
        assertThat(audit.entries).isEmpty();

        // The colleague's last hour lies within yesterday and today (whichever side of midnight it is).
        audit.since.set(yesterday);
        audit.until.set(now);
        audit.show();
        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.period.between.forStaff", "mette.holm", yesterday, now));
        assertThat(AuditViewModel.isWarning(audit.message.get())).isFalse();
        assertThat(audit.entries).hasSize(100);
        Path file = dir.resolve("period.csv");
        audit.save(file, columns());
        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.saved", ENTRIES, "period.csv"));
        String saved = desk.database().jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_event "
                + "WHERE action = 'AUDIT_SAVED'").mapTo(String.class).one());
        assertThat(saved).startsWith("staff=mette.holm;entries=" + ENTRIES + ";since=").contains(";until=");

        // Up to the day before yesterday: nothing, and nothing to save.
        audit.since.set("");
        audit.until.set(app.carddesk.domain.DateInput.format(today.minusDays(2)));
        audit.show();
        assertThat(audit.message.get()).isEqualTo(Problem.of("audit.period.until.none", "mette.holm",
                app.carddesk.domain.DateInput.format(today.minusDays(2))));
        assertThat(audit.entries).isEmpty();
    }

    private static AuditColumns columns() {
        return new AuditColumns(Messages.forLocale(Locale.ENGLISH, Country.DK), ZoneId.of("Europe/Copenhagen"));
    }
}
