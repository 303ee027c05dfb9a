package app.carddesk.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises the details staff type for a patron, and the keys by which two records of
 * the same person are recognised (same name and birth date, same e-mail, same phone).
 */
public final class ContactRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");

    private ContactRules() {
    }

    public static Optional<Problem> checkName(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.of("details.required." + field));
        }
        if (value.length() > 100) {
            return Optional.of(Problem.of("details.tooLong", 100));
        }
        return Optional.empty();
    }

    public static Optional<Problem> checkEmail(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return EMAIL.matcher(value.trim()).matches() ? Optional.empty() : Optional.of(Problem.of("details.email.invalid"));
    }

    public static Optional<Problem> checkPhone(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return PHONE.matcher(value.trim()).matches() ? Optional.empty() : Optional.of(Problem.of("details.phone.invalid"));
    }

    /** Case, accents and spacing folded, so that "Müller " and "muller" match. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.replaceAll("\\s+", " ");
    }

    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with a leading international prefix of 45 or 47 dropped for 8-digit numbers. */
    public static String phoneKey(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 10 && (digits.startsWith("45") || digits.startsWith("47"))) {
            digits = digits.substring(2);
        }
        if (digits.length() == 12 && (digits.startsWith("0045") || digits.startsWith("0047"))) {
            digits = digits.substring(4);
        }
        return digits.isEmpty() ? null : digits;
    }
}
