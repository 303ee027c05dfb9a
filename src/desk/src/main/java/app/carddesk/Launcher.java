package app.carddesk;

import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
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
