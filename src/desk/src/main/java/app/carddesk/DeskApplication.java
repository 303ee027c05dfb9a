package app.carddesk;

import app.carddesk.ui.DeskConfig;
import app.carddesk.ui.main.DeskWindow;
import app.carddesk.text.Messages;
import app.carddesk.ui.background.FxBackgroundWork;
import java.lang.management.ManagementFactory;
import java.time.Clock;
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
 * The desk client. The window shows at once with a progress indicator while the local store
 * opens in the background; then the checklist takes its place.
 */
public final class DeskApplication extends Application {

    /** Set by the start-up benchmark: print when the window shows and when the desk is ready, then exit. */
    public static final String REPORT_SHOWN = "carddesk.benchmark";
    /** Set by the memory benchmark as well: stay open once ready, as a desk does all day. */
    public static final String BENCHMARK_STAY = "carddesk.benchmark.stay";

    private final FxBackgroundWork background = new FxBackgroundWork();
    private DeskBackend backend;

    @Override
    public void start(Stage stage) {
        DeskConfig config = DeskConfig.load();
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
        background.submit(() -> DeskBackend.open(config, Clock.systemDefaultZone()), opened -> {
            backend = opened.startSyncing();
            DeskContext context = new DeskContext(backend, background);
            DeskWindow.show(stage, scene, context.main(), () -> context.views().load("main/Main.fxml"),
                    () -> context.views().messages());
            if (Boolean.getBoolean(REPORT_SHOWN)) {
                // Measured once the checklist is laid out, the moment staff can scan.
                Platform.runLater(() -> {
                    System.out.println("READY " + uptimeMillis());
                    if (!Boolean.getBoolean(BENCHMARK_STAY)) {
                        Platform.exit();
                    }
                });
            }
        }, failure -> startupFailed(messages, failure));
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private void startupFailed(Messages messages, Throwable failure) {
        // Logging starts here and not in a static field: setting it up costs the first window time.
        LoggerFactory.getLogger(DeskApplication.class).error("Desk could not start", failure);
        String text = failure instanceof DeskBackend.UnknownProfileException unknown
                ? messages.get("startup.unknownProfile", unknown.profile(), unknown.known())
                : messages.get("startup.failed", failure.getClass().getSimpleName());
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText(messages.get("startup.failedTitle"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        background.close();
        if (backend != null) {
            backend.close();
        }
    }
}
