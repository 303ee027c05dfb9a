package app.carddesk;

import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;

/**
 * Starts the desk client. A main class that does not extend {@code Application} lets JavaFX
 * start from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        prepareLogging();
        // What the desk needs before sign-in is prepared while JavaFX starts and shows the window; the
        // register itself opens after the first sign-in, with the key it produces.
        DeskConfig config = DeskConfig.load();
        ExecutorService opener = app.carddesk.work.DeskThreads.single("carddesk-open-register");
        DeskApplication.opening(config, CompletableFuture.supplyAsync(
                () -> DeskGate.open(config, Clock.systemDefaultZone()), opener));
        opener.shutdown();
        Application.launch(DeskApplication.class, args);
    }

    /**
     * Points the log at the data folder, beside the local register, so IT finds both in one place;
     * the folder and the log are created for their owner only. Runs before anything logs: the
     * first line logged fixes where the log goes.
     */
    static Path prepareLogging() {
        Path folder = app.carddesk.store.DataFolder.prepare(DeskConfig.dataDirectory());
        System.setProperty("carddesk.logDir", folder.toString());
        return folder;
    }
}
