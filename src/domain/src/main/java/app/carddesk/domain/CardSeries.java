package app.carddesk.domain;

import java.util.Locale;

/**
 * A library's series of card numbers: a fixed prefix followed by a fixed number of digits (the
 * last of which is a check digit when the series has one). {@code N} + 9 digits is the Norwegian
 * national card; {@code 4099} + 5 digits a Danish research library's pre-printed cards.
 *
 * @param prefix     letters or digits every card of the series starts with, stored upper case
 * @param digits     how many digits follow the prefix, check digit included
 * @param checkDigit the check digit scheme, {@link CheckDigit#NONE} when there is none
 */
public record CardSeries(String prefix, int digits, CheckDigit checkDigit) {

    public CardSeries {
        prefix = prefix.toUpperCase(Locale.ROOT);
        if (prefix.isEmpty() || digits < 1 || digits > 18) {
            throw new IllegalArgumentException("a series needs a prefix and 1 to 18 digits");
        }
    }

    /** The Danish research library default: {@code 4099} + 5 digits. */
    public static CardSeries danishDefault() {
        return new CardSeries("4099", 5, CheckDigit.NONE);
    }

    /** The Norwegian national card: {@code N} + 9 digits, leading zeros allowed. */
    public static CardSeries norwegianNational() {
        return new CardSeries("N", 9, CheckDigit.NONE);
    }

    public int length() {
        return prefix.length() + digits;
    }

    /** A readable pattern for messages, like {@code 4099#####}. */
    public String pattern() {
        return prefix + "#".repeat(digits);
    }
}
