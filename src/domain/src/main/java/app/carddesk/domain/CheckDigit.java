package app.carddesk.domain;

/** The check digit scheme of a card series: the last digit of the number, when there is one. */
public enum CheckDigit {
    NONE,
    /** Luhn (mod 10), as on most payment and library cards. */
    LUHN,
    /** Modulus 11 with weights 2..7 from the right; a remainder of 10 is never issued. */
    MOD11;

    boolean accepts(String digits) {
        return switch (this) {
            case NONE -> true;
            case LUHN -> luhn(digits);
            case MOD11 -> mod11(digits);
        };
    }

    /** The digit to append to {@code body}; -1 when the scheme cannot complete it (mod 11 remainder 10). */
    public int digitFor(String body) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("series has no check digit");
            case LUHN -> {
                for (int d = 0; d <= 9; d++) {
                    if (luhn(body + d)) {
                        yield d;
                    }
                }
                throw new IllegalStateException("unreachable");
            }
            case MOD11 -> {
                for (int d = 0; d <= 9; d++) {
                    if (mod11(body + d)) {
                        yield d;
                    }
                }
                yield -1;
            }
        };
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean mod11(String digits) {
        int sum = 0;
        int weight = 1;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        return sum % 11 == 0;
    }
}
