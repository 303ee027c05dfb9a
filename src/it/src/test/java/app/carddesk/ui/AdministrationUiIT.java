package app.carddesk.ui;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.Api;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A library administrator works through the verification round on the Administration screen: the
 * round is running and every personal account inactive; the operator re-activated the
 * administrator with the code mailed to them; at the desk they re-activate a clerk (the one-time
 * password shown once, to hand over) and close a departed colleague's account, and see the
 * library's progress.
 */
class AdministrationUiIT extends DeskUiIT {

    private static final String TOKEN = "administration-ui-token";
    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern CODE = Pattern.compile(": ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\\b");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String[]> mails = new CopyOnWriteArrayList<>();

    @Override
    boolean startsSignedIn() {
        return false;
    }

    @Override
    DeskConfig config(Path dir) {
        return connected(dir, TOKEN);
    }

    private HttpResponse<String> api(String method, String path, String session, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (session != null) {
            b.header(Api.SESSION_HEADER, session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo central register on this desk's loopback port, with an H2 file in the test's folder. */
    private CentralConfig demoCentral() {
        return CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(port, MigratedH2.url(dataDir.resolve("central/c"), true))
                .withRetentionAt("off");
    }

    private String session(String user, String password) throws Exception {
        HttpResponse<String> r = api("POST", "/api/v1/sessions", null, new Api.SignIn(user, password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    @Test
    void aLibraryAdministratorDecidesTheLibrarysAccountsOneByOne(FxRobot robot) throws Exception {
        try (CentralServer central = CentralServer.start(demoCentral(), (to, subject, body) -> mails.add(
                new String[] {to, body}), Clock.systemUTC())) {
            String demo = session("demo.dk", DemoStaff.PASSWORD);
            for (Api.NewStaffAccount account : List.of(
                    new Api.NewStaffAccount("dk.admin", "Dorte Admin", "dk.admin@kb.example", List.of("LIBRARY_ADMIN"),
                            null, null),
                    new Api.NewStaffAccount("dk.clerk", "Karl Clerk", null, List.of("DESK_STAFF"), null, null))) {
                assertThat(api("POST", "/api/v1/staff", demo, account).statusCode()).isEqualTo(201);
            }
            String org = session(DemoStaff.ORGANISATION_ADMIN, DemoStaff.PASSWORD);
            assertThat(api("POST", "/api/v1/verification-rounds", org, new Api.NewVerificationRound(Instant.now()))
                    .statusCode()).isEqualTo(201);
            assertThat(central.startDueVerificationRounds()).isEqualTo(1);
            waitUntil(() -> mails.stream().anyMatch(m -> m[0].equals("dk.admin@kb.example")));
            Matcher code = CODE.matcher(mails.stream().filter(m -> m[0].equals("dk.admin@kb.example")).findFirst()
                    .orElseThrow()[1]);
            assertThat(code.find()).isTrue();
            String first = central.reactivateAdministrator("dk.admin", code.group(1));
            assertThat(api("POST", "/api/v1/sessions/current/password", session("dk.admin", first),
                    new Api.PasswordChange(first, "granite orchard window 73")).statusCode()).isEqualTo(204);

            signInAs(robot, "dk.admin", "granite orchard window 73");
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            waitUntil(() -> visible(robot, "#navAdmin"));
            type(KeyCode.F7);
            waitForText(robot, "#adminRoundState", "running since");
            assertThat(visible(robot, "#adminSchedule")).as("scheduling is the organisation's").isFalse();
            TableView<?> accounts = robot.lookup("#adminAccounts").queryAs(TableView.class);
            waitUntil(() -> accounts.getItems().size() == 4);
            waitForText(robot, "#progress-DEMO-DK", "3 pending, 0 verified, 1 re-activated, 0 closed");

            select(accounts, "dk.clerk");
            assertThat(robot.lookup("#adminReactivateMail").query().isDisabled())
                    .as("an account without a work address gets no mail").isTrue();
            click(robot, "#adminReactivate");
            waitForText(robot, "#adminOneTimePassword", "One-time password: ");
            String shown = robot.lookup("#adminOneTimePassword").queryAs(Label.class).getText();
            Matcher otp = Pattern.compile("One-time password: ([a-z2-9-]{19})").matcher(shown);
            assertThat(otp.find()).as(shown).isTrue();
            assertThat(api("POST", "/api/v1/sessions", null, new Api.SignIn("dk.clerk", otp.group(1))).statusCode())
                    .as("the clerk signs in with what was handed over").isEqualTo(201);

            select(accounts, "demo.dk");
            click(robot, "#adminClose");
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            click(robot, "#confirmGoAhead");
            waitForText(robot, "#adminMessage", "demo.dk is closed.");
            waitForText(robot, "#progress-DEMO-DK", "1 pending, 0 verified, 2 re-activated, 1 closed");
            assertThat(robot.lookup("#adminOneTimePassword").queryAs(Label.class).getText())
                    .as("a one-time password is shown once").isEmpty();
            JsonNode closed = JSON.readTree(api("POST", "/api/v1/sessions", null, new Api.SignIn("demo.dk",
                    DemoStaff.PASSWORD)).body());
            assertThat(closed.get("error").asText()).isEqualTo("account_inactive");
            // Every role an account holds can be read at 1024 px, one a line (demo.dk holds three); last, as
            // the language switch builds the screen anew.
            rolesReadInFull(robot);
        }
    }

    @Test
    void aLibraryAdministratorMakesAStaffAccountAndHandsOverItsOneTimePassword(FxRobot robot) throws Exception {
        try (CentralServer central = CentralServer.start(demoCentral(), (to, subject, body) -> { },
                Clock.systemUTC())) {
            signInAs(robot, "demo.dk", DemoStaff.PASSWORD);
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            type(KeyCode.F7);
            waitUntil(() -> visible(robot, "#adminStaff"));
            eachAltKeyOnOneText(robot, "the library's administration", "#adminStaff");
            // The long screen's lists are reached with Alt and their heading's letter, not a score of Tabs
            // (once the screen has put the keyboard in its first part).
            waitUntil(() -> robot.lookup("#libraryTabs").query().isFocused());
            type(KeyCode.ALT, KeyCode.O);
            waitUntil(() -> robot.lookup("#adminStaffAccounts").query().isFocused());
            type(KeyCode.ALT, KeyCode.D);
            waitUntil(() -> robot.lookup("#adminDeskList").query().isFocused());

            // What is typed is checked at the desk first, in the staff's language.
            fill(robot, "#adminNewUserName", "Lars Holm");
            click(robot, "#adminCreateAccount");
            waitForText(robot, "#adminStaffMessage", "A user name has 2 to 60 small letters");
            fill(robot, "#adminNewUserName", "lars.holm");
            fill(robot, "#adminNewDisplayName", "Lars Holm");
            click(robot, "#adminCreateAccount");
            waitForText(robot, "#adminStaffMessage", "Tick at least one role.");

            click(robot, "#adminRole-DESK_STAFF");
            click(robot, "#adminCreateAccount");
            waitForText(robot, "#adminStaffMessage", "The account lars.holm is made for Lars Holm.");
            String shown = robot.lookup("#adminCreatedPassword").queryAs(Label.class).getText();
            Matcher otp = Pattern.compile("One-time password: ([a-z2-9-]{19})").matcher(shown);
            assertThat(otp.find()).as(shown).isTrue();
            assertThat(text(robot, "#adminNewUserName")).as("the form is empty for the next one").isEmpty();
            HttpResponse<String> first = api("POST", "/api/v1/sessions", null, new Api.SignIn("lars.holm",
                    otp.group(1)));
            assertThat(first.statusCode()).as("they sign in with what was handed over").isEqualTo(201);
            JsonNode account = JSON.readTree(first.body()).get("account");
            assertThat(account.get("mustChangePassword").asBoolean()).isTrue();
            assertThat(account.get("roles").toString()).isEqualTo("[\"DESK_STAFF\"]");

            // The library's accounts, the new one among them; a colleague who left is locked out.
            TableView<?> staff = robot.lookup("#adminStaffAccounts").queryAs(TableView.class);
            waitUntil(() -> staff.getItems().stream().anyMatch(a -> a.toString().contains("lars.holm")));
            select(staff, "demo.dk");
            assertThat(robot.lookup("#adminUnlockAccount").query().isDisabled()).as("an open account").isTrue();
            // Their own account is not theirs to lock (they would be signed out, with nobody to unlock it).
            assertThat(robot.lookup("#adminLockAccount").query().isDisabled()).isTrue();
            interact(() -> context.administration().lock(context.administration().chosen.get(), true));
            waitForText(robot, "#adminStaffMessage", "You cannot lock your own account");
            assertThat(visible(robot, "#signInScreen")).as("still signed in").isFalse();
            select(staff, "lars.holm");
            click(robot, "#adminLockAccount");
            waitForText(robot, "#adminStaffMessage", "lars.holm is locked");
            JsonNode locked = JSON.readTree(api("POST", "/api/v1/sessions", null, new Api.SignIn("lars.holm",
                    otp.group(1))).body());
            assertThat(locked.get("error").asText()).isEqualTo("account_locked");
            waitUntil(() -> staff.getItems().stream().anyMatch(a -> a.toString().contains("locked")));
            select(staff, "lars.holm");
            click(robot, "#adminUnlockAccount");
            waitForText(robot, "#adminStaffMessage", "lars.holm is unlocked");
            assertThat(api("POST", "/api/v1/sessions", null, new Api.SignIn("lars.holm", otp.group(1))).statusCode())
                    .isEqualTo(201);

            // Lars becomes a supervisor too: the chosen account's roles are ticked, changed and saved.
            select(staff, "lars.holm");
            waitUntil(() -> robot.lookup("#adminChosenRole-DESK_STAFF").queryAs(CheckBox.class).isSelected());
            assertThat(robot.lookup("#adminChosenRole-SUPERVISOR").queryAs(CheckBox.class).isSelected()).isFalse();
            click(robot, "#adminChosenRole-SUPERVISOR");
            click(robot, "#adminSaveRoles");
            waitForText(robot, "#adminStaffMessage", "lars.holm now has the roles ticked");
            JsonNode promoted = JSON.readTree(api("POST", "/api/v1/sessions", null, new Api.SignIn("lars.holm",
                    otp.group(1))).body()).get("account");
            assertThat(promoted.get("roles").toString()).isEqualTo("[\"DESK_STAFF\",\"SUPERVISOR\"]");
            waitUntil(() -> staff.getItems().stream().anyMatch(a -> a.toString().contains("SUPERVISOR")));
            // Whoever reads the audit of the library's administrators is not theirs to appoint, for a
            // new account or an existing one.
            select(staff, "lars.holm");
            CheckBox officer = robot.lookup("#adminChosenRole-DATA_PROTECTION").queryAs(CheckBox.class);
            assertThat(officer.isDisabled()).isTrue();
            assertThat(officer.getText())
                    .isEqualTo("Data protection officer (given by the organisation’s administrator)");
            assertThat(robot.lookup("#adminRole-DATA_PROTECTION").queryAs(CheckBox.class).isDisabled()).isTrue();
            assertThat(officer.isSelected()).isFalse();
            // Nor is the organisation administrator's account theirs to lock, rename or give roles.
            select(staff, DemoStaff.ORGANISATION_ADMIN);
            waitUntil(() -> robot.lookup("#adminLockAccount").query().isDisabled());
            assertThat(robot.lookup("#adminSaveRoles").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#adminRename").query().isDisabled()).isTrue();
            // The screen says why, next to the list.
            waitForText(robot, "#adminChosenNote", "only the organisation’s administrator locks it, renames it or "
                    + "changes its roles");
            select(staff, "lars.holm");
            waitUntil(() -> !robot.lookup("#adminLockAccount").query().isDisabled());
            assertThat(visible(robot, "#adminChosenNote")).isFalse();
            // Their own account: its lock and roles are another administrator's; its name theirs to correct.
            select(staff, "demo.dk");
            waitForText(robot, "#adminChosenNote", "Your own account: another administrator of the library locks it");
            assertThat(robot.lookup("#adminLockAccount").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#adminSaveRoles").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#adminRename").query().isDisabled()).isFalse();

            // A name typed wrong is corrected; the user name stays.
            select(staff, "lars.holm");
            waitUntil(() -> text(robot, "#adminChosenName").equals("Lars Holm"));
            fill(robot, "#adminChosenName", "Lars Holmgaard");
            type(javafx.scene.input.KeyCode.ENTER);
            waitForText(robot, "#adminStaffMessage", "lars.holm is now called Lars Holmgaard.");
            waitUntil(() -> staff.getItems().stream().anyMatch(a -> a.toString().contains("Lars Holmgaard")));
            fill(robot, "#adminChosenName", " ");
            click(robot, "#adminRename");
            waitForText(robot, "#adminStaffMessage", "Type the person’s full name.");

            // The register's own refusal, said in the staff's words.
            fill(robot, "#adminNewUserName", "lars.holm");
            fill(robot, "#adminNewDisplayName", "Lars Holm Again");
            click(robot, "#adminRole-SUPERVISOR");
            click(robot, "#adminCreateAccount");
            waitForText(robot, "#adminStaffMessage", "Another account has the user name lars.holm already.");
            assertThat(robot.lookup("#adminCreatedPassword").queryAs(Label.class).getText()).isEmpty();

            // An empty list of desks would say that none has joined, not that the register could not be asked.
            assertThat(((Label) robot.lookup("#adminDeskList").queryAs(TableView.class).getPlaceholder()).getText())
                    .isEqualTo("No desk has joined the organisation for this library yet.");
            // A code for a new desk, which that desk trades for a credential of its own.
            click(robot, "#adminMakeEnrolmentCode");
            waitForText(robot, "#adminDeskMessage", "Type the new desk's name");
            fill(robot, "#adminNewDeskName", "Front desk 2");
            click(robot, "#adminMakeEnrolmentCode");
            waitForText(robot, "#adminDeskMessage", "Enrolment code for “Front desk 2”: ");
            Matcher code = CODE.matcher(text(robot, "#adminDeskMessage"));
            assertThat(code.find()).as(text(robot, "#adminDeskMessage")).isTrue();
            assertThat(text(robot, "#adminDeskMessage")).as("the end of its validity, with its time zone")
                    .containsPattern("until \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d \\S+\\)");
            HttpResponse<String> enrolled = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/enrolment")).header("Content-Type", "application/json").POST(
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Api.Enrol(code.group(1)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
            assertThat(JSON.readTree(enrolled.body()).get("library").asText()).isEqualTo("DEMO-DK");

            // The new desk is among the library's desks; a stolen one is revoked there, after a question.
            String deskToken = JSON.readTree(enrolled.body()).get("token").asText();
            // Administration read again, as when the administrator comes back to it.
            type(KeyCode.F2);
            waitUntil(() -> visible(robot, "#cardField"));
            type(KeyCode.F7);
            TableView<?> desks = robot.lookup("#adminDeskList").queryAs(TableView.class);
            waitUntil(() -> desks.getItems().stream().anyMatch(d -> d.toString().contains("name=Front desk 2,")));
            assertThat(robot.lookup("#adminRevokeDesk").query().isDisabled()).as("nothing chosen yet").isTrue();
            selectRow(desks, "name=Front desk 2,");
            click(robot, "#adminRevokeDesk");
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                    .contains("Front desk 2").contains("changes it has not sent stay on it");
            click(robot, "#confirmGoAhead");
            waitForText(robot, "#adminDeskMessage", "“Front desk 2” is revoked");
            waitUntil(() -> desks.getItems().stream().anyMatch(d -> d.toString().contains("name=Front desk 2,")
                    && !d.toString().contains("revokedAt=null")));
            HttpResponse<String> stolen = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/changes?after=0")).header("Authorization", "Bearer " + deskToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stolen.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(stolen.body()).get("error").asText()).isEqualTo("workstation_revoked");
        }
        // The register gone: the lists say that they could not be read, not that nothing is there.
        type(KeyCode.F2);
        waitUntil(() -> visible(robot, "#cardField"));
        type(KeyCode.F7);
        waitForText(robot, "#adminDesksNone", "Not read: the central register could not be asked");
        assertThat(text(robot, "#adminStaffNone")).startsWith("Not read: the central register could not be asked");
        waitForText(robot, "#adminMessage", "The central register cannot be reached now.");
    }

    @Test
    void theOrganisationAdministratorSchedulesARoundAfterAQuestionAndCallsItOff(FxRobot robot) throws Exception {
        try (CentralServer central = CentralServer.start(demoCentral(), (to, subject, body) -> { },
                Clock.systemUTC())) {
            signInAs(robot, DemoStaff.ORGANISATION_ADMIN, DemoStaff.PASSWORD);
            awaitDesk();
            waitUntil(() -> !visible(robot, "#signInScreen"));
            waitUntil(() -> visible(robot, "#navAdmin"));
            type(KeyCode.F7);
            waitForText(robot, "#adminRoundState", "No verification round is running.");
            assertThat(visible(robot, "#adminAccounts")).as("deciding accounts is the library's").isFalse();

            fill(robot, "#adminStartsAt", "next tuesday");
            click(robot, "#adminSchedule");
            waitForText(robot, "#adminMessage", "day-month-year hours:minutes");
            String when = java.time.LocalDateTime.now().plusDays(7).withSecond(0).withNano(0)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
            fill(robot, "#adminStartsAt", when);
            click(robot, "#adminSchedule");
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                    .contains(when).contains("everyone is signed out");
            for (String id : List.of("#confirmGoAhead", "#confirmKeep")) {
                javafx.scene.control.Button b = robot.lookup(id).queryButton();
                assertThat(b.getWidth()).as("%s reads in full: %s", id, b.getText())
                        .isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
            }
            click(robot, "#confirmGoAhead");
            waitForText(robot, "#adminRoundState", "A verification round starts " + when);
            eachAltKeyOnOneText(robot, "the organisation's administration with a round scheduled",
                    "#adminCancelRound");

            click(robot, "#adminCancelRound");
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            click(robot, "#confirmGoAhead");
            waitForText(robot, "#adminMessage", "called off");
            waitForText(robot, "#adminRoundState", "No verification round is running.");
            assertThat(api("POST", "/api/v1/sessions", null, new Api.SignIn("demo.dk", DemoStaff.PASSWORD))
                    .statusCode()).as("nobody was made inactive").isEqualTo(201);
        }
        // The central register gone: the screen says it does not know, not that there is no round.
        type(KeyCode.F2);
        waitUntil(() -> visible(robot, "#cardField"));
        assertThat(visible(robot, "#navAdmin")).as("still signed in").isTrue();
        click(robot, "#navAdmin");
        waitForText(robot, "#adminRoundState", "Not known now");
    }

    /**
     * In each language the screen (shown again with {@code shown} in sight) has each Alt-key on one
     * text: one key on two only moves the focus between them. Ends in English.
     */
    private void eachAltKeyOnOneText(FxRobot robot, String screen, String shown) {
        for (String language : List.of("da", "nb", "en")) {
            interact(() -> context.main().locale.set(java.util.Locale.forLanguageTag(language)));
            waitUntil(() -> visible(robot, shown));
            var shared = new java.util.concurrent.atomic.AtomicReference<List<String>>();
            interact(() -> shared.set(sharedMnemonics(screen + " in " + language)));
            assertThat(shared.get()).isEmpty();
        }
    }

    /** Selects the row of {@code user} in the accounts table. */
    /** At 1024x768 in Danish every table cell of roles shows all its words and lines; size and language are put back. */
    private void rolesReadInFull(FxRobot robot) {
        double[] size = {stage.getWidth(), stage.getHeight()};
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            context.main().locale.set(java.util.Locale.forLanguageTag("da"));
        });
        waitUntil(() -> robot.lookup(".table-cell").queryAll().stream().anyMatch(c -> c instanceof Labeled l
                && l.getText() != null && l.getText().contains("biblioteksadministrator")));
        WaitForAsyncUtils.waitForFxEvents();
        int checked = 0;
        for (javafx.scene.Node cell : robot.lookup(".table-cell").queryAll()) {
            if (cell instanceof javafx.scene.control.TableCell<?, ?> l && l.getText() != null && l.isVisible()
                    && l.getTableColumn() != null && List.of("rolesColumn", "staffRolesColumn")
                    .contains(l.getTableColumn().getId())) {
                javafx.scene.text.Text words = new javafx.scene.text.Text(l.getText());
                words.setFont(l.getFont());
                // Within a pixel: the text's own measure and the cell's snap to pixels differently.
                assertThat(l.getWidth()).as("reads in full: %s", l.getText()).isGreaterThanOrEqualTo(
                        words.getLayoutBounds().getWidth() + l.getInsets().getLeft() + l.getInsets().getRight() - 1);
                assertThat(l.getHeight()).as("every line shows: %s", l.getText()).isGreaterThanOrEqualTo(
                        words.getLayoutBounds().getHeight() + l.getInsets().getTop() + l.getInsets().getBottom() - 1);
                checked++;
            }
        }
        assertThat(checked).isPositive();
        interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            context.main().locale.set(java.util.Locale.ENGLISH);
        });
        waitUntil(() -> robot.lookup(".table-cell").queryAll().stream().anyMatch(c -> c instanceof Labeled l
                && l.getText() != null && l.getText().contains("library administrator")));
    }

    private void select(TableView<?> table, String user) {
        selectRow(table, "userName=" + user + ",");
    }

    /** Selects the row whose item reads with {@code part}, once the table has one. */
    private void selectRow(TableView<?> table, String part) {
        waitUntil(() -> table.getItems().stream().anyMatch(a -> a.toString().contains(part)));
        interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).toString().contains(part)) {
                    table.requestFocus();
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
    }
}
