package app.carddesk.text;

import app.carddesk.domain.MessagePattern;
import app.carddesk.domain.Problem;
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
        return forLocale(locale, null);
    }

    /**
     * The texts for a language at a library in {@code country} (null: the language's own terms), see
     * {@link CountryTexts}.
     */
    public static Messages forLocale(Locale locale, app.carddesk.domain.Country country) {
        return new Messages(bundle(locale, country));
    }

    /** The texts for a language at a library in {@code country} (null: the language's own terms). */
    public static ResourceBundle bundle(Locale locale, app.carddesk.domain.Country country) {
        return country == null ? bundle(locale) : new CountryTexts(bundle(locale), bundle(Locale.ROOT), country);
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

    /** A date as this language writes it (day.month.year in Norwegian, day-month-year otherwise). */
    public String date(java.time.LocalDate date) {
        return app.carddesk.domain.DateInput.format(date, locale());
    }

    /** A moment in the desk's time zone as this language writes it: date and hours:minutes. */
    public String time(java.time.Instant at) {
        return at == null ? "" : app.carddesk.domain.DateInput.formatLocal(at.atZone(java.time.ZoneId.systemDefault()),
                locale());
    }

    /** As {@link #time}, to the second. */
    public String timeToTheSecond(java.time.Instant at) {
        return at == null ? "" : app.carddesk.domain.DateInput.formatLocalSeconds(at.atZone(
                java.time.ZoneId.systemDefault()), locale());
    }

    /** A moment in the desk's time zone with the zone named, as this language writes it. */
    public String timeWithZone(java.time.Instant at) {
        return at == null ? "" : app.carddesk.domain.DateInput.format(at.atZone(java.time.ZoneId.systemDefault()),
                locale());
    }

    /** The text for {@code key}, or {@code fallback} where this language has none. */
    public String getOr(String key, java.util.function.Supplier<String> fallback) {
        String text = get(key);
        return text.equals(key) ? fallback.get() : text;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return MessagePattern.format(pattern, bundle.getLocale(), args);
    }

    public String text(Problem problem) {
        return problem == null ? "" : get(problem.key(), problem.args().toArray());
    }
}
