package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.domain.RegistrationKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The desk offers only what the signed-in person's roles allow: desk staff see no Unsubscribe and
 * no Delete in the work queue; a supervisor sees both; a data-protection officer reads records and
 * issues and changes nothing.
 */
class RolesUiIT extends DeskUiIT {

    private static final String TOKEN = "roles-ui-token";
    private static final ObjectMapper JSON = Json.mapper();

    @Override
    boolean startsSignedIn() {
        return false;
    }

    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    /** A desk-staff account made by the demo library's administrator; its one-time password. */
    private String deskStaffAccount() throws Exception {
        return account("desk.only", "Desk Only", "DESK_STAFF");
    }

    /** An account with one role made by the demo library's administrator; its one-time password. */
    private String account(String user, String name, String role) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        String session = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Api.SignIn("demo.dk",
                        DemoStaff.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString()).body()).get("token")
                .asText();
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/staff"))
                .header("Authorization", "Bearer " + TOKEN).header(Api.SESSION_HEADER, session)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(new Api.NewStaffAccount(user, name, null,
                                List.of(role), null, null)))).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("oneTimePassword").asText();
    }

    /** The problem marks (ControlsFX decorations) on a control; none when it never had one. */
    private static int marks(FxRobot robot, String query) {
        var marks = org.controlsfx.control.decoration.Decorator.getDecorations(robot.lookup(query).query());
        return marks == null ? 0 : marks.size();
    }

    @Test
    void deskStaffAreNotOfferedWhatOnlySupervisorsMayDo(FxRobot robot) throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            String first = deskStaffAccount();
            signInAs(robot, "desk.only", first);
            waitUntil(() -> visible(robot, "#signInNewPassword"));
            assertThat(marks(robot, "#signInPassword")).as("choosing a new password is no fault").isZero();
            // Two new passwords that differ: the mark is on the repeat, not on the one signed in with.
            interact(() -> {
                signIn.newPassword.set("quiet reading lamp");
                signIn.repeatPassword.set("quiet reading lump");
            });
            interact(() -> signIn.submit());
            waitForText(robot, "#signInProblem", "The two new passwords differ");
            waitUntil(() -> marks(robot, "#signInRepeatPassword") == 1);
            assertThat(marks(robot, "#signInPassword")).isZero();
            interact(() -> signIn.repeatPassword.set("quiet reading lamp"));
            interact(() -> signIn.submit());
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));

            issueDirectly("409900070", "Berg", "Ole", LocalDate.of(1980, 5, 6), null,
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            scan(robot, "409900070");
            waitForText(robot, "#patronTitle", "Ole Berg");
            assertThat(visible(robot, "#newCardButton")).isTrue();
            assertThat(visible(robot, "#registerIdButton")).isTrue();
            assertThat(visible(robot, "#unsubscribeButton")).isFalse();
            assertThat(visible(robot, "#navExpiring") && visible(robot, "#navAttention") && visible(robot,
                    "#navActivate")).as("the desk's work is theirs").isTrue();
            assertThat(visible(robot, "#navAdmin")).isFalse();
            type(KeyCode.F3);
            waitUntil(() -> robot.lookup("#deleteExpired").tryQuery().isPresent());
            assertThat(visible(robot, "#deleteExpired")).isFalse();

            // Two records of one person: desk staff see who may join them, not a button that refuses.
            issueDirectly("409900071", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), null,
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            java.util.UUID other = issueDirectly("409900072", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12),
                    "sofie@example.org", RegistrationKind.EXPECTS_NATIONAL_ID, null);
            registeredWithCpr(other, "1207981504");
            scan(robot, "409900071");
            waitForText(robot, "#patronTitle", "Sofie Nielsen");
            click(robot, "#registerIdButton");
            fill(robot, "#convertIdentityField", "1207981504");
            type(KeyCode.ENTER);
            waitUntil(() -> visible(robot, "#mergeBox"));
            assertThat(visible(robot, "#mergeButton")).isFalse();
            assertThat(visible(robot, "#mergeNeedsSupervisor")).isTrue();

            waitForText(robot, "#staffLabel", "(desk.only)");
            // The notice of the last card this person issued names its patron.
            interact(() -> context.issue().success.set(app.carddesk.domain.Problem.of("issue.done", "409900073",
                    "Amara Okafor")));
            interact(() -> signIn.switchUser());
            waitUntil(() -> visible(robot, "#signInScreen"));
            signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
            waitUntil(() -> !visible(robot, "#signInScreen"));
            waitForText(robot, "#staffLabel", "(demo.dk)");
            assertThat(context.patron().patron.get()).as("the last person's patron is not shown to the next").isNull();
            assertThat(visible(robot, "#cardField")).as("the next person starts at the checklist").isTrue();
            assertThat(context.issue().success.get()).as("nor the last person's notice of an issued card").isNull();
            waitUntil(() -> !text(robot, "#success").contains("Amara Okafor"));
            type(KeyCode.F3);
            waitUntil(() -> visible(robot, "#deleteExpired"));
        }
    }
    @Test
    void aDataProtectionOfficerReadsRecordsAndIsToldAtTheScanThatIssuingIsNotTheirs(FxRobot robot)
            throws Exception {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN",
                TOKEN, "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
        try (CentralServer central = CentralServer.start(config, (to, subject, body) -> { }, Clock.systemUTC())) {
            // Made by the operator: the library's administrator does not appoint whoever reads their audit.
            var printed = new java.io.ByteArrayOutputStream();
            assertThat(new app.carddesk.central.SetUp(central.database(), Clock.systemUTC(), new java.io.PrintStream(
                    printed, true, java.nio.charset.StandardCharsets.UTF_8), System.err).run("add-admin",
                    "--data-protection", "DEMO-DK", "dpo.only", "Data Protection")).isZero();
            String first = printed.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?s).*: (\\S+)\\s*$",
                    "$1");
            signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            issueDirectly("409900081", "Berg", "Ole", LocalDate.of(1980, 5, 6), "ole@example.org",
                    RegistrationKind.EXPECTS_NATIONAL_ID, null);
            interact(() -> signIn.switchUser());
            waitUntil(() -> visible(robot, "#signInScreen"));
            signInAs(robot, "dpo.only", first);
            waitUntil(() -> visible(robot, "#signInNewPassword"));
            // The request to choose a password is the next step, not in the colour of something gone wrong.
            waitForText(robot, "#signInProblem", "Choose a new one of at least 12 characters");
            assertThat(robot.lookup("#signInProblem").query().getStyleClass()).doesNotContain("problem");
            interact(() -> {
                signIn.newPassword.set("quiet reading lamp");
                signIn.repeatPassword.set("quiet reading lamp");
            });
            interact(() -> signIn.submit());
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            // They start where their work is, the audit, not at "Scan a blank card".
            waitUntil(() -> visible(robot, "#auditBox"));
            assertThat(visible(robot, "#cardField")).isFalse();
            // The keyboard is in the audit's field: what the officer types is looked up there.
            waitUntil(() -> robot.lookup("#auditQuery").query().isFocused());
            // And there it stays in another language, chosen with the mouse from the open list.
            // Each Alt-key of the screen is on one text only, in each language (one key on two only moves
            // the focus between them: in Danish, Alt+B went to Switch user as well as to the audit's field).
            Map<String, String> navIssue = Map.of("Dansk", "Udsted", "Norsk bokmål", "Utsted", "English", "Issue");
            for (String language : List.of("Dansk", "Norsk bokmål", "English")) {
                robot.clickOn("#languageBox");
                waitUntil(() -> robot.lookup("#languageBox").<javafx.scene.control.ComboBox<?>>query().isShowing());
                robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                        org.testfx.matcher.control.LabeledMatchers.hasText(language)).<javafx.scene.Node>query());
                waitUntil(() -> text(robot, "#navIssue").startsWith(navIssue.get(language)));
                waitUntil(() -> visible(robot, "#auditQuery") && robot.lookup("#auditQuery").query().isFocused());
                var shared = new java.util.concurrent.atomic.AtomicReference<List<String>>();
                interact(() -> shared.set(sharedMnemonics("administration in " + language)));
                assertThat(shared.get()).isEmpty();
            }
            // The navigation offers what is theirs: no work queue, no problems to resolve, no other library's patron.
            assertThat(visible(robot, "#navExpiring")).isFalse();
            assertThat(visible(robot, "#navAttention")).isFalse();
            assertThat(visible(robot, "#navActivate")).isFalse();
            assertThat(visible(robot, "#navIssue") && visible(robot, "#navFind") && visible(robot, "#navAdmin")).isTrue();
            // Nor do those screens' keys open them: F3, F4 and F6 leave the audit as it is; F5 finds.
            List<app.carddesk.ui.Navigation.Screen> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            interact(() -> context.main().navigation().screenProperty().addListener((o, was, now) -> opened.add(now)));
            type(KeyCode.F3);
            type(KeyCode.F4);
            type(KeyCode.F6);
            type(KeyCode.F5);
            waitUntil(() -> visible(robot, "#findQuery"));
            assertThat(opened).containsExactly(app.carddesk.ui.Navigation.Screen.FIND);
            // What those screens do is refused to them all the same.
            assertThat(backend.memberships().activate(java.util.UUID.randomUUID(), 1, false, "1234"))
                    .contains(app.carddesk.domain.Problem.of("permission.missing.issue"));
            assertThat(backend.attention().orElseThrow().resolve(new app.carddesk.sync.SyncProblem(1, null, "UPDATE",
                    "stale_version", null, "", java.time.Instant.now()), app.carddesk.sync.AttentionService.Choice
                    .TAKE_CENTRAL)).contains(app.carddesk.domain.Problem.of("permission.missing.edit"));

            // At the checklist (F2), a blank card: refused at the scan, before a whole patron is typed.
            type(KeyCode.F2);
            waitUntil(() -> visible(robot, "#cardField") && robot.lookup("#cardField").query().isFocused());
            scan(robot, "409900080");
            waitForText(robot, "#cardProblem", "Your roles at this library do not include issuing cards");
            assertThat(context.issue().step.get()).isEqualTo(app.carddesk.ui.issuecard.Step.CARD);

            // A patron's record is read, and nothing on it invites a change.
            scan(robot, "409900081");
            waitForText(robot, "#patronTitle", "Ole Berg");
            assertThat(robot.lookup("#patronEmail").<javafx.scene.control.TextField>query().getText())
                    .isEqualTo("ole@example.org");
            assertThat(robot.lookup("#patronEmail").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#feesField").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#patronPickupBox").query().isDisabled()).isTrue();
            assertThat(visible(robot, "#newCardButton")).isFalse();
            assertThat(visible(robot, "#registerIdButton")).isFalse();
            assertThat(visible(robot, "#unsubscribeButton")).isFalse();
            assertThat(visible(robot, "#reportButton")).as("what is stored about the patron").isTrue();
            assertThat(visible(robot, "#standingBox")).as("nor loans typed in for the library system").isFalse();

            // The officer reads who did and saw what: the desk's own entries reach the central register.
            new app.carddesk.sync.SyncService(new app.carddesk.sync.CentralClient(URI.create("http://127.0.0.1:"
                    + port), TOKEN, JSON, java.time.Duration.ofSeconds(2)), new app.carddesk.store.JdbiSyncLedger(
                    backend.database(), Clock.systemUTC(), "desk"), JSON, Clock.systemUTC()).syncOnce();
            int viewed = central.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_event "
                    + "WHERE action = 'PATRON_VIEWED' AND staff_user = 'dpo.only'").mapTo(Integer.class).one());
            assertThat(viewed).as("the desk's entries reached the central register").isPositive();
            // Where the PIN mail went is not the officer's to know: the PIN is said to be as good as the mail.
            type(KeyCode.F2);
            waitUntil(() -> visible(robot, "#cardField") && robot.lookup("#cardField").query().isFocused());
            scan(robot, "409900081");
            waitUntil(() -> context.patron().pinMail.status.get() != null && context.patron().pinMail.status.get()
                    .where() == app.carddesk.issuing.PinMailStatus.Where.NONE);
            waitForText(robot, "#service-CARD_PIN_LOGIN", "Log in with card number and PIN: yes, once the PIN mail has "
                    + "arrived");
            type(KeyCode.F7);
            waitUntil(() -> visible(robot, "#auditBox"));
            assertThat(visible(robot, "#adminStaff")).as("staff administration is not theirs").isFalse();
            assertThat(visible(robot, "#auditSave")).as("nothing shown, nothing to save").isFalse();
            // How long the central register keeps what for this library (a Danish one: no inactivity period;
            // the test's register deletes by command only).
            waitForText(robot, "#auditKept", "How long the central register keeps it: this audit for 60 months; "
                    + "a short stay until its expiry date (at most 365 days); an inactive patron, and a temporary "
                    + "record whose national ID never came, until staff unsubscribe them (the library has no "
                    + "inactivity period). "
                    + "Its daily deletion is off: the central register’s operator runs it by command.");
            // Its field is reached with Alt and the letter its label shows, from wherever the keyboard is.
            interact(() -> robot.lookup("#auditShow").query().requestFocus());
            waitUntil(() -> robot.lookup("#auditShow").query().isFocused());
            type(KeyCode.ALT, KeyCode.U);
            waitUntil(() -> robot.lookup("#auditQuery").query().isFocused());
            // A card scanned into the audit's field is looked up there, not taken to the checklist.
            click(robot, "#auditQuery");
            scan(robot, "409900081");
            waitForText(robot, "#auditMessage", "everything about the patron with card 409900081");
            assertThat(visible(robot, "#auditBox")).isTrue();
            assertThat(visible(robot, "#auditSave")).as("what is shown can be saved to a file").isTrue();
            javafx.scene.control.TableView<app.carddesk.staff.StaffAdministration.AuditEntry> table =
                    robot.lookup("#auditEntries").query();
            assertThat(table.getItems()).extracting(app.carddesk.staff.StaffAdministration.AuditEntry::action)
                    .contains("PATRON_VIEWED", "PATRON_REGISTERED");
            assertThat(table.getItems()).filteredOn(e -> e.action().equals("PATRON_VIEWED"))
                    .extracting(app.carddesk.staff.StaffAdministration.AuditEntry::staffUser).contains("dpo.only");
            fill(robot, "#auditQuery", "demo.dk");
            click(robot, "#auditShow");
            waitForText(robot, "#auditMessage", "everything demo.dk did and saw");
            assertThat(table.getItems()).extracting(app.carddesk.staff.StaffAdministration.AuditEntry::action)
                    .contains("SIGNED_IN");
            // What else an entry tells is in words as well: the central register's sign-in names its user.
            var detail = table.getColumns().stream().filter(c -> c.getText().equals("Detail")).findFirst().orElseThrow();
            assertThat(table.getItems().stream().filter(e -> "user=demo.dk".equals(e.detail()))
                    .map(e -> String.valueOf(detail.getCellData(e))).toList()).isNotEmpty().containsOnly("user: demo.dk");
            app.carddesk.text.Messages english = app.carddesk.text.Messages.forLocale(java.util.Locale.ENGLISH,
                    app.carddesk.domain.Country.DK);
            // A row chosen with the keyboard is shown in full below the table, for columns too narrow for it.
            assertThat(visible(robot, "#auditChosen")).isFalse();
            click(robot, "#auditEntries");
            type(KeyCode.HOME);
            waitUntil(() -> visible(robot, "#auditChosen"));
            var newest = table.getSelectionModel().getSelectedItem();
            assertThat(text(robot, "#auditChosen")).as("when, to the second").containsPattern(
                    "^\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d:\\d\\d · ");
            assertThat(text(robot, "#auditChosen")).contains(" · demo.dk").contains(newest.workstation())
                    .contains(english.getOr("audit.action." + newest.action(), newest::action));
            // Every action is in words, for an officer who does not read the codes.
            assertThat(table.getItems()).extracting(app.carddesk.staff.StaffAdministration.AuditEntry::action)
                    .allSatisfy(a -> assertThat(english.getOr("audit.action." + a, () -> null)).as(a).isNotNull());
        }
    }
}
