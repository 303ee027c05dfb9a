package app.carddesk.ui.main;

import app.carddesk.ui.Controls;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.Question;
import app.carddesk.ui.Navigation.Screen;
import app.carddesk.ui.ViewLoader;
import app.carddesk.ui.background.BackgroundWork;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/** The desk's frame: navigation, language, status bar, and the screen in the middle. */
public final class MainView {

    private final MainViewModel vm;
    private final app.carddesk.ui.ViewLifetime lifetime;
    private final ViewLoader views;
    private final BackgroundWork background;
    private final Path store;
    private final Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private static final Map<KeyCode, Screen> KEYS = Map.of(KeyCode.F2, Screen.ISSUE, KeyCode.F3, Screen.EXPIRING,
            KeyCode.F4, Screen.ATTENTION, KeyCode.F5, Screen.FIND, KeyCode.F6, Screen.ACTIVATE, KeyCode.F7, Screen.ADMIN);

    @FXML private javafx.scene.layout.BorderPane frame;
    @FXML private StackPane content;
    @FXML private ToggleButton issueButton;
    @FXML private ToggleButton expiringButton;
    @FXML private ToggleButton attentionButton;
    @FXML private ToggleButton activateButton;
    @FXML private ToggleButton findButton;
    @FXML private ToggleButton adminButton;
    @FXML private ToggleGroup navGroup;
    @FXML private ComboBox<Locale> languageBox;
    @FXML private Label profileLabel;
    @FXML private Label staffLabel;
    @FXML private Label syncLabel;
    @FXML private javafx.scene.control.Button syncNowButton;
    @FXML private ProgressIndicator busy;
    @FXML private javafx.scene.layout.HBox heldBar;
    @FXML private javafx.scene.layout.HBox noticeBar;
    @FXML private javafx.scene.layout.VBox noticeLines;
    @FXML private Label noticeLabel;
    @FXML private Label heldLabel;

    public MainView(MainViewModel vm, ViewLoader views, BackgroundWork background, Path store) {
        this.vm = vm;
        this.views = views;
        this.lifetime = views.lifetime();
        this.background = background;
        this.store = store;
    }

