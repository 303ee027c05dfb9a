package app.carddesk.central;

import app.carddesk.domain.MessagePattern;
import app.carddesk.domain.Problem;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The central register's own texts: the messages of its API (English) and the mails it sends (in the
 * patron's language). The desk's user interface keeps its texts in its own bundle.
 */
final class CentralTexts {

    static final String BUNDLE = "app.carddesk.central.texts";
    static final CentralTexts ENGLISH = forLocale(Locale.ENGLISH);

    private final ResourceBundle bundle;

    private CentralTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The texts in a language, never falling back to the server's own language. */
    static CentralTexts forLocale(Locale locale) {
        return new CentralTexts(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The texts for a language tag such as {@code da}; English when the tag is missing. */
    static CentralTexts forLanguage(String tag) {
        return forLocale(Locale.forLanguageTag(tag == null ? "en" : tag));
    }

    Locale locale() {
        return bundle.getLocale();
    }

    java.util.Set<String> keys() {
        return bundle.keySet();
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return MessagePattern.format(pattern, bundle.getLocale(), args);
    }

    String text(Problem problem) {
        return get(problem.key(), problem.args().toArray());
    }
}
