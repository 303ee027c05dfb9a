package app.carddesk.ui;

import app.carddesk.domain.Country;
import app.carddesk.text.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads FXML views in the desk's current language, with controllers made by the composition
 * root's factory (so views get their ViewModels through constructors).
 */
public final class ViewLoader {

    private final Callback<Class<?>, Object> controllers;
    private final ObjectProperty<Locale> locale;
    private final Supplier<Country> country;
    private ViewLifetime lifetime = new ViewLifetime();

    public ViewLoader(Callback<Class<?>, Object> controllers, ObjectProperty<Locale> locale) {
        this(controllers, locale, () -> null);
    }

    /** @param country the library's country, whose terms for the national ID the texts use (null: the language's) */
    public ViewLoader(Callback<Class<?>, Object> controllers, ObjectProperty<Locale> locale, Supplier<Country> country) {
        this.controllers = controllers;
        this.locale = locale;
        this.country = country;
    }

    public Messages messages() {
        return Messages.forLocale(locale.get(), country.get());
    }

    /** The lifetime of the views loaded since the window was last built. */
    public ViewLifetime lifetime() {
        return lifetime;
    }

    /**
     * Builds a window's views again (another language): the views loaded before end their
     * lifetime, so their ViewModels let go of them.
     *
     * @param fxml the window's root view, like {@code main/Main.fxml}
     */
    public Parent loadWindow(String fxml) {
        lifetime.end();
        lifetime = new ViewLifetime();
        return load(fxml);
    }

    /** The window's views are gone for good (another window took their place): their ViewModels let go of them. */
    public void endViews() {
        lifetime.end();
    }

    /** @param fxml path below {@code /app/carddesk/ui/}, like {@code main/Main.fxml} */
    public Parent load(String fxml) {
        FXMLLoader loader = new FXMLLoader(ViewLoader.class.getResource(fxml), messages().bundle());
        loader.setControllerFactory(controllers);
        try {
            Parent view = loader.load();
            LabelsFor.connect(view);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("view " + fxml + " could not be loaded", e);
        }
    }
}
