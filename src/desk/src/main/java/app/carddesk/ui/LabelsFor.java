package app.carddesk.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * FXML resolves {@code labelFor="$field"} only when the field comes before its label, and our
 * views put each label first: the reference was silently null, so Alt and a label's letter (the
 * language box's, the sign-in fields') did nothing, and a screen reader had no name for the field.
 * After a view is loaded, each such label is given the control it stands before: the next sibling,
 * or in a form grid the control to its right.
 */
final class LabelsFor {

    private LabelsFor() {
    }

    static void connect(Node n) {
        if (n instanceof Label label && label.getLabelFor() == null) {
            Node field = fieldOf(label);
            if (field != null) {
                label.setLabelFor(field);
            }
        }
        // A control's own content is not among its children until it has a skin: asked for directly.
        if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            connect(scroll.getContent());
        } else if (n instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().stream().map(javafx.scene.control.Tab::getContent).filter(java.util.Objects::nonNull)
                    .forEach(LabelsFor::connect);
        } else if (n instanceof javafx.scene.control.TitledPane titled && titled.getContent() != null) {
            connect(titled.getContent());
        } else if (n instanceof javafx.scene.control.SplitPane split) {
            split.getItems().forEach(LabelsFor::connect);
        } else if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                connect(child);
            }
        }
    }

    private static Node fieldOf(Label label) {
        Parent parent = label.getParent();
        if (parent instanceof GridPane grid) {
            Integer row = GridPane.getRowIndex(label);
            int column = GridPane.getColumnIndex(label) == null ? 0 : GridPane.getColumnIndex(label);
            for (Node c : grid.getChildren()) {
                if (c instanceof Control && !(c instanceof Label) && java.util.Objects.equals(GridPane.getRowIndex(c), row)
                        && java.util.Objects.equals(GridPane.getColumnIndex(c), column + 1)) {
                    return c;
                }
            }
            return null;
        }
        // Outside a form grid, only a label with a letter for Alt names the control after it.
        boolean mnemonic = label.isMnemonicParsing() && label.getText() != null && label.getText().contains("_");
        if (!mnemonic || parent == null) {
            return null;
        }
        java.util.List<Node> siblings = parent.getChildrenUnmodifiable();
        int at = siblings.indexOf(label);
        Node next = at >= 0 && at + 1 < siblings.size() ? siblings.get(at + 1) : null;
        return next instanceof Control && !(next instanceof Label) ? next : null;
    }
}
