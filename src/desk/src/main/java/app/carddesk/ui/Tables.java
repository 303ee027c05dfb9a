package app.carddesk.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Column headers that are never cut short: each column is at least as wide as its header in the
 * font the table is drawn with (a larger system font included), and the table shares out the rest.
 */
public final class Tables {

    private static final double HEADER_PADDING = 28;

    private Tables() {
    }

    public static void fitHeaders(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(() -> widen(table)));
        table.sceneProperty().flatMap(s -> s.getRoot().styleProperty()).addListener((obs, old, style) ->
                Platform.runLater(() -> widen(table)));
    }

    private static void widen(TableView<?> table) {
        table.applyCss();
        Node header = table.lookup(".column-header .label");
        if (!(header instanceof Labeled label)) {
            return;
        }
        for (TableColumn<?, ?> column : table.getColumns()) {
            Text text = new Text(column.getText());
            text.setFont(label.getFont());
            column.setMinWidth(Math.ceil(text.getLayoutBounds().getWidth() + HEADER_PADDING));
        }
    }
}
