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

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D");
    private static final java.util.Map<Country, java.util.Set<String>> COUNTRY_NAMES = java.util.Map.of(
            Country.DK, java.util.Set.of("danmark", "denmark", "dk", "danemark", "dänemark"),
            Country.NO, java.util.Set.of("norge", "noreg", "norway", "no", "norwegen"));

    /**
     * A contact address has a line, a postal code and a town. In Denmark and Norway a postal code
     * has four digits; an address abroad (another country named) may have any.
     *
     * @param libraryCountry the library's country, which an address without a country is in
     */
    public static Optional<Problem> checkAddress(String line, String postalCode, String city, String country,
                                                 Country libraryCountry) {
        if (blank(line) || blank(postalCode) || blank(city)) {
            return Optional.of(Problem.of("details.required.address"));
        }
        Country in = countryOf(country, libraryCountry);
        if (in != null && !FOUR_DIGITS.matcher(postalCode.trim()).matches()) {
            return Optional.of(Problem.of("details.postalCode." + in.name()));
        }
        return Optional.empty();
    }

    /** Denmark or Norway when the address is there (no country named: the library's), else null. */
    private static Country countryOf(String country, Country libraryCountry) {
        if (blank(country)) {
            return libraryCountry;
        }
        String named = country.trim().toLowerCase(Locale.ROOT);
        return COUNTRY_NAMES.entrySet().stream().filter(e -> e.getValue().contains(named)).map(
                java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
        String folded = MARKS.matcher(Normalizer.normalize(name.trim().toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(folded).replaceAll(" ");
    }

    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with a leading international prefix of 45 or 47 dropped for 8-digit numbers. */
    public static String phoneKey(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = NOT_DIGITS.matcher(phone).replaceAll("");
        if (digits.length() == 10 && (digits.startsWith("45") || digits.startsWith("47"))) {
            digits = digits.substring(2);
        }
        if (digits.length() == 12 && (digits.startsWith("0045") || digits.startsWith("0047"))) {
            digits = digits.substring(4);
        }
        return digits.isEmpty() ? null : digits;
    }
}
