package app.carddesk.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Opens the desk where it was last time, if that is still on a screen, else centred and no
 * larger than the screen's visible area (a 1024×768 screen with a task bar included), and
 * remembers size and place when the window closes.
 */
public final class WindowPlacement {

    static final double WIDTH = 1180;
    static final double HEIGHT = 760;

    private WindowPlacement() {
    }

    public static void place(Stage stage, DeskPreferences prefs) {
        Rectangle2D remembered = prefs.number("window.x").flatMap(x -> prefs.number("window.y").flatMap(y ->
                prefs.number("window.width").flatMap(w -> prefs.number("window.height").map(h ->
                        new Rectangle2D(x, y, w, h))))).orElse(null);
        Rectangle2D bounds = fit(remembered, Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(prefs.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
        stage.setOnHiding(e -> remember(stage, prefs));
    }

    /** Where the window goes: the remembered place when it lies wholly on one screen, else centred on the primary one. */
    static Rectangle2D fit(Rectangle2D remembered, java.util.List<Rectangle2D> screens, Rectangle2D primary) {
        if (remembered != null && remembered.getWidth() >= 400 && remembered.getHeight() >= 300
                && screens.stream().anyMatch(s -> s.contains(remembered))) {
            return remembered;
        }
        double w = Math.min(WIDTH, primary.getWidth());
        double h = Math.min(HEIGHT, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
    }

    private static void remember(Stage stage, DeskPreferences prefs) {
        prefs.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.put("window.x", Double.toString(stage.getX()));
            prefs.put("window.y", Double.toString(stage.getY()));
            prefs.put("window.width", Double.toString(stage.getWidth()));
            prefs.put("window.height", Double.toString(stage.getHeight()));
        }
    }
}
