package app.carddesk.ui;

import javafx.scene.Scene;

/** Work that waits for a scene's next layout pass (CSS applied, controls placed), done once. */
public final class AfterLayout {

    private AfterLayout() {
    }

    /** Runs {@code then} once, after the next pulse has laid {@code scene} out. */
    public static void once(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
