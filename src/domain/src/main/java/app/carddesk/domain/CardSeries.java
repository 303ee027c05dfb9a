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
 * @param from       the lowest number after the prefix reserved for the library
 * @param to         the highest
 */
public record CardSeries(String prefix, int digits, CheckDigit checkDigit, long from, long to) {

    public CardSeries {
        prefix = prefix.toUpperCase(Locale.ROOT);
        if (prefix.isEmpty() || digits < 1 || digits > 18) {
            throw new IllegalArgumentException("a series needs a prefix and 1 to 18 digits");
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a series runs from a number to a larger or equal one");
        }
    }

    /** Every number of the prefix and length (a national card's, say, which every library accepts). */
    public CardSeries(String prefix, int digits, CheckDigit checkDigit) {
        this(prefix, digits, checkDigit, 0, digits >= 18 ? 999_999_999_999_999_999L : (long) Math.pow(10, digits) - 1);
    }

    /** Whether the digits after the prefix are a number of the range reserved for the library. */
    public boolean reserves(String number) {
        String rest = number.substring(prefix.length());
        long n = Long.parseLong(rest);
        return n >= from && n <= to;
    }

    /** The first and last card of the range, written out, for messages: {@code N000000000–N009999999}. */
    public String range() {
        String f = Long.toString(from);
        String t = Long.toString(to);
        return prefix + "0".repeat(Math.max(0, digits - f.length())) + f + "–" + prefix
                + "0".repeat(Math.max(0, digits - t.length())) + t;
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
