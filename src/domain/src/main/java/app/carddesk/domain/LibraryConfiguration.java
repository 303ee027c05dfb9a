package app.carddesk.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A library's whole configuration, as one document (decision 0013): what the central register
 * keeps for it, what a desk receives when it enrols and at every change, and what a configuration
 * file holds (its JSON is this record's, described by {@code library-configuration.schema.json}).
 * Parts a person may leave out are {@code null}; {@link #problems()} says what is wrong with the
 * exact field and the reason, so a file or a request that is refused changes nothing.
 *
 * @param format           the document's format, {@value #FORMAT}
 * @param version          the configuration's version in the central register (it counts every change;
 *                         {@code null} in a new file)
 * @param code             the library's code: capital letters, digits and dashes, as {@code KB-DK}
 * @param name             the library's name, as its letters and the sign-in screen say it
 * @param country          whose identity numbers and population register apply
 * @param testProfile      a test library accepts the synthetic identity numbers of the stand-in register;
 *                         a real library never does
 * @param organisation     the organisation the library belongs to, for people (may be empty)
 * @param contact          address and contact for letters
 * @param languages        the languages of its letters and texts: {@code da}, {@code nb}, {@code en}
 * @param homeLibrary      the pickup library chosen unless staff choose another
 * @param pickupLibraries  the library's branches where patrons pick up
 * @param cardSeries       the card number series reserved for it in the organisation's register
 * @param categories       patron categories (organisation relations) staff choose from
 * @param guardianAge      under this age a patron is registered with a guardian who consents
 * @param maxShortStayDays the longest a short stay may be given, in days from today
 * @param inactiveYears    a patron inactive this many years is noticed and then removed; {@code null}: never
 * @param noticeDays       days between the notice and the removal
 * @param digitalServices  what the library's digital services ask of a patron's identity
 * @param addressAlerts    addresses staff are warned about at the details step (never blocking)
 * @param loanRules        the loan rules' versions, oldest first; a published version never changes
 * @param reportNamesStaff whether "what is stored about me" names the library's own staff
 */
public record LibraryConfiguration(Integer format, Integer version, String code, String name, Country country,
                                   Boolean testProfile, String organisation, Contact contact, List<String> languages,
                                   String homeLibrary, List<Branch> pickupLibraries, List<Series> cardSeries,
                                   List<Category> categories, Integer guardianAge, Integer maxShortStayDays,
                                   Integer inactiveYears, Integer noticeDays, List<DigitalService> digitalServices,
                                   List<AddressAlert> addressAlerts, List<LoanRules> loanRules,
                                   Boolean reportNamesStaff) {

    /** The document format this version of CardDesk writes and reads. */
    public static final int FORMAT = 1;
    /** The languages a library's texts may be in. */
    public static final List<String> LANGUAGES = List.of("da", "nb", "en");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern SERVICE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** Letterhead: where the library is and how to reach it. Every part may be empty. */
    public record Contact(String addressLine, String postalCode, String city, String phone, String email,
                          String website) {
    }

    /** A pickup library (branch). */
    public record Branch(String code, String name) {
    }

    /** A card number series: prefix, digits after it (check digit included), range and check digit scheme. */
    public record Series(String prefix, Integer digits, Long from, Long to, CheckDigit checkDigit) {
    }

    /** A text in each of the languages CardDesk speaks; a library gives at least English. */
    public record Texts(String da, String nb, String en) {

        public String in(Locale locale) {
            return LibraryTexts.in(locale, da, nb, en);
        }
    }

    /** A patron category, with the ages it is for (either end may be open). */
    public record Category(String code, Texts names, Integer minAge, Integer maxAge) {
    }

    /** What one digital service asks: one of these identity kinds (none: anyone), and a minimum age. */
    public record DigitalService(String service, List<IdentityKind> requiredIdentity, Integer minAge) {
    }

    /** An address staff are warned about: a part of the address line (case ignored), and what to tell them. */
    public record AddressAlert(String contains, Texts message) {
    }

    /** One version of the loan rules, in each language. */
    public record LoanRules(Integer version, Texts text, Instant publishedAt) {
    }

    /** One thing wrong with a configuration: the field, as a JSON path, and the reason. */
    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    /** Everything wrong with this configuration, in the order of its fields; empty when it can be used. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (format == null || format != FORMAT) {
            out.add(new Problem("format", "This is configuration format " + FORMAT + "; write \"format\": " + FORMAT
                    + "."));
        }
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(new Problem("code", "1 to 32 capital letters, digits or dashes, starting with a letter or digit, "
                    + "like KB-DK."));
        }
        text(out, "name", name, 200, true);
        if (country == null) {
            out.add(new Problem("country", "DK or NO: whose identity numbers and register apply."));
        }
        if (testProfile == null) {
            out.add(new Problem("testProfile", "true only for a test library (it accepts synthetic identity "
                    + "numbers); false for a real one."));
        }
        text(out, "organisation", organisation, 200, false);
        if (contact != null) {
            String at = "contact.";
            text(out, at + "addressLine", contact.addressLine(), 200, false);
            text(out, at + "postalCode", contact.postalCode(), 20, false);
            text(out, at + "city", contact.city(), 100, false);
            text(out, at + "phone", contact.phone(), 40, false);
            text(out, at + "email", contact.email(), 200, false);
            text(out, at + "website", contact.website(), 200, false);
        }
        if (languages == null || languages.isEmpty()) {
            out.add(new Problem("languages", "Name at least one of da, nb and en."));
        } else {
            for (int i = 0; i < languages.size(); i++) {
                if (!LANGUAGES.contains(languages.get(i))) {
                    out.add(new Problem("languages[" + i + "]", "One of da, nb and en."));
                } else if (languages.indexOf(languages.get(i)) < i) {
                    out.add(new Problem("languages[" + i + "]", languages.get(i) + " is named already."));
                }
            }
        }
        branches(out);
        series(out);
        categories(out);
        range(out, "guardianAge", guardianAge, 1, 25, true);
        range(out, "maxShortStayDays", maxShortStayDays, 1, 3650, true);
        range(out, "inactiveYears", inactiveYears, 1, 50, false);
        range(out, "noticeDays", noticeDays, 1, 365, true);
        services(out);
        alerts(out);
        loanRules(out);
        if (reportNamesStaff == null) {
            out.add(new Problem("reportNamesStaff", "true when \"what is stored about me\" names the library's own "
                    + "staff, false when it gives their roles only."));
        }
        return out;
    }

    /** The most entries each list holds: far above any library's, and a bound on what is stored. */
    static final int MAX_ENTRIES = 200;

    private static boolean tooMany(List<Problem> out, String field, List<?> list) {
        if (list != null && list.size() > MAX_ENTRIES) {
            out.add(new Problem(field, "At most " + MAX_ENTRIES + " entries (" + list.size() + " given)."));
            return true;
        }
        return false;
    }

    private void branches(List<Problem> out) {
        if (tooMany(out, "pickupLibraries", pickupLibraries)) {
            return;
        }
        if (pickupLibraries == null || pickupLibraries.isEmpty()) {
            out.add(new Problem("pickupLibraries", "Name at least one pickup library (a branch)."));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < pickupLibraries.size(); i++) {
            Branch b = pickupLibraries.get(i);
            String at = "pickupLibraries[" + i + "]";
            if (b == null) {
                out.add(new Problem(at, "A pickup library is an object with a code and a name."));
                continue;
            }
            if (b.code() == null || !CODE.matcher(b.code()).matches()) {
                out.add(new Problem(at + ".code", "1 to 32 capital letters, digits or dashes."));
            } else if (!codes.add(b.code())) {
                out.add(new Problem(at + ".code", "Another pickup library has the code " + b.code() + "."));
            }
            text(out, at + ".name", b.name(), 200, true);
        }
        if (homeLibrary == null || !codes.contains(homeLibrary)) {
            out.add(new Problem("homeLibrary", "The code of one of the pickup libraries above."));
        }
    }

    private void series(List<Problem> out) {
        if (tooMany(out, "cardSeries", cardSeries)) {
            return;
        }
        if (cardSeries == null) {
            out.add(new Problem("cardSeries", "A list of the card series reserved for the library (it may be empty "
                    + "until the organisation reserves one)."));
            return;
        }
        List<CardSeriesRange> ranges = new ArrayList<>();
        for (int i = 0; i < cardSeries.size(); i++) {
            Series s = cardSeries.get(i);
            String at = "cardSeries[" + i + "]";
            if (s == null || s.digits() == null || s.from() == null || s.to() == null) {
                out.add(new Problem(at, "A series has a prefix, digits, from and to."));
                continue;
            }
            Optional<String> wrong = CardSeriesRange.problem(s.prefix(), s.digits(), s.from(), s.to());
            if (wrong.isPresent()) {
                out.add(new Problem(at, wrong.get()));
                continue;
            }
            if (s.checkDigit() == null) {
                out.add(new Problem(at + ".checkDigit", "NONE, LUHN or MOD11."));
                continue;
            }
            CardSeriesRange range = new CardSeriesRange(s.prefix(), s.digits(), s.from(), s.to());
            if (ranges.stream().anyMatch(range::overlaps)) {
                out.add(new Problem(at, "This range overlaps another series of the library."));
            }
            ranges.add(range);
        }
    }

    private void categories(List<Problem> out) {
        if (tooMany(out, "categories", categories)) {
            return;
        }
        if (categories == null || categories.isEmpty()) {
            out.add(new Problem("categories", "Name at least one patron category."));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            String at = "categories[" + i + "]";
            if (c == null) {
                out.add(new Problem(at, "A category is an object with a code and names."));
                continue;
            }
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                out.add(new Problem(at + ".code", "1 to 32 capital letters, digits or dashes."));
            } else if (!codes.add(c.code())) {
                out.add(new Problem(at + ".code", "Another category has the code " + c.code() + "."));
            }
            texts(out, at + ".names", c.names(), 200);
            range(out, at + ".minAge", c.minAge(), 0, 130, false);
            range(out, at + ".maxAge", c.maxAge(), 0, 130, false);
            if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
                out.add(new Problem(at + ".maxAge", "At least the lowest age, " + c.minAge() + "."));
            }
        }
    }

    private void services(List<Problem> out) {
        if (tooMany(out, "digitalServices", digitalServices)) {
            return;
        }
        if (digitalServices == null) {
            out.add(new Problem("digitalServices", "A list of the digital services' rules (it may be empty)."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < digitalServices.size(); i++) {
            DigitalService d = digitalServices.get(i);
            String at = "digitalServices[" + i + "]";
            if (d == null || d.service() == null || !SERVICE.matcher(d.service()).matches()) {
                out.add(new Problem(at + ".service", "A code of capital letters, digits and _, like MITID_LOGIN."));
                continue;
            }
            if (!seen.add(d.service())) {
                out.add(new Problem(at + ".service", d.service() + " has a rule already."));
            }
            if (d.requiredIdentity() == null || d.requiredIdentity().contains(null)
                    || new HashSet<>(d.requiredIdentity()).size() < d.requiredIdentity().size()) {
                out.add(new Problem(at + ".requiredIdentity", "A list of identity kinds (CPR, FNR, D_NUMBER, DUF), "
                        + "each once; empty when any patron qualifies."));
            }
            range(out, at + ".minAge", d.minAge(), 0, 130, true);
        }
    }

    private void alerts(List<Problem> out) {
        if (tooMany(out, "addressAlerts", addressAlerts)) {
            return;
        }
        if (addressAlerts == null) {
            out.add(new Problem("addressAlerts", "A list of address alerts (it may be empty)."));
            return;
        }
        for (int i = 0; i < addressAlerts.size(); i++) {
            AddressAlert a = addressAlerts.get(i);
            String at = "addressAlerts[" + i + "]";
            if (a == null) {
                out.add(new Problem(at, "An alert is an object with contains and message."));
                continue;
            }
            text(out, at + ".contains", a.contains(), 100, true);
            texts(out, at + ".message", a.message(), 400);
        }
    }

    private void loanRules(List<Problem> out) {
        if (tooMany(out, "loanRules", loanRules)) {
            return;
        }
        if (loanRules == null) {
            out.add(new Problem("loanRules", "A list of the loan rules' versions (it may be empty)."));
            return;
        }
        int last = 0;
        for (int i = 0; i < loanRules.size(); i++) {
            LoanRules r = loanRules.get(i);
            String at = "loanRules[" + i + "]";
            if (r == null || r.version() == null || r.version() <= last) {
                out.add(new Problem(at + ".version", "Versions count up from 1, oldest first; the one before was "
                        + last + "."));
                if (r == null) {
                    continue;
                }
            } else {
                last = r.version();
            }
            texts(out, at + ".text", r.text(), 4000);
        }
    }

    private static void text(List<Problem> out, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                out.add(new Problem(field, "Required."));
            }
            return;
        }
        if (value.length() > max) {
            out.add(new Problem(field, "At most " + max + " characters (" + value.length() + " given)."));
        }
        if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            out.add(new Problem(field, "No control characters."));
        }
    }

    private static void texts(List<Problem> out, String field, Texts value, int max) {
        if (value == null) {
            out.add(new Problem(field, "An object with da, nb and en; en is required."));
            return;
        }
        text(out, field + ".da", value.da(), max, false);
        text(out, field + ".nb", value.nb(), max, false);
        text(out, field + ".en", value.en(), max, true);
    }

    private static void range(List<Problem> out, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                out.add(new Problem(field, "Required: a whole number from " + min + " to " + max + "."));
            }
            return;
        }
        if (value < min || value > max) {
            out.add(new Problem(field, "A whole number from " + min + " to " + max + " (" + value + " given)."));
        }
    }

    /** The first problem's reason, for messages that name one; empty when the configuration can be used. */
    public Optional<Problem> firstProblem() {
        return problems().stream().findFirst();
    }

    /** The same configuration at another version (the central register counts them). */
    public LibraryConfiguration withVersion(Integer newVersion) {
        return new LibraryConfiguration(format, newVersion, code, name, country, testProfile, organisation, contact,
                languages, homeLibrary, pickupLibraries, cardSeries, categories, guardianAge, maxShortStayDays,
                inactiveYears, noticeDays, digitalServices, addressAlerts, loanRules, reportNamesStaff);
    }
}
