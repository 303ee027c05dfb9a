package app.carddesk.text;

import app.carddesk.domain.DateInput;
import app.carddesk.domain.Problem;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts of the desk in one language, with {@link Problem}s turned into sentences. */
public final class Messages {

    public static final String BUNDLE = "app.carddesk.ui.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(bundle(locale));
    }

    /**
     * The texts for a language, never falling back to the system's language: English asked for
     * on a Danish workstation is English.
     */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // A number is shown as typed (no grouping: card numbers, years), unless the text formats
            // it itself, as a plural form {0,choice,...} does.
            boolean formatted = pattern.contains("{" + i + ",");
            shown[i] = args[i] instanceof LocalDate d ? DateInput.format(d)
                    : args[i] instanceof Number n && !formatted ? n.toString() : args[i];
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(shown);
    }

    public String text(Problem problem) {
        return problem == null ? "" : get(problem.key(), problem.args().toArray());
    }
}
