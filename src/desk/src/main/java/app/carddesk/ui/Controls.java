package app.carddesk.ui;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/**
 * What the screens share: a control shown and laid out only when a condition holds, radio buttons
 * bound to a value, list cells and converters that show an item as text.
 */
public final class Controls {

    private Controls() {
    }

    /** Whether {@code node} is {@code container} or lies inside it. */
    public static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node and every pane around it are shown (a hidden panel hides what is in it). */
    public static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** {@code n} is shown, and takes room in its layout, only while {@code when} holds. */
    public static void visible(Node n, ObservableValue<Boolean> when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /** The radio button of {@code options} that stands for {@code value} is selected, both ways. */
    public static <T> void selectToggle(ViewLifetime lifetime, ToggleGroup group, ObjectProperty<T> value,
                                 Map<RadioButton, T> options) {
        options.forEach((radio, v) -> radio.setSelected(v.equals(value.get())));
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t != null) {
                value.set(options.get(t));
            }
        });
        lifetime.onChange(value, (obs, old, v) -> options.forEach((radio, o) -> {
            if (o.equals(v)) {
                radio.setSelected(true);
            }
        }));
    }

    public static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    public static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /**
     * A choice of the desk's three languages, each named in its own words, that switches the
     * desk's language (the window is built again in it).
     */
    public static void languageChoice(javafx.scene.control.ComboBox<java.util.Locale> box,
                                      javafx.beans.property.ObjectProperty<java.util.Locale> locale,
                                      app.carddesk.text.Messages messages) {
        box.getItems().setAll(java.util.List.of(java.util.Locale.forLanguageTag("da"),
                java.util.Locale.forLanguageTag("nb"), java.util.Locale.ENGLISH));
        box.setConverter(converter(l -> messages.get("language." + l.getLanguage())));
        box.setValue(locale.get());
        // A language is taken when chosen: in the open list, when the list closes (Enter, a click), not
        // at each arrow key, which would build the screens again under the list and leave the Enter
        // that follows to the screen's default button.
        Runnable take = () -> {
            java.util.Locale l = box.getValue();
            if (l != null && !l.equals(locale.get())) {
                locale.set(l);
            }
        };
        box.valueProperty().addListener((obs, old, l) -> {
            if (!box.isShowing()) {
                take.run();
            }
        });
        box.addEventHandler(javafx.scene.control.ComboBoxBase.ON_HIDDEN, e -> take.run());
    }

    /**
     * Tab leaves a text area as it leaves any other field (and Shift+Tab goes back), so the form is
     * worked by keyboard; a text area would take the Tab as a character otherwise.
     */
    public static void tabMovesFocus(javafx.scene.control.TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                // The text area moves the focus on Ctrl+Tab.
                area.fireEvent(new javafx.scene.input.KeyEvent(e.getSource(), e.getTarget(), e.getEventType(),
                        e.getCharacter(), e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(),
                        e.isMetaDown()));
            }
        });
    }
}
