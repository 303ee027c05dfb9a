package app.carddesk.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The language a patron's documents are written in: one of those the library writes in, chosen for
 * the patron, starting on the staff's own where the library writes in it.
 */
public final class LetterLanguage {

    /** The chosen language. */
    public final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    /** The languages the library writes in, its own first. */
    public final ObservableList<Locale> offered = FXCollections.observableArrayList(Locale.ENGLISH);

    private java.util.function.Supplier<Locale> staff = () -> Locale.ENGLISH;

    /** The staff's language, which each new patron's documents start in. */
    public void staffSpeaks(java.util.function.Supplier<Locale> staff) {
        this.staff = staff;
        startOver();
    }

    /**
     * For the next patron: the staff's language where the library writes in it, else the library's
     * first; never the language chosen for the patron before.
     */
    public void startOver() {
        Locale own = staff.get();
        language.set(offered.contains(own) ? own : offered.get(0));
    }

    /**
     * The library's languages ({@code da}, {@code nb}, {@code en}) are those offered; a language it
     * does not write in (the staff's own, say) gives way to its first.
     */
    public void offer(List<String> languages) {
        List<Locale> now = languages.stream().map(Locale::forLanguageTag).toList();
        if (!now.equals(offered)) {
            offered.setAll(now);
        }
        if (!offered.contains(language.get())) {
            language.set(offered.get(0));
        }
    }

    /**
     * Shows the choice in {@code box} while the view lives, each language named in the staff's. A box
     * whose items are replaced keeps its selected position, not its value: the choice is kept here.
     */
    public void show(javafx.scene.control.ComboBox<Locale> box, java.util.function.Function<Locale, String> name,
                     ViewLifetime lifetime) {
        box.getItems().setAll(offered);
        lifetime.onListChange(offered, c -> {
            Locale chosen = language.get();
            box.getItems().setAll(offered);
            language.set(chosen);
        });
        box.setConverter(Controls.converter(name));
        box.valueProperty().bindBidirectional(language);
    }
}
