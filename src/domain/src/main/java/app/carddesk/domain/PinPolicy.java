package app.carddesk.domain;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The rules for a patron's 4-digit PIN. A PIN is refused when it is one of the combinations
 * people guess first: repeated digits, straight runs, two repeated pairs, a year, the keypad's
 * middle column, the patron's own birthday, or the last four digits of a number others see (the
 * card in the patron's hand, their national ID).
 */
public final class PinPolicy {

    public static final int LENGTH = 4;

    /**
     * Checks a PIN typed twice; the birth date may be {@code null} when it is not known, and
     * {@code seen} are the patron's numbers others may see (card, national ID; nulls skipped).
     */
    public Optional<Problem> check(String pin, String repeated, LocalDate birthDate, String... seen) {
        if (pin == null || !pin.matches("\\d{4}")) {
            return Optional.of(Problem.of("pin.format"));
        }
        if (!pin.equals(repeated)) {
            return Optional.of(Problem.of("pin.mismatch"));
        }
        return weakness(pin, birthDate, seen);
    }

    /** Why a well-formed PIN is too easy to guess, or empty when it is not. */
    public Optional<Problem> weakness(String pin, LocalDate birthDate, String... seen) {
        int[] d = pin.chars().map(c -> c - '0').toArray();
        if (d[0] == d[1] && d[1] == d[2] && d[2] == d[3]) {
            return Optional.of(Problem.of("pin.weak.repeated"));
        }
        if (isRun(d, 1) || isRun(d, -1)) {
            return Optional.of(Problem.of("pin.weak.run"));
        }
        if (d[0] == d[2] && d[1] == d[3] || d[0] == d[1] && d[2] == d[3]) {
            return Optional.of(Problem.of("pin.weak.pairs"));
        }
        if (pin.startsWith("19") || pin.startsWith("20")) {
            return Optional.of(Problem.of("pin.weak.year"));
        }
        if (pin.equals("2580") || pin.equals("0852")) {
            return Optional.of(Problem.of("pin.weak.keypad"));
        }
        if (birthDate != null) {
            String dd = two(birthDate.getDayOfMonth());
            String mm = two(birthDate.getMonthValue());
            if (pin.equals(dd + mm) || pin.equals(mm + dd)) {
                return Optional.of(Problem.of("pin.weak.birthday"));
            }
        }
        for (String number : seen) {
            String digits = number == null ? "" : number.replaceAll("\\D", "");
            if (digits.length() > LENGTH && digits.endsWith(pin)) {
                return Optional.of(Problem.of("pin.weak.seen"));
            }
        }
        return Optional.empty();
    }

    /** A random PIN that passes every rule, for PINs e-mailed to the patron. */
    public String generate(LocalDate birthDate, String... seen) {
        return generate(birthDate, new SecureRandom(), seen);
    }

    String generate(LocalDate birthDate, RandomGenerator random, String... seen) {
        while (true) {
            String pin = String.format("%04d", random.nextInt(10_000));
            if (weakness(pin, birthDate, seen).isEmpty()) {
                return pin;
            }
        }
    }

    private static boolean isRun(int[] d, int step) {
        for (int i = 1; i < d.length; i++) {
            if (d[i] - d[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
