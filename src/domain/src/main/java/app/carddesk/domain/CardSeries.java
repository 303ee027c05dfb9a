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

    /**
     * How many card numbers the range holds: every number in it without a check digit; with one, the
     * numbers whose last digit is the check digit of the others (a tenth of the range, and for mod 11
     * a little less, since a remainder of 10 is never issued).
     */
    public long numbers() {
        if (checkDigit == CheckDigit.NONE) {
            return to - from + 1;
        }
        long firstBody = from / 10;
        long lastBody = to / 10;
        if (firstBody == lastBody) {
            return issuable(firstBody) ? 1 : 0;
        }
        // The bodies in between have all ten endings in the range, so their one valid number too.
        long between = lastBody - firstBody - 1;
        if (checkDigit == CheckDigit.MOD11 && between > 0) {
            between -= mod11Incomplete(lastBody - 1) - mod11Incomplete(firstBody);
        }
        return between + (issuable(firstBody) ? 1 : 0) + (issuable(lastBody) ? 1 : 0);
    }

    /** Whether the body's one number (body and its check digit) exists and lies in the range. */
    private boolean issuable(long body) {
        int digit = checkDigit.digitFor(body(body));
        long number = body * 10 + digit;
        return digit >= 0 && number >= from && number <= to;
    }

    private String body(long body) {
        String b = Long.toString(body);
        return "0".repeat(Math.max(0, digits - 1 - b.length())) + b;
    }

    /**
     * How many bodies from 0 to {@code last} mod 11 cannot complete: those whose weighted sum (weights
     * 2 to 7 from the right, as {@link CheckDigit#MOD11}) leaves 1, which would need a check digit of 10.
     * Counted digit by digit, so a national range of a billion numbers takes microseconds.
     */
    private long mod11Incomplete(long last) {
        String s = body(last);
        int length = s.length();
        long[] below = new long[11];
        int tight = 0;
        for (int pos = 0; pos < length; pos++) {
            int weight = 2 + (length - 1 - pos) % 6;
            long[] next = new long[11];
            for (int r = 0; r < 11; r++) {
                if (below[r] != 0) {
                    for (int d = 0; d <= 9; d++) {
                        next[(r + d * weight) % 11] += below[r];
                    }
                }
            }
            int digit = s.charAt(pos) - '0';
            for (int d = 0; d < digit; d++) {
                next[(tight + d * weight) % 11]++;
            }
            tight = (tight + digit * weight) % 11;
            below = next;
        }
        return below[1] + (tight == 1 ? 1 : 0);
    }

    public int length() {
        return prefix.length() + digits;
    }

    /** A readable pattern for messages, like {@code 4099#####}. */
    public String pattern() {
        return prefix + "#".repeat(digits);
    }
}
