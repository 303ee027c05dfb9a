package app.carddesk;

import javafx.application.Application;

/**
 * Starts the desk client. A main class that does not extend {@code Application} lets JavaFX
 * start from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(DeskApplication.class, args);
    }
}
