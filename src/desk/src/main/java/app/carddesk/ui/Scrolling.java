package app.carddesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Long screens scroll, and whatever gets the keyboard focus scrolls into view, so staff who work
 * with Tab and Enter on a small screen never type into a field they cannot see.
 */
public final class Scrolling {

    private Scrolling() {
    }

    /**
     * Scrolls {@code pane} along with the focus, for as long as the pane is part of a scene; and when
     * the content grows or shrinks (rows read in the background, a panel opened above) or the window
     * is made lower, the field that has the focus stays in view.
     */
    public static void followFocus(ScrollPane pane) {
        pane.sceneProperty().flatMap(s -> s.focusOwnerProperty()).addListener((obs, old, focused) -> {
            if (focused != null && isInside(focused, pane)) {
                show(pane, focused);
            }
        });
        javafx.beans.value.ChangeListener<Bounds> keepFocusInView = (obs, was, now) -> {
            Node focused = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
            if (focused != null && isInside(focused, pane) && was.getHeight() != now.getHeight()) {
                javafx.application.Platform.runLater(() -> show(pane, focused));
            }
        };
        pane.contentProperty().flatMap(Node::layoutBoundsProperty).addListener(keepFocusInView);
        // The window made lower: the field being typed in stays in view too.
        pane.viewportBoundsProperty().addListener(keepFocusInView);
    }

    /** Scrolls the nearest scroll pane around {@code node}, if any, until the node is in view. */
    public static void reveal(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane && pane.getContent() != null) {
                show(pane, node);
                return;
            }
        }
    }

    /**
     * A text just set (a refusal under the buttons): scrolled into view now and again once the
     * scene is laid out, since a label that was empty has its height only after the next layout.
     */
    public static void revealOnceLaidOut(Node node) {
        reveal(node);
        if (node.getScene() != null) {
            AfterLayout.once(node.getScene(), () -> reveal(node));
            javafx.application.Platform.requestNextPulse();
        }
    }

    /**
     * A panel that just opened: once laid out, scrolled into view with the focus put in it (on
     * {@code focus}, when given).
     */
    public static void showAndFocus(Node panel, Node focus) {
        javafx.application.Platform.runLater(() -> {
            for (Node p = panel.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    pane.layout();
                    break;
                }
            }
            reveal(panel);
            if (focus != null) {
                focus.requestFocus();
            }
            // A panel whose content is still being placed (CSS, rows read meanwhile) may grow after this
            // pass: once the scene is laid out again, what has the keyboard is brought into view again.
            if (panel.getScene() != null) {
                AfterLayout.once(panel.getScene(), () -> reveal(focus != null ? focus : panel));
            }
        });
    }

    private static boolean isInside(Node node, ScrollPane pane) {
        for (Node p = node; p != null; p = p.getParent()) {
            if (p == pane.getContent()) {
                return true;
            }
        }
        return false;
    }

    private static void show(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        if (contentHeight <= viewport || inContent == null) {
            return;
        }
        double top = pane.getVvalue() * (contentHeight - viewport);
        double y;
        if (inContent.getMinY() < top) {
            y = inContent.getMinY() - 8;
        } else if (inContent.getMaxY() > top + viewport) {
            y = inContent.getMaxY() - viewport + 8;
        } else {
            return;
        }
        pane.setVvalue(Math.max(0, Math.min(1, y / (contentHeight - viewport))));
    }
}
