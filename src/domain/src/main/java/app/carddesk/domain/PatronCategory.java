package app.carddesk.domain;

import java.util.Locale;

/**
 * An organisation relation or patron category from a library profile's list, named by the library
 * itself in each of the client's languages.
 */
public record PatronCategory(String code, String nameDa, String nameNb, String nameEn) {

    /** The library's name for the category in the given language, English where none is given. */
    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "da" -> nameDa;
            case "nb", "no", "nn" -> nameNb;
            default -> nameEn;
        };
    }
}