    @FXML
    private void initialize() {
        // The checklist and the patron screen are built now: a scan opens either, and their views also
        // act on what changes (a patron opened by a scan takes the keyboard, say). The screens reached
        // only from the navigation are built the first time they are opened, so the desk is ready to scan
        // sooner after sign-in; each draws its ViewModel's state as it is then, as after a language switch.
        screen(Screen.ISSUE);
        screen(Screen.PATRON);
        buttons.putAll(Map.of(Screen.ISSUE, issueButton, Screen.EXPIRING, expiringButton, Screen.ATTENTION,
                attentionButton, Screen.FIND, findButton, Screen.ACTIVATE, activateButton, Screen.ADMIN, adminButton));
        lifetime.onChange(vm.navigation().screenProperty(), (obs, old, s) -> {
            if (old == Screen.ISSUE && s != Screen.ISSUE) {
                vm.navigation().noticeProperty().set(null);
            }
            show(s);
        });
        show(vm.navigation().screenProperty().get());
        // Built again in another language, the screen's first field takes the keys once the view is in the
        // window and laid out (the language box they were in has gone with the last view).
        lifetime.onChange(frame.sceneProperty(), (obs, old, scene) -> {
            if (scene != null) {
                app.carddesk.ui.AfterLayout.once(scene, () -> javafx.application.Platform.runLater(() ->
                        focusFirstFieldSoon(vm.navigation().screenProperty().get(), 5)));
            }
        });

        Controls.languageChoice(languageBox, vm.locale, views.messages());
        profileLabel.textProperty().bind(lifetime.of(vm.profile).map(p -> views.messages().get("status.profile",
                p.name(), p.code())));
        var who = vm.signIn();
        // While nobody is signed in the desk takes no input: the sign-in screen covers it.
        frame.disableProperty().bind(lifetime.of(who.signedIn).map(in -> !in));
        // Signed in, the desk is ready for the first scan or typed card number.
        lifetime.onChange(who.signedIn, (obs, was, in) -> {
            if (in) {
                javafx.application.Platform.runLater(() -> {
                    // The last person's screen, when it is not this person's work, gives way to the checklist.
                    if (!ScreenAccess.opens(vm.navigation().screenProperty().get(), who.session.get(),
                            vm.administrationConnected())) {
                        vm.navigation().open(Screen.ISSUE);
                    }
                    if (vm.startsAtAdministration(who.session.get())) {
                        leaveTo(Screen.ADMIN);
                        return;
                    }
                    javafx.scene.Node card = frame.lookup("#cardField");
                    if (card != null && card.isVisible()) {
                        card.requestFocus();
                    } else {
                        // Another screen was open (the next person signed in over it): its first field
                        // takes the keys, so F2 to F7 and typing work at once.
                        focusFirstField(vm.navigation().screenProperty().get());
                    }
                });
            }
        });
        // Built once the first person signed in (the register opens with them): an officer starts at Administration.
        if (vm.startsAtAdministration(who.session.get())) {
            javafx.application.Platform.runLater(() -> leaveTo(Screen.ADMIN));
        }
        // Who is signed in now, after every switch of user (mapped from the lifetime-bound value itself).
        // Read from the lifetime-bound values themselves, so that each stays valid and tells of the next change.
        var person = lifetime.of(who.session);
        // The navigation offers the screens this person has work on (Administration to those who administer).
        buttons.forEach((screen, button) -> {
            button.visibleProperty().bind(person.map(p -> ScreenAccess.opens(screen, p, vm.administrationConnected()))
                    .orElse(false));
            button.managedProperty().bind(button.visibleProperty());
        });
        // Signed in offline while the central register answers again: its screens need a sign-in with it.
        var link = lifetime.of(vm.syncStatus);
        staffLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var s = person.getValue();
            var status = link.getValue();
            if (s == null) {
                return "";
            }
            boolean back = status != null && status.state() == app.carddesk.sync.SyncStatus.State.ONLINE;
            return views.messages().get(!s.offline() ? "signin.signedInAs" : back ? "signin.signedInOfflineBack"
                    : "signin.signedInOffline", s.displayName() + " (" + s.userName() + ")");
        }, person, link));
        // Where the register lives is for IT, not for the desk: it is there when the mouse rests on the library.
        profileLabel.setTooltip(new javafx.scene.control.Tooltip(views.messages().get("status.store", store.toString())));
        busy.visibleProperty().bind(background.busyProperty());
        syncNowButton.visibleProperty().bind(lifetime.of(vm.syncStatus).map(s -> s.state()
                != app.carddesk.sync.SyncStatus.State.NOT_CONFIGURED));
        syncNowButton.managedProperty().bind(syncNowButton.visibleProperty());
        syncLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> SyncLine.text(views.messages(), vm.syncStatus.get(), vm.configurationChanged.get()),
                vm.syncStatus, vm.configurationChanged));
        // F2 to F7 press the navigation buttons shown, so leaving the checklist asks first either way. A
        // filter on the frame, because tables and lists take F2 for themselves otherwise.
        frame.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            ToggleButton button = buttons.get(KEYS.get(e.getCode()));
            if (button != null) {
                e.consume();
                if (button.isVisible()) {
                    button.fire();
                }
            }
        });
        noticeBar.visibleProperty().bind(vm.navigation().noticeProperty().isNotNull());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        lifetime.onChange(vm.navigation().noticeProperty(), (obs, old, n) -> showNotice(n));
        showNotice(vm.navigation().noticeProperty().get());
        heldBar.visibleProperty().bind(vm.heldScan.isNotNull());
        heldBar.managedProperty().bind(heldBar.visibleProperty());
        heldLabel.textProperty().bind(lifetime.of(vm.heldScan).map(card -> views.messages().get("scan.held", card)).orElse(""));
        // The keyboard stays where staff were typing when a card is held: once the question is answered
        // they go on typing, and the bar's buttons are there by their keys (Alt and the underlined letter).
        // Dealt with from the bar, the keyboard goes back where it was, the caret where it was.
        lifetime.onChange(vm.heldScan, (obs, old, card) -> {
            if (card == null && typingBeforeHeld != null) {
                TypingPlace back = typingBeforeHeld;
                typingBeforeHeld = null;
                javafx.scene.Node now = frame.getScene() == null ? null : frame.getScene().getFocusOwner();
                if (now == null || app.carddesk.ui.Controls.isInside(now, heldBar)) {
                    back.restore();
                }
            }
        });
        // Staff going to the bar from where they type: that place, and the caret in it as they left it.
        lifetime.onChange(frame.sceneProperty().flatMap(javafx.scene.Scene::focusOwnerProperty), (obs, left, now) -> {
            if (vm.heldScan.get() != null && now != null && left != null
                    && app.carddesk.ui.Controls.isInside(now, heldBar)
                    && !app.carddesk.ui.Controls.isInside(left, heldBar)) {
                typingBeforeHeld = TypingPlace.of(left);
            }
        });
        lifetime.onChange(vm.pendingScan, (obs, old, scan) -> {
            if (scan != null) {
                confirmScan();
            }
        });
    }

    /** Where staff were typing before they went to the held card's bar. */
    private TypingPlace typingBeforeHeld;

    private static final Map<Screen, String> FXML = Map.of(Screen.ISSUE, "issuecard/IssueCard.fxml",
            Screen.PATRON, "patron/Patron.fxml", Screen.EXPIRING, "expiring/Expiring.fxml",
            Screen.ATTENTION, "attention/Attention.fxml", Screen.ACTIVATE, "activate/Activate.fxml",
            Screen.FIND, "find/Find.fxml", Screen.ADMIN, "admin/Administration.fxml");

    /** Where the keyboard starts on each screen (the checklist places its own focus). */
    private static final Map<Screen, String> FIRST_FIELD = Map.of(Screen.FIND, "#findQuery",
            Screen.EXPIRING, "#expiringTable", Screen.ATTENTION, "#attentionTable", Screen.ACTIVATE, "#activateQuery",
            Screen.PATRON, "#patronScroller", Screen.ADMIN, "#libraryTabs,#auditQuery,#adminScroller");

    /** The screen's view, built the first time it is asked for. */
    private Parent screen(Screen s) {
        return screens.computeIfAbsent(s, k -> views.load(FXML.get(k)));
    }

    private void show(Screen s) {
        if (!screens.containsKey(s)) {
            // Built hidden, so that it is shown as every screen is: its view refreshes what it lists then.
            screen(s).setVisible(false);
        }
        Parent shown = screens.get(s);
        screens.forEach((k, node) -> node.setVisible(k == s));
        // Only the screen on show is in the window: Alt shortcuts of the others never compete with its own.
        content.getChildren().setAll(shown);
        javafx.application.Platform.runLater(() -> focusFirstFieldSoon(s, 5));
        buttons.forEach((k, button) -> button.setSelected(k == s));
    }

    /**
     * Puts the keyboard in the screen's first field now, or after one of the next few layouts: a list
     * inside a tab is part of the screen, and can take the keyboard, once it is laid out, and on a busy
     * desk the next turn may come before that.
     */
    private void focusFirstFieldSoon(Screen s, int layouts) {
        if (!screens.get(s).isVisible() || focusFirstField(s) || layouts == 0 || content.getScene() == null) {
            return;
        }
        app.carddesk.ui.AfterLayout.once(content.getScene(), () -> focusFirstFieldSoon(s, layouts - 1));
    }

    /**
     * Puts the keyboard in the screen's first field (or on the screen itself, for one without any).
     *
     * @return whether the screen's first field has the keyboard now
     */
    private boolean focusFirstField(Screen s) {
        String first = FIRST_FIELD.get(s);
        javafx.scene.Node n = null;
        // The first of the candidates that is shown to this person (Administration's parts depend on roles).
        for (String candidate : first == null ? new String[0] : first.split(",")) {
            javafx.scene.Node found = screens.get(s).lookup(candidate);
            if (found != null && app.carddesk.ui.Controls.shown(found)) {
                n = found;
                break;
            }
        }
        if (n != null) {
            n.requestFocus();
        } else if (s != Screen.ISSUE) {
            screens.get(s).requestFocus();
        }
        // A list found in a tab that is not laid out yet does not take the keyboard: then it is tried again.
        return first == null || n != null && n.getScene() != null && n.getScene().getFocusOwner() == n;
    }


    /** The notice a closed screen left, with one line per library where the patron stays. */
    private void showNotice(app.carddesk.ui.Navigation.Notice n) {
        noticeLines.getChildren().setAll(noticeLabel);
        if (n == null) {
            noticeLabel.setText("");
            return;
        }
        var m = views.messages();
        noticeLabel.setText(m.text(n.headline()));
        for (app.carddesk.issuing.NationalRegister.Membership l : n.remaining()) {
            Label line = new Label(m.get("unsubscribe.standing", l.libraryName(), l.loans(), l.reminders(), l.claims()));
            line.setId("remaining-" + l.library());
            line.getStyleClass().add("warning");
            noticeLines.getChildren().add(line);
        }
    }

    @FXML
    private void dismissNotice() {
        vm.navigation().noticeProperty().set(null);
    }

    @FXML
    private void switchUser() {
        // The next person does not see what the last one was typing about a patron.
        if (vm.leavingLosesWork()) {
            if (!app.carddesk.ui.Confirm.ask(frame, views.messages(), leaving())) {
                return;
            }
            vm.discardChecklist();
        }
        vm.signIn().switchUser();
    }

    @FXML
    private void syncNow() {
        vm.syncNow();
    }

    @FXML
    private void continueHeld() {
        vm.continueWithHeldScan();
    }

    @FXML
    private void dismissHeld() {
        vm.dismissHeldScan();
    }

    @FXML
    private void openFind() {
        leaveTo(Screen.FIND);
    }

    @FXML
    private void openActivate() {
        leaveTo(Screen.ACTIVATE);
    }

    @FXML
    private void openIssue() {
        if (vm.navigation().screenProperty().get() == Screen.PATRON && vm.conversionUnfinished()) {
            if (!confirm(Question.LEAVE_CONVERSION)) {
                show(Screen.PATRON);
                return;
            }
            vm.discardChecklist();
        }
        vm.navigation().open(Screen.ISSUE);
        show(Screen.ISSUE);
    }

    @FXML
    private void openExpiring() {
        leaveTo(Screen.EXPIRING);
    }

    @FXML
    private void openAdmin() {
        leaveTo(Screen.ADMIN);
    }

    @FXML
    private void openAttention() {
        leaveTo(Screen.ATTENTION);
    }

    private void leaveTo(Screen target) {
        Screen here = vm.navigation().screenProperty().get();
        if (here == Screen.ISSUE && vm.checklistTyped() || here == Screen.PATRON && vm.conversionUnfinished()) {
            if (!confirm(leaving())) {
                show(here);
                return;
            }
            vm.discardChecklist();
        }
        vm.navigation().open(target);
        show(target);
    }

    private void confirmScan() {
        if (Confirm.ask(content, views.messages(), Question.SCAN_DISCARDS, vm.pendingScan.get())) {
            vm.confirmPendingScan();
        } else {
            vm.cancelPendingScan();
        }
    }

    /** The question before leaving what would be lost: a national ID not registered yet, or the checklist. */
    private Question leaving() {
        return vm.conversionUnfinished() ? Question.LEAVE_CONVERSION : Question.LEAVE_CHECKLIST;
    }

    private boolean confirm(Question question) {
        return Confirm.ask(content, views.messages(), question);
    }
}
