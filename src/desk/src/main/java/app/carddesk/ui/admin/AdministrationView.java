package app.carddesk.ui.admin;

import app.carddesk.staff.StaffAdministration.Account;
import app.carddesk.staff.StaffAdministration.Desk;
import app.carddesk.staff.StaffAdministration.Progress;
import app.carddesk.staff.StaffAdministration.Round;
import app.carddesk.staff.StaffAdministration.Sign;
import app.carddesk.text.Messages;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.Question;
import app.carddesk.ui.StaffPermissions;
import app.carddesk.ui.ViewLifetime;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Administration screen: the verification round and the signs of misused personal accounts. */
public final class AdministrationView {

    /** Times with the desk's time zone: a round covers libraries that may sit in other zones. */

    private final AdministrationViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;
    private final StaffPermissions permissions;

    @FXML private javafx.scene.control.ScrollPane scroller;
    @FXML private javafx.scene.layout.VBox centralParts;
    @FXML private LibrarySettingsView librarySettingsController;
    @FXML private Label notConnected, roundState, oneTimePassword, message, signsUnknown;
    @FXML private VBox progress, scheduleBox, decisions;
    @FXML private TextField startsAt;
    @FXML private TableView<Account> accounts;
    @FXML private TableColumn<Account, String> userColumn, nameColumn, rolesColumn, stateColumn, decidedColumn;
    @FXML private TableView<Sign> signs;
    @FXML private javafx.scene.layout.VBox signsBox, audit, roundBox;
    @FXML private TableColumn<Sign, String> signUserColumn, signKindColumn, signCountColumn, signLastColumn;
    @FXML private Button verifyButton, reactivateButton, reactivateMailButton, closeButton, cancelButton;
    @FXML private VBox staffBox;
    @FXML private TextField newUserName, newDisplayName, newWorkEmail;
    @FXML private javafx.scene.layout.FlowPane newRoles;
    @FXML private Label createdPassword, staffMessage, deskMessage, staffNone, desksNone, chosenNote, staffTitle,
            desksTitle;
    @FXML private TableView<Account> staff;
    @FXML private TableColumn<Account, String> staffUserColumn, staffNameColumn, staffRolesColumn, staffStateColumn;
    @FXML private Button lockButton, unlockButton, saveRolesButton;
    @FXML private javafx.scene.layout.FlowPane chosenRoles, chosenNameRow;
    @FXML private TextField chosenNameField;
    @FXML private TextField newDeskName;
    @FXML private VBox desksBox;
    @FXML private TableView<Desk> desks;
    @FXML private TableColumn<Desk, String> deskNameColumn, deskJoinedColumn, deskStateColumn;
    @FXML private Button revokeButton;

