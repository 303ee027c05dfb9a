package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.DeskContext;
import app.carddesk.domain.Address;
import app.carddesk.domain.CardNumber;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.ui.background.FxBackgroundWork;
import app.carddesk.ui.main.DeskWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real desk window, on a real H2 file in a temporary folder, as a person at the desk
 * would: scanner bursts, typing, clicks. Today is fixed so that dates in the tests stay true.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DeskUiIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant(),
            ZoneId.of("Europe/Copenhagen"));

    @TempDir
    Path dataDir;

    DeskBackend backend;
    DeskContext context;
    FxBackgroundWork background;
    Stage stage;

    /** TestFX looks for @Start only on the test class itself, so the base class sets the stage up here. */
    @BeforeEach
    void openDesk() throws TimeoutException {
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) {
        this.stage = stage;
        background = new FxBackgroundWork();
        Scene scene = new Scene(new Pane(), 1180, 800);
        stage.setScene(scene);
        // The stage is shared by the tests of a JVM: each starts at the scene's size, whatever the last one set.
        stage.sizeToScene();
        if (startsSignedIn()) {
            backend = app.carddesk.SignedInDesk.open(config(dataDir), CLOCK);
            if (syncing()) {
                backend = backend.startSyncing();
            }
            context = new DeskContext(backend, background);
            signIn = context.signIn();
            DeskWindow.show(stage, scene, context.main(), () -> context.views().loadWindow("main/Main.fxml"),
                    () -> context.views().messages());
        } else {
            // As the installed desk starts: the sign-in screen, and the register opens after the first sign-in.
            app.carddesk.DeskStart start = app.carddesk.DeskStart.show(stage, scene,
                    app.carddesk.DeskGate.open(config(dataDir), CLOCK), background, gate -> {
                        DeskBackend opened = DeskBackend.open(gate);
                        return syncing() ? opened.startSyncing() : opened;
                    }, 10, opened -> {
                        context = opened;
                        backend = opened.backend();
                    }, failure -> {
                        throw new IllegalStateException("the desk did not open", failure);
                    });
            signIn = start.signIn();
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * Closes the desk and starts it again, as staff do after it joined an organisation: {@link
     * #config} is asked again, so a test can start it with what the desk wrote to its settings.
     */
    void restartDesk() throws TimeoutException {
        interact(() -> stage.hide());
        if (background != null) {
            background.close();
        }
        if (backend != null) {
            backend.close();
        }
        backend = null;
        context = null;
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The sign-in screen's ViewModel: the gate's before the first sign-in, the desk's after. */
    app.carddesk.ui.signin.SignInViewModel signIn;

    /** Signs in on the sign-in screen as {@code user} (the fields set directly: typing is not under test). */
    void signInAs(FxRobot robot, String user, String password) {
        interact(() -> {
            signIn.userName.set(user);
            signIn.password.set(password);
        });
        interact(() -> signIn.submit());
    }

    /** Waits until the first sign-in has opened the register and the desk shows (signed-out starts). */
    void awaitDesk() {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> context != null);
        } catch (TimeoutException e) {
            throw new AssertionError("the desk did not open after the sign-in", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    String profile() {
        return "DEMO-DK";
    }

    /** Whether the desk opens with its demo account signed in (the sign-in screen's tests start without). */
    boolean startsSignedIn() {
        return true;
    }


    /** Whether the desk syncs on its own timer, as the installed desk does (tests sync by hand otherwise). */
    boolean syncing() {
        return false;
    }

    DeskConfig config(Path dir) {
        return new DeskConfig(dir, profile(), Locale.ENGLISH);
    }

    /** The loopback port a connected desk's central register listens on (set by {@link #connected}). */
    int port;

    /** A desk that syncs with a central register on a free loopback port, which the test may start. */
    DeskConfig connected(Path dir, String token) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new DeskConfig(dir, profile(), Locale.ENGLISH, "http://127.0.0.1:" + port, token, 15);
    }

    @AfterEach
    void closeStore() {
        if (background != null) {
            background.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    /**
     * A keyboard-wedge scanner: key events for every character and Enter, as fast as a scanner
     * sends them, into whatever has the focus. (The robot's own typing waits for the screen after
     * every key, far slower than any scanner.)
     */
    void scan(FxRobot robot, String number) {
        // Fired without waiting for the handlers: a scan may open a dialog that waits for staff.
        // Timed as a scanner's keys (and its Enter), a millisecond apart, even when the busy test machine
        // pauses this thread.
        WaitForAsyncUtils.asyncFx(() -> app.carddesk.ui.scan.KeyTime.asScanner(number.length() + 1, () -> {
            Scene scene = openDialog().map(javafx.stage.Window::getScene).orElse(stage.getScene());
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            for (char c : number.toCharArray()) {
                String s = String.valueOf(c);
                KeyCode code = Character.isDigit(c) ? KeyCode.getKeyCode(s) : KeyCode.getKeyCode(s.toUpperCase());
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false,
                        false, false));
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, false, false,
                        false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER, false, false, false,
                    false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.ENTER, false, false, false,
                    false));
        }));
        interact(() -> { });
    }

    /** The question or message the desk window has open, if any: a scan lands there. */
    java.util.Optional<javafx.stage.Window> openDialog() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .reduce((a, b) -> b);
    }

    /** Scans a blank card and goes on, without a national ID, to the details step. */
    void scanToDetails(FxRobot robot, String card) {
        scan(robot, card);
        waitUntil(() -> visible(robot, "#withoutRadio"));
        clickOn(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#surnameField"));
    }

    /** A person typing into the focused field, slower than any scanner. */
    void typeSlowly(FxRobot robot, String text) {
        robot.write(text, 120);
    }

    /**
     * Goes to a field as staff would (a click, so the field before it is left and checked) and puts
     * the text in at once: these tests are about the checklist, not about typing, which
     * KeyboardChecklistIT covers key by key.
     */
    void fill(FxRobot robot, String query, String text) {
        clickOn(robot, query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        interact(() -> {
            field.setText(text);
            field.positionCaret(text.length());
        });
    }

    /** Clicks a control, as {@link #clickOn(FxRobot, Node)} does. */
    void click(FxRobot robot, String query) {
        waitUntilIdle(robot);
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent());
        clickOn(robot, robot.lookup(query).<Node>query());
    }

    /** Clicks the first visible control the query finds, as {@link #clickOn(FxRobot, Node)} does. */
    void clickOn(FxRobot robot, String query) {
        // A control the last step brought (a tab's header, a table's button) is there from the next pulse.
        waitUntil(() -> robot.lookup(query).match(n -> n.isVisible() && parentsVisible(n)).tryQuery().isPresent());
        clickOn(robot, robot.lookup(query).match(n -> n.isVisible() && parentsVisible(n)).<Node>query());
    }

    /**
     * Clicks where the control is on screen, its position read and the click made on the JavaFX thread.
     * TestFX's own clickOn works out a control's bounds on the test's thread, racing the pulse that
     * lays the screen out; now and then that left JavaFX's cached bounds broken and the next pulse
     * failed. It would also glide the pointer in up to 200 steps.
     * <p>
     * A long screen is scrolled first so that the control is in view, as a person would. A person
     * clicks what they see where it has come to rest: the desk may still be scrolling the
     * focus into view after a window was resized or a message appeared (work it hands on to the next
     * pulse). So the click waits until the control stays put across a pulse, and fails, saying what
     * it reached instead, when the press does not reach the control.
     */
    void clickOn(FxRobot robot, Node node) {
        Scene scene = interactGet(node::getScene);
        interact(() -> {
            layOut(node);
            Scrolling.reveal(node);
        });
        String[] where = new String[1];
        for (int tries = 0; where[0] == null; tries++) {
            String before = interactGet(() -> placeOf(node));
            sleep(PULSE_MS);
            String placed = interactGet(() -> placeOf(node));
            if (placed.equals(before) || tries == 50) {
                where[0] = placed;
            }
        }
        Object[] reached = new Object[1];
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> seen = e -> {
            if (reached[0] == null) {
                reached[0] = e.getPickResult().getIntersectedNode();
            }
        };
        interact(() -> {
            layOut(node);
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            where[0] = placeOf(node);
            scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, seen);
            javafx.scene.robot.Robot mouse = new javafx.scene.robot.Robot();
            mouse.mouseMove(b.getCenterX(), b.getCenterY());
            mouse.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
        });
        interact(() -> scene.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, seen));
        if (!(reached[0] instanceof Node hit) || !isWithin(hit, node)) {
            throw new AssertionError("the click on " + node + " at " + where[0] + " reached " + reached[0]
                    + "; the control is now at " + interactGet(() -> placeOf(node)));
        }
    }

    /** A little longer than one pulse of the JavaFX thread (60 a second). */
    private static final long PULSE_MS = 20;

    private static String placeOf(Node node) {
        layOut(node);
        return node.localToScreen(node.getBoundsInLocal()) + " scrolled to " + scrollOf(node);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String scrollOf(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                return String.valueOf(pane.getVvalue());
            }
        }
        return "-";
    }

    private static boolean isWithin(Node hit, Node node) {
        for (Node n = hit; n != null; n = n.getParent()) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    <T> T interactGet(java.util.function.Supplier<T> get) {
        Object[] out = new Object[1];
        interact(() -> out[0] = get.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /**
     * Lays the window out now, as the next pulse would: where a control is after what came before (a
     * new panel, a scroll), which the robot's clicks and a scroll need to know.
     */
    private static void layOut(Node node) {
        node.getScene().getRoot().applyCss();
        node.getScene().getRoot().layout();
    }

    /** Shows the tab {@code tab} (a tab's id, as {@code #libraryTabFile}) of the tab pane {@code pane}. */
    void showTab(FxRobot robot, String pane, String tab) {
        javafx.scene.control.TabPane tabs = robot.lookup(pane).queryAs(javafx.scene.control.TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> tab.equals("#" + t.getId())).findFirst().orElseThrow()));
    }

    /** Keys pressed together and let go, as staff press them, through the same robot as TestFX's. */
    void type(KeyCode... keys) {
        interact(() -> {
            javafx.scene.robot.Robot keyboard = new javafx.scene.robot.Robot();
            for (KeyCode key : keys) {
                keyboard.keyPress(key);
            }
            for (int i = keys.length - 1; i >= 0; i--) {
                keyboard.keyRelease(keys[i]);
            }
        });
    }

    /**
     * Runs an action on the JavaFX thread and waits until that thread has dealt with it and with what
     * it handed on. An action may open a question that waits for staff (a nested event loop), so the
     * wait is for two later turns of the thread, which run inside such a loop too, not for the action
     * to return. TestFX's interact (and its clicks and keys) sleep 50 ms each time "for events to
     * settle", which was most of a UI test's time; on the headless screen the robot's events are
     * handled within the call. On a real display the window system delivers them later, and TestFX's
     * wait stays.
     */
    void interact(Runnable action) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        for (int turn = 0; turn < 2; turn++) {
            try {
                onFxThread(() -> true);
            } catch (TimeoutException e) {
                throw new AssertionError("the JavaFX thread did not get round in 10 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (done.isCompletedExceptionally()) {
            done.join();
        }
        if (!HEADLESS) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static final boolean HEADLESS = "Monocle".equals(System.getProperty("glass.platform"));

    /** Puts text into a field without typing it, where typing is not what the test is about. */
    void setText(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        interact(() -> field.setText(text));
    }

    /**
     * Waits until no background work is under way: its result may still redraw the screen (a list of
     * libraries, a notice) and move the control the pointer is about to click.
     */
    void waitUntilIdle(FxRobot robot) {
        if (background == null) {
            return;
        }
        waitUntil(() -> !background.busyProperty().get());
    }

    /**
     * Waits up to 10 s for the screen to reach a state. The condition is checked on the JavaFX thread,
     * between two of its events, so it never sees a screen half-way through an update (a heading
     * already changed, the rows below it not yet), and what a test checks right after it sees the
     * same finished update. A condition that cannot be checked yet (the screen it looks at is still
     * being loaded) counts as not reached.
     */
    void waitUntil(Callable<Boolean> condition) {
        waitUntil(10, condition);
    }

    void waitUntil(int seconds, Callable<Boolean> condition) {
        java.util.concurrent.atomic.AtomicReference<Exception> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFxThread(() -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    last.set(e);
                    return false;
                }
            }));
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not reach the expected state in " + seconds + " s; it says: "
                    + shownProblems(), last.get() != null ? last.get() : e);
        }
    }

    private static <T> T onFxThread(Callable<T> read) throws Exception {
        java.util.concurrent.CompletableFuture<T> value = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                value.complete(read.call());
            } catch (Exception | Error e) {
                value.completeExceptionally(e);
            }
        });
        try {
            return value.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** What the screen tells staff right now: helps to see why a test got stuck. */
    private String shownProblems() {
        return new FxRobot().lookup(".problem").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof Labeled l && !l.getText().isEmpty())
                .map(n -> ((Labeled) n).getText()).toList().toString()
                + " step=" + context.issue().step.get();
    }

    String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }

    boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.isVisible() && parentsVisible(n)).orElse(false);
    }

    private static boolean parentsVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the node is within the visible part of the scroll pane around it (call on the JavaFX thread). */
    boolean inView(FxRobot robot, String query) {
        javafx.scene.Node n = robot.lookup(query).query();
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                javafx.geometry.Bounds v = pane.localToScene(pane.getBoundsInLocal());
                return b.getMinY() >= v.getMinY() && b.getMaxY() <= v.getMaxY();
            }
        }
        return true;
    }

    /**
     * Two visible texts with one Alt-key on a screen: the key then only moves the focus between them
     * and does neither, and the screen cannot be worked with the keyboard as labelled.
     */
    java.util.List<String> sharedMnemonics(String screen) {
        java.util.Map<Character, java.util.List<String>> byKey = new java.util.TreeMap<>();
        collectMnemonics(stage.getScene().getRoot(), byKey);
        java.util.List<String> shared = new java.util.ArrayList<>();
        byKey.forEach((key, texts) -> {
            if (texts.size() > 1) {
                shared.add(screen + ": Alt+" + Character.toUpperCase(key) + " is on " + String.join(" and ", texts));
            }
        });
        return shared;
    }

    /** The Alt-keys of the visible texts that take input (a disabled one, such as the desk under the sign-in, does not). */
    private static void collectMnemonics(javafx.scene.Node n, java.util.Map<Character, java.util.List<String>> byKey) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.isMnemonicParsing() && l.getText() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!_)_([^_])").matcher(l.getText());
            if (m.find()) {
                byKey.computeIfAbsent(Character.toLowerCase(m.group(1).charAt(0)), k -> new java.util.ArrayList<>())
                        .add("“" + l.getText().replaceFirst("_", "") + "”");
            }
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                collectMnemonics(child, byKey);
            }
        }
    }

    void waitForText(FxRobot robot, String query, String contains) {
        waitUntil(() -> visible(robot, query) && text(robot, query).contains(contains));
    }

    /** Gives a patron a national ID in the register, as if it had been registered at another desk. */
    void registeredWithCpr(UUID patron, String cpr) {
        backend.database().jdbi().useHandle(h -> h.execute("UPDATE patron SET identity_kind = 'CPR', "
                + "identity_number = ?, registration_kind = 'NATIONAL_ID' WHERE id = ?", cpr, patron));
    }

    /** Registers a patron through the real service, as an earlier desk session would have. */
    UUID issueDirectly(String card, String surname, String givenName, LocalDate birth, String email,
                       RegistrationKind kind, LocalDate expires) {
        var issuing = backend.issuing();
        CardNumber number = backend.profile().cardNumberPolicy().check(card).value();
        IssueOutcome outcome = issuing.issue(new IssueRequest(number, kind, null,
                new PatronDetails(surname, givenName, birth, email, "", new Address("Nørregade 1", "1165",
                        "København K", "Danmark")), expires, email == null ? PinDelivery.OWN_PIN : PinDelivery.EMAIL,
                email == null ? "4826" : null, true, "STUDENT", "KB-SK", "en"));
        assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
        return ((IssueOutcome.Issued) outcome).patronId();
    }

    Map<String, Object> patronRow(String column, Object value) {
        return backend.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT * FROM patron WHERE " + column + " = :v").bind("v", value).mapToMap().one());
    }

    long count(String sql, Object... args) {
        return backend.database().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
