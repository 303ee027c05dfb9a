package app.carddesk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The yardstick for start-up: a bare JavaFX window, started the same way as the desk. */
public final class BareWindow extends Application {

    /** Started like the desk's Launcher: a main class that is not the Application itself. */
    public static final class Start {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("bare")), 1180, 760));
        stage.setOnShown(e -> {
            System.out.println("FIRST_SHOWN " + ManagementFactory.getRuntimeMXBean().getUptime());
            Platform.runLater(Platform::exit);
        });
        stage.show();
    }
}
