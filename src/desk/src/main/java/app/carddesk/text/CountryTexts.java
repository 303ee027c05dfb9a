package app.carddesk.text;

import app.carddesk.domain.Country;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A language's texts at a library in one country. A text that names the national ID number, its
 * register or the papers it is on has a variant for the other country, under its key with
 * {@code @DK} or {@code @NO} added: Danish texts say CPR-nummer and Norwegian ones fødselsnummer,
 * and a Danish-speaking person at a Norwegian library reads the Norwegian terms in Danish.
 */
final class CountryTexts extends ResourceBundle {

    private final ResourceBundle language;
    private final ResourceBundle english;
    private final String suffix;

    /**
     * @param language the language's texts, falling back to {@code english} (the base bundle) for
     *                 what they lack
     */
    CountryTexts(ResourceBundle language, ResourceBundle english, Country country) {
        this.language = language;
        this.english = english;
        this.suffix = "@" + country.name();
    }

    @Override
    protected Object handleGetObject(String key) {
        String variant = key + suffix;
        if (language.containsKey(variant) && !onlyEnglish(variant, key)) {
            return language.getObject(variant);
        }
        return language.containsKey(key) ? language.getObject(key) : null;
    }

    /**
     * Whether the language has the variant only through the English texts it falls back to, while it
     * has the text itself: English variants name the country in English, and a Danish text stays Danish.
     */
    private boolean onlyEnglish(String variant, String key) {
        if (language == english || language.getLocale().getLanguage().isEmpty() || !english.containsKey(variant)) {
            return false;
        }
        boolean variantFromEnglish = english.getString(variant).equals(language.getString(variant));
        boolean textFromEnglish = english.containsKey(key) && english.getString(key).equals(language.getString(key));
        return variantFromEnglish && !textFromEnglish;
    }

    @Override
    public Enumeration<String> getKeys() {
        return language.getKeys();
    }

    @Override
    public Locale getLocale() {
        return language.getLocale();
    }
}
