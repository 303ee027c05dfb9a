package app.carddesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies and validates national identity numbers: Danish CPR, Norwegian fødselsnummer,
 * D-number and DUF number. The kind follows from the shape (10, 11 or 12 digits).
 *
 * <p>Rules that real registers break are warnings, not rejections: since 2007 valid CPR numbers
 * exist that fail modulus 11, and DUF numbers are not always issued with a correct checksum.
 * A Danish replacement number (day + 60) is accepted with a warning and marked for
 * re-registration. Norwegian numbers must pass both check digits, with the first one checked by the rule the tax
 * authority announced for numbers issued from 2032 (weighted remainder 0, 1, 2 or 3), which
 * also accepts every number issued under the old rule.
 */
public final class IdentityValidator {

    private static final int[] CPR_WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    private static final int[] FNR_K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
    private static final int[] FNR_K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    private static final int[] DUF_WEIGHTS = {4, 6, 3, 2, 4, 6, 3, 2, 7, 5};

    private final boolean testProfile;

    /**
     * @param testProfile whether synthetic test numbers (month + 40 or + 80) are accepted, as they
     *                    are in a test or demo profile and never in production
     */
    public IdentityValidator(boolean testProfile) {
        this.testProfile = testProfile;
    }

    /** Digits only: people type spaces, hyphens and dots. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s.\\-]", "");
    }

    public Checked<IdentityNumber> check(String raw, LocalDate today) {
        String digits = normalise(raw);
        if (digits.isEmpty()) {
            return Checked.fail(Problem.of("identity.empty"));
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Checked.fail(Problem.of("identity.notDigits"));
        }
        return switch (digits.length()) {
            case 10 -> checkCpr(digits, today);
            case 11 -> checkNorwegian(digits, today);
            case 12 -> checkDuf(digits, today);
            default -> Checked.fail(Problem.of("identity.length", digits.length()));
        };
    }

    private Checked<IdentityNumber> checkCpr(String d, LocalDate today) {
        int day = num(d, 0, 2);
        boolean replacement = day > 60;
        if (replacement) {
            day -= 60;
        }
        int month = num(d, 2, 4);
        int yy = num(d, 4, 6);
        int centuryDigit = d.charAt(6) - '0';
        int year = cprYear(yy, centuryDigit);
        LocalDate birth = date(year, month, day);
        if (birth == null) {
            return Checked.fail(Problem.of("identity.cpr.date", d.substring(0, 6)));
        }
        if (birth.isAfter(today)) {
            return Checked.fail(Problem.of("identity.future", birth));
        }
        List<Problem> warnings = new ArrayList<>();
        if (replacement) {
            warnings.add(Problem.of("identity.cpr.replacement"));
        } else if (weightedSum(d, CPR_WEIGHTS) % 11 != 0) {
            warnings.add(Problem.of("identity.cpr.modulus11"));
        }
        return Checked.okWithWarnings(new IdentityNumber(IdentityKind.CPR, d, birth), warnings);
    }

    static int cprYear(int yy, int centuryDigit) {
        return switch (centuryDigit) {
            case 0, 1, 2, 3 -> 1900 + yy;
            case 4, 9 -> yy <= 36 ? 2000 + yy : 1900 + yy;
            default -> yy <= 57 ? 2000 + yy : 1800 + yy;
        };
    }

    private Checked<IdentityNumber> checkNorwegian(String d, LocalDate today) {
        int day = num(d, 0, 2);
        int month = num(d, 2, 4);
        IdentityKind kind = IdentityKind.FNR;
        if (day > 40) {
            kind = IdentityKind.D_NUMBER;
            day -= 40;
        }
        if (month > 80) {
            if (!testProfile) {
                return Checked.fail(Problem.of("identity.fnr.synthetic"));
            }
            month -= 80;
        } else if (month > 40) {
            if (!testProfile) {
                return Checked.fail(Problem.of("identity.fnr.hNumber"));
            }
            month -= 40;
        }
        int yy = num(d, 4, 6);
        int individual = num(d, 6, 9);
        Integer year = fnrYear(yy, individual);
        LocalDate birth = year == null ? null : date(year, month, day);
        if (birth == null) {
            return Checked.fail(Problem.of("identity.fnr.date", d.substring(0, 6)));
        }
        if (birth.isAfter(today)) {
            return Checked.fail(Problem.of("identity.future", birth));
        }
        int r1 = weightedSum(d, FNR_K1_WEIGHTS) % 11;
        int r2 = weightedSum(d, FNR_K2_WEIGHTS) % 11;
        if (r1 > 3 || r2 != 0) {
            return Checked.fail(Problem.of("identity.fnr.checkDigits"));
        }
        return Checked.ok(new IdentityNumber(kind, d, birth));
    }

    static Integer fnrYear(int yy, int individual) {
        if (individual <= 499) {
            return 1900 + yy;
        }
        if (individual >= 500 && individual <= 749 && yy >= 54) {
            return 1800 + yy;
        }
        if (individual >= 500 && yy <= 39) {
            return 2000 + yy;
        }
        if (individual >= 900 && yy >= 40) {
            return 1900 + yy;
        }
        return null;
    }

    private Checked<IdentityNumber> checkDuf(String d, LocalDate today) {
        int year = num(d, 0, 4);
        if (year < 1900 || year > today.getYear()) {
            return Checked.fail(Problem.of("identity.duf.year", d.substring(0, 4)));
        }
        List<Problem> warnings = new ArrayList<>();
        if (weightedSum(d.substring(0, 10), DUF_WEIGHTS) % 11 != num(d, 10, 12)) {
            warnings.add(Problem.of("identity.duf.checksum"));
        }
        return Checked.okWithWarnings(new IdentityNumber(IdentityKind.DUF, d, null), warnings);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
