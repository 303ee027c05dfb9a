package app.carddesk.domain;

import java.util.Locale;

/**
 * An address a library warns its staff about at the details step (a hotel, a reception centre),
 * never refusing it: a piece of text found in the address, case ignored, and what to tell staff in
 * each language (English where the library gave none in the staff's).
 */
public record AddressAlert(String contains, String messageDa, String messageNb, String messageEn) {

    /** Whether the address (its line and town, as typed) contains the alert's text. */
    public boolean matches(String addressLine, String city) {
        String needle = contains.strip().toLowerCase(Locale.ROOT);
        String address = ((addressLine == null ? "" : addressLine) + " " + (city == null ? "" : city))
                .toLowerCase(Locale.ROOT);
        return !needle.isEmpty() && address.contains(needle);
    }

    public String message(Locale locale) {
        return LibraryTexts.in(locale, messageDa, messageNb, messageEn);
    }
}
