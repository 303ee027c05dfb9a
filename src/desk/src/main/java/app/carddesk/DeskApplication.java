package app.carddesk;

import app.carddesk.ui.DeskConfig;
import app.carddesk.text.Messages;
import app.carddesk.ui.background.FxBackgroundWork;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The desk client. The window shows at once, then the sign-in screen; the local register opens
 * after the first sign-in, with the key it produced (decision 0012), and the checklist takes the
 * window.
 */
public final class DeskApplication extends Application {

    /** Set by the start-up benchmark: print when the window shows and when the desk is ready, then exit. */
    public static final String REPORT_SHOWN = "carddesk.benchmark";
    /** Set by the memory benchmark as well: stay open once ready, as a desk does all day. */
    public static final String BENCHMARK_STAY = "carddesk.benchmark.stay";

    private static DeskConfig startedWith;
    private static CompletableFuture<DeskGate> opened;

    private final FxBackgroundWork background = new FxBackgroundWork();
    private volatile DeskBackend backend;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** The settings the desk starts with and what it has before sign-in, already prepared (see {@link Launcher}). */
    static void opening(DeskConfig config, CompletableFuture<DeskGate> gate) {
        startedWith = config;
        opened = gate;
    }

    @Override
    public void start(Stage stage) {
        // Ended by the system (a log-out or shut-down sends SIGTERM), the desk closes its register too.
        app.carddesk.work.DeskThreads.atExit("carddesk-close-register", this::close);
        DeskConfig config = startedWith != null ? startedWith : DeskConfig.load();
        CompletableFuture<DeskGate> prepared = opened != null ? opened : CompletableFuture.completedFuture(null);
        Messages messages = Messages.forLocale(config.language());
        Label opening = new Label(messages.get("startup.opening"));
        VBox splash = new VBox(12, new ProgressIndicator(), opening);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash);
        stage.setScene(scene);
        app.carddesk.ui.WindowPlacement.place(stage, app.carddesk.ui.DeskPreferences.in(config.dataDir()));
        stage.setTitle(messages.get("app.title"));
        var icon = DeskApplication.class.getResourceAsStream("/app/carddesk/ui/CardDesk.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        if (Boolean.getBoolean(REPORT_SHOWN)) {
            stage.setOnShown(e -> System.out.println("FIRST_SHOWN " + uptimeMillis()));
        }
        stage.show();
        background.submit(() -> {
            DeskGate ready = join(prepared);
            return ready != null ? ready : DeskGate.open(config, Clock.systemDefaultZone());
        }, gate -> {
            phase("GATE_OPEN");
            java.util.concurrent.atomic.AtomicReference<DeskStart> started = new java.util.concurrent.atomic.AtomicReference<>();
            DeskStart start = DeskStart.show(stage, scene, gate, background, g -> DeskBackend.open(g).startSyncing(),
                    config.idleMinutes(), context -> {
                        backend = context.backend();
                        phase("CHECKLIST_BUILT");
                        if (Boolean.getBoolean(REPORT_SHOWN)) {
                            app.carddesk.ui.AfterLayout.once(stage.getScene(), () -> {
                                System.out.println("READY " + uptimeMillis());
                                if (!Boolean.getBoolean(BENCHMARK_STAY)) {
                                    Platform.runLater(Platform::exit);
                                }
                            });
                        }
                    }, failure -> startupFailed(started.get() == null ? messages
                            : Messages.forLocale(started.get().locale().get()), failure));
            started.set(start);
            phase("SIGN_IN_SHOWN");
            if (Boolean.getBoolean(REPORT_SHOWN)) {
                // Measured once a pulse has laid out the sign-in screen (CSS and layout done), the moment
                // staff can type; then the benchmark signs in with the demo account (its password is
                // public) and measures until the checklist is ready to scan.
                app.carddesk.ui.AfterLayout.once(scene, () -> {
                    System.out.println("SIGN_IN_READY " + uptimeMillis());
                    // -Dcarddesk.benchmark.typingMillis: the time a person takes to type name and password.
                    javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(
                            javafx.util.Duration.millis(Long.getLong("carddesk.benchmark.typingMillis", 0)));
                    typing.setOnFinished(done -> start.signIn().demoAccount().ifPresent(demo -> {
                        System.out.println("SIGN_IN_SUBMITTED " + uptimeMillis());
                        start.signIn().userName.set(demo.get(0));
                        start.signIn().password.set(demo.get(1));
                        start.signIn().submit();
                    }));
                    typing.play();
                });
            }
        }, failure -> startupFailed(messages, failure));
    }

    /** What the launcher prepared, or its failure as this thread's own. */
    private static DeskGate join(CompletableFuture<DeskGate> register) throws Exception {
        try {
            return register.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The start-up benchmark's breakdown: when a phase of the start ended. */
    private static void phase(String name) {
        if (Boolean.getBoolean(REPORT_SHOWN)) {
            System.out.println("PHASE " + name + " " + uptimeMillis());
        }
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private void startupFailed(Messages messages, Throwable failure) {
        // Logging starts here and not in a static field: setting it up costs the first window time.
        LoggerFactory.getLogger(DeskApplication.class).error("Desk could not start", failure);
        // In the language chosen at sign-in, which may differ from the one the desk started in.
        String text = StartupFailure.text(messages, failure);
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText(messages.get("startup.failedTitle"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        close();
    }

    /** Closes the register once: when the window closes, or when the system ends the desk. */
    private void close() {
        if (closed.compareAndSet(false, true)) {
            background.close();
            DeskBackend open = backend;
            if (open != null) {
                open.close();
            }
        }
    }
}
