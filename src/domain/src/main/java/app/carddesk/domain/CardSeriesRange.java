package app.carddesk.domain;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A range of card numbers a library reserves: a prefix followed by {@code digits} digits, the
 * numbers {@code from} to {@code to}. Two ranges overlap when one card number falls in both, which
 * is a matter of the numbers they produce, not of equal prefixes: "40" with 7 digits produces
 * "4099" with 5 digits' numbers too.
 */
public record CardSeriesRange(String prefix, int digits, long from, long to) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,8}");
    /** Card numbers are stored in 32 characters. */
    private static final int MAX_LENGTH = 32;

    /** The first thing wrong with the range, as a sentence for the administrator; empty when none. */
    public static Optional<String> problem(String prefix, int digits, long from, long to) {
        return problemAt("", prefix, digits, from, to).map(LibraryConfiguration.Problem::reason);
    }

    /** The first thing wrong with the range, at the field {@code at} of a configuration; empty when none. */
    public static Optional<LibraryConfiguration.Problem> problemAt(String at, String prefix, int digits, long from,
                                                                   long to) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            return Optional.of(LibraryConfiguration.Problem.of(at, "seriesPrefix"));
        }
        if (digits < 1 || digits > 18 || prefix.length() + digits > MAX_LENGTH) {
            return Optional.of(LibraryConfiguration.Problem.of(at, "seriesDigits"));
        }
        if (from < 0 || to < from) {
            return Optional.of(LibraryConfiguration.Problem.of(at, "seriesRange"));
        }
        if (BigInteger.valueOf(to).compareTo(BigInteger.TEN.pow(digits)) >= 0) {
            return Optional.of(LibraryConfiguration.Problem.of(at, "seriesTooLong", to, digits));
        }
        return Optional.empty();
    }

    /** The range's first card number, written out: prefix and zero-padded digits. */
    public String first() {
        return number(from);
    }

    /** The range's last card number. */
    public String last() {
        return number(to);
    }

    private String number(long n) {
        String body = Long.toString(n);
        return prefix + "0".repeat(Math.max(0, digits - body.length())) + body;
    }

    /** Whether a card number falls in both ranges. */
    public boolean overlaps(CardSeriesRange other) {
        if (prefix.length() + digits != other.prefix.length() + other.digits) {
            return false;
        }
        CardSeriesRange shorter = prefix.length() <= other.prefix.length() ? this : other;
        CardSeriesRange longer = shorter == this ? other : this;
        if (!longer.prefix.startsWith(shorter.prefix)) {
            return false;
        }
        String rest = longer.prefix.substring(shorter.prefix.length());
        if (!rest.chars().allMatch(Character::isDigit)) {
            return false;
        }
        // The longer prefix's numbers, written in the shorter prefix's digits.
        BigInteger offset = (rest.isEmpty() ? BigInteger.ZERO : new BigInteger(rest))
                .multiply(BigInteger.TEN.pow(longer.digits));
        BigInteger lo = offset.add(BigInteger.valueOf(longer.from));
        BigInteger hi = offset.add(BigInteger.valueOf(longer.to));
        return lo.compareTo(BigInteger.valueOf(shorter.to)) <= 0 && hi.compareTo(BigInteger.valueOf(shorter.from)) >= 0;
    }
}
