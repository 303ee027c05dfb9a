package app.carddesk;

import app.carddesk.ui.DeskConfig;
import javafx.application.Application;

/**
 * Starts the desk client. A main class that does not extend {@code Application} lets JavaFX
 * start from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // The log goes beside the local register, so IT finds both in one place.
        // Created for its owner only before the first line is logged.
        System.setProperty("carddesk.logDir", app.carddesk.store.DataFolder.prepare(DeskConfig.load().dataDir())
                .toString());
        Application.launch(DeskApplication.class, args);
    }
}
