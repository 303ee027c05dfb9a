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
    private final String suffix;

    CountryTexts(ResourceBundle language, Country country) {
        this.language = language;
        this.suffix = "@" + country.name();
    }

    @Override
    protected Object handleGetObject(String key) {
        String variant = key + suffix;
        if (language.containsKey(variant)) {
            return language.getObject(variant);
        }
        return language.containsKey(key) ? language.getObject(key) : null;
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