    public AdministrationView(AdministrationViewModel vm, Messages messages, ViewLifetime lifetime,
                              StaffPermissions permissions) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
        this.permissions = permissions;
    }

    @FXML
    private void initialize() {
        notConnected.setVisible(!vm.connected());
        notConnected.setManaged(!vm.connected());
        // Ctrl+Tab moves between the library's settings' parts wherever the keyboard is on this screen.
        scroller.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, librarySettingsController::nextPart);
        // Tab through a long screen: what gets the keyboard scrolls into view.
        app.carddesk.ui.Scrolling.followFocus(scroller);
        // Rounds and sign-ins are the organisation's register's; a desk on its own has its settings only.
        centralParts.setVisible(vm.connected());
        centralParts.setManaged(vm.connected());
        accounts.setItems(vm.accounts);
        app.carddesk.ui.Tables.fitHeaders(accounts);
        column(userColumn, Account::userName);
        column(nameColumn, Account::displayName);
        // One role a line: an account's roles are read in full at 1024 px, the row as high as they need.
        column(rolesColumn, a -> String.join("\n", a.roles().stream().map(this::role).toList()));
        column(stateColumn, a -> messages.get("admin.state." + a.state()));
        column(decidedColumn, a -> a.decidedBy() == null ? "" : a.decidedBy());
        signs.setItems(vm.signs);
        app.carddesk.ui.Tables.fitHeaders(signs);
        signColumn(signUserColumn, Sign::userName);
        signColumn(signKindColumn, s -> messages.get("admin.sign." + s.kind()));
        signColumn(signCountColumn, s -> Integer.toString(s.count()));
        signColumn(signLastColumn, s -> s.lastAt() == null ? "" : messages.timeWithZone(s.lastAt()));

        startsAt.textProperty().bindBidirectional(vm.startsAt);
        show(staffBox, lifetime.of(permissions.may("staff_admin")));
        show(signsBox, lifetime.of(permissions.may("staff_admin")));
        // The audit is for those whose roles include reading it (a data-protection officer).
        show(audit, lifetime.of(permissions.may("audit_read")));
        staff.setItems(vm.staff);
        // Alt and the heading's letter reach each list of this long screen (set here: the list comes after it).
        staffTitle.setLabelFor(staff);
        desksTitle.setLabelFor(desks);
        app.carddesk.ui.Tables.fitHeaders(staff);
        column(staffUserColumn, Account::userName);
        column(staffNameColumn, Account::displayName);
        column(staffRolesColumn, a -> String.join("\n", a.roles().stream().map(this::role).toList()));
        column(staffStateColumn, a -> messages.get("admin.staffState." + a.state()));
        // What may be done with the chosen account is shown before a click, and why not where it may not.
        ChosenAccount.bind(staff.getSelectionModel().selectedItemProperty(), vm::isOwn,
                permissions.may("organisation_admin"), new ChosenAccount.Controls(chosenRoles, saveRolesButton,
                        chosenNameRow, lockButton, unlockButton, chosenNote), messages, lifetime);
        chosenNameField.textProperty().bindBidirectional(vm.chosenName.text);
        lifetime.onChange(staff.getSelectionModel().selectedItemProperty(), (obs, was, now) -> vm.choose(now));
        lifetime.onChange(vm.chosen, (obs, was, now) -> {
            if (staff.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    staff.getSelectionModel().clearSelection();
                } else {
                    staff.getSelectionModel().select(now);
                }
            }
        });
        roleBoxes(chosenRoles, "adminChosenRole-", vm.chosenRoles);
        newUserName.textProperty().bindBidirectional(vm.newUserName);
        newDisplayName.textProperty().bindBidirectional(vm.newDisplayName);
        newWorkEmail.textProperty().bindBidirectional(vm.newWorkEmail);
        roleBoxes(newRoles, "adminRole-", vm.newRoles);
        showPassword(createdPassword, vm.createdPassword);
        // Each answer lies below the button it answers: brought into sight (the account's with the
        // one-time password under it).
        showMessage(staffMessage, vm.staffMessage, createdPassword);
        show(desksBox, lifetime.of(permissions.may("workstation_admin")));
        desks.setItems(vm.desks);
        app.carddesk.ui.Tables.fitHeaders(desks);
        deskColumn(deskNameColumn, Desk::name);
        deskColumn(deskJoinedColumn, d -> d.enrolledAt() == null ? "" : messages.timeWithZone(d.enrolledAt()));
        deskColumn(deskStateColumn, d -> d.revokedAt() == null ? messages.get("admin.desks.working")
                : messages.get("admin.desks.revokedAt", messages.timeWithZone(d.revokedAt())));
        // A revoked desk stays revoked: only one still working can be chosen for it.
        revokeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Desk d = desks.getSelectionModel().getSelectedItem();
            return d == null || d.revokedAt() != null;
        }, desks.getSelectionModel().selectedItemProperty()));
        newDeskName.textProperty().bindBidirectional(vm.newDeskName);
        showMessage(deskMessage, vm.deskMessage, deskMessage);
        // An empty list says whether nothing is there or nothing could be read.
        for (Label none : new Label[] {staffNone, desksNone}) {
            String empty = none.getText();
            none.textProperty().bind(lifetime.of(vm.unread).map(u -> u ? messages.get("admin.lists.unread") : empty));
        }
        show(roundBox, lifetime.of(permissions.may("verification_round").or(permissions.may("staff_admin"))));
        show(scheduleBox, lifetime.of(permissions.may("verification_round")));
        show(decisions, lifetime.of(permissions.may("staff_admin")));
        for (Button b : new Button[] {verifyButton, reactivateButton, closeButton}) {
            b.disableProperty().bind(accounts.getSelectionModel().selectedItemProperty().isNull());
        }
        // A one-time password goes by mail only to an account with a work address.
        reactivateMailButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            var a = accounts.getSelectionModel().getSelectedItem();
            return a == null || a.workEmail() == null || a.workEmail().isBlank();
        }, accounts.getSelectionModel().selectedItemProperty()));
        // Only a round that has not started can be called off, and only by whoever may schedule one.
        show(cancelButton, lifetime.of(Bindings.createBooleanBinding(() -> vm.round.get() != null
                && vm.round.get().map(r -> r.startedAt() == null).orElse(false), vm.round).and(permissions.may("verification_round"))));
        lifetime.onChange(vm.round, (obs, old, r) -> showRound(r));
        showRound(vm.round.get());
        showPassword(oneTimePassword, vm.oneTimePassword);
        showMessage(message, vm.message);
        lifetime.onChange(scroller.visibleProperty(), (obs, was, now) -> {
            if (now) {
                vm.message.set(null);
                vm.oneTimePassword.set("");
                vm.createdPassword.set("");
                vm.staffMessage.set(null);
                vm.deskMessage.set(null);
                vm.refresh();
            }
        });
    }

    private void showRound(Optional<Round> round) {
        progress.getChildren().clear();
        signsUnknown.setText(messages.get(round == null ? "admin.signs.unknown" : "admin.signs.none"));
        if (round == null) {
            roundState.setText(messages.get("admin.round.unknown"));
            return;
        }
        if (round.isEmpty()) {
            roundState.setText(messages.get("admin.round.none"));
            return;
        }
        Round r = round.get();
        roundState.setText(r.endedAt() != null ? messages.get("admin.round.ended", messages.timeWithZone(r.endedAt()))
                : r.startedAt() != null ? messages.get("admin.round.running", messages.timeWithZone(r.startedAt()))
                : messages.get("admin.round.scheduled", messages.timeWithZone(r.startsAt()), r.scheduledBy()));
        for (Progress p : r.libraries()) {
            Label line = new Label(messages.get("admin.round.progress", p.libraryName(), p.pending(), p.verified(),
                    p.reactivated(), p.closed()));
            line.setId("progress-" + p.library());
            line.setWrapText(true);
            progress.getChildren().add(line);
        }
    }

    /** A one-time password, said once with what to do with it. */
    private void showPassword(Label label, javafx.beans.value.ObservableValue<String> password) {
        label.textProperty().bind(lifetime.of(password).map(p -> p.isEmpty() ? ""
                : messages.get("admin.oneTimePassword", p)));
        takesRoomWhenSaying(label);
    }

    /** An answer's line takes room on the screen only while it says something. */
    private static void takesRoomWhenSaying(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A message in the staff's language, as a warning when it is a refusal or a mistake to put right. */
    private void showMessage(Label label, javafx.beans.value.ObservableValue<app.carddesk.domain.Problem> problem) {
        showMessage(label, problem, null);
    }

    /** As above; a new message also scrolls {@code reveal} into sight once laid out. */
    private void showMessage(Label label, javafx.beans.value.ObservableValue<app.carddesk.domain.Problem> problem,
                             Label reveal) {
        label.textProperty().bind(lifetime.of(problem).map(messages::text).orElse(""));
        takesRoomWhenSaying(label);
        lifetime.onChange(problem, (obs, old, p) -> {
            label.getStyleClass().removeAll("warning", "success");
            label.getStyleClass().add(AdministrationViewModel.isWarning(p) ? "warning" : "success");
            if (p != null && reveal != null) {
                javafx.application.Platform.runLater(() -> {
                    scroller.layout();
                    app.carddesk.ui.Scrolling.reveal(reveal);
                });
            }
        });
    }

    /** A tick box for each role a library's administrator gives, kept in step with {@code ticked}. */
    private void roleBoxes(javafx.scene.layout.Pane pane, String idPrefix, javafx.collections.ObservableSet<String> ticked) {
        for (String code : AdministrationViewModel.ROLES) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(capitalised(role(code)));
            box.setId(idPrefix + code);
            box.setMnemonicParsing(false);
            if (AdministrationViewModel.BY_ORGANISATION.contains(code)) {
                // Whoever reads the audit of the library's administrators is the organisation's to appoint.
                var organisation = lifetime.of(permissions.may("organisation_admin"));
                box.disableProperty().bind(organisation.map(may -> !may));
                box.textProperty().bind(organisation.map(may -> may ? capitalised(role(code))
                        : messages.get("admin.role.byOrganisation", capitalised(role(code)))));
            }
            box.setSelected(ticked.contains(code));
            lifetime.onChange(box.selectedProperty(), (obs, was, now) -> {
                if (now) {
                    ticked.add(code);
                } else {
                    ticked.remove(code);
                }
            });
            lifetime.onSetChange(ticked, change -> box.setSelected(ticked.contains(code)));
            pane.getChildren().add(box);
        }
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(messages.locale()) + text.substring(1);
    }

    @FXML
    private void createAccount() {
        vm.createAccount();
    }

    @FXML
    private void lockAccount() {
        vm.lock(staff.getSelectionModel().getSelectedItem(), true);
    }

    @FXML
    private void unlockAccount() {
        vm.lock(staff.getSelectionModel().getSelectedItem(), false);
    }

    @FXML
    private void revokeDesk() {
        Desk d = desks.getSelectionModel().getSelectedItem();
        if (d != null && Confirm.ask(desks, messages, Question.REVOKE_DESK, d.name())) {
            vm.revoke(d);
        }
    }

    @FXML
    private void readAgain() {
        vm.message.set(null);
        vm.refresh();
    }

    @FXML
    private void rename() {
        vm.rename();
    }

    @FXML
    private void saveRoles() {
        vm.saveRoles();
    }

    @FXML
    private void makeEnrolmentCode() {
        vm.makeEnrolmentCode();
    }

    private String role(String code) {
        return messages.getOr("role." + code, () -> code);
    }

    @FXML
    private void schedule() {
        // Everyone, administrators too, is signed out at that time: asked first, with the time as typed.
        if (vm.typedStart().isPresent()
                && Confirm.ask(startsAt, messages, Question.SCHEDULE_ROUND, vm.startsAt.get().strip())) {
            vm.schedule();
        }
    }

    @FXML
    private void cancel() {
        if (Confirm.ask(cancelButton, messages, Question.CANCEL_ROUND)) {
            vm.cancel();
        }
    }

    @FXML
    private void verify() {
        vm.decide(selected(), "verified", false);
    }

    @FXML
    private void reactivate() {
        vm.decide(selected(), "reactivated", false);
    }

    @FXML
    private void reactivateByMail() {
        vm.decide(selected(), "reactivated", true);
    }

    @FXML
    private void close() {
        Account a = selected();
        if (a != null && Confirm.ask(accounts, messages, Question.CLOSE_ACCOUNT, a.userName())) {
            vm.decide(a, "closed", false);
        }
    }

    private Account selected() {
        return accounts.getSelectionModel().getSelectedItem();
    }

    private static void show(Node node, javafx.beans.value.ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static void column(TableColumn<Account, String> column, Function<Account, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void deskColumn(TableColumn<Desk, String> column, Function<Desk, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void signColumn(TableColumn<Sign, String> column, Function<Sign, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
