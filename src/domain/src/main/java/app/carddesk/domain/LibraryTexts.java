package app.carddesk.domain;

import java.util.Locale;

/** A library's own words in CardDesk's languages: the one for the staff's language, English where it gave none. */
public final class LibraryTexts {

    private LibraryTexts() {
    }

    public static String in(Locale locale, String da, String nb, String en) {
        String text = switch (locale.getLanguage()) {
            case "da" -> da;
            case "nb", "no", "nn" -> nb;
            default -> en;
        };
        return text == null || text.isBlank() ? en : text;
    }
}
