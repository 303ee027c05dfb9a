package app.carddesk.domain;

import static app.carddesk.domain.ConfigurationChecks.range;
import static app.carddesk.domain.ConfigurationChecks.text;
import static app.carddesk.domain.ConfigurationChecks.texts;
import static app.carddesk.domain.ConfigurationChecks.tooMany;

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

        /** The series as the card-number rules use it (of a checked configuration: every part given). */
        public CardSeries cardSeries() {
            return new CardSeries(prefix, digits, checkDigit, from, to);
        }
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

    /**
     * One thing wrong with a configuration: the field, as a JSON path, and the reason, by its key in
     * {@code app/carddesk/domain/problems.properties} (in English, Danish and Norwegian) with what
     * fills it. The central register answers in English; a desk says it in the staff's language.
     */
    public record Problem(String field, String key, List<Object> args) {

        /** The texts' bundle, {@code problems*.properties} beside this class. */
        private static final String TEXTS = LibraryConfiguration.class.getPackageName() + ".problems";

        public Problem {
            args = List.copyOf(args);
        }

        public static Problem of(String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }

        /** The same problem at a field inside {@code place} (a form's entry, say). */
        public Problem inside(String place) {
            return new Problem(place + "." + field, key, args);
        }

        /** The reason in English, as the central register and its command line say it. */
        public String reason() {
            return reason(Locale.ROOT);
        }

        /** The reason in the language of {@code locale} (English where CardDesk has none). */
        public String reason(Locale locale) {
            java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle(TEXTS, locale,
                    java.util.ResourceBundle.Control.getNoFallbackControl(
                            java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            return MessagePattern.format(texts.getString(key), locale, args.toArray());
        }

        @Override
        public String toString() {
            return field + ": " + reason();
        }
    }

    /** Everything wrong with this configuration, in the order of its fields; empty when it can be used. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (format == null || format != FORMAT) {
            out.add(Problem.of("format", "format", FORMAT));
        }
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(Problem.of("code", "code"));
        }
        text(out, "name", name, 200, true);
        if (country == null) {
            out.add(Problem.of("country", "country"));
        }
        if (testProfile == null) {
            out.add(Problem.of("testProfile", "testProfile"));
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
            out.add(Problem.of("languages", "languages"));
        } else {
            for (int i = 0; i < languages.size(); i++) {
                // An immutable list's contains() refuses null: a null entry is simply not a language.
                if (languages.get(i) == null || !LANGUAGES.contains(languages.get(i))) {
                    out.add(Problem.of("languages[" + i + "]", "language"));
                } else if (languages.indexOf(languages.get(i)) < i) {
                    out.add(Problem.of("languages[" + i + "]", "languageTwice", languages.get(i)));
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
            out.add(Problem.of("reportNamesStaff", "reportNamesStaff"));
        }
        return out;
    }

    /** The most entries each list holds: far above any library's, and a bound on what is stored. */
    static final int MAX_ENTRIES = 200;

    private void branches(List<Problem> out) {
        if (tooMany(out, "pickupLibraries", pickupLibraries)) {
            return;
        }
        if (pickupLibraries == null || pickupLibraries.isEmpty()) {
            out.add(Problem.of("pickupLibraries", "noBranch"));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < pickupLibraries.size(); i++) {
            Branch b = pickupLibraries.get(i);
            String at = "pickupLibraries[" + i + "]";
            if (b == null) {
                out.add(Problem.of(at, "branchObject"));
                continue;
            }
            if (b.code() == null || !CODE.matcher(b.code()).matches()) {
                out.add(Problem.of(at + ".code", "entryCode"));
            } else if (!codes.add(b.code())) {
                out.add(Problem.of(at + ".code", "branchTwice", b.code()));
            }
            text(out, at + ".name", b.name(), 200, true);
        }
        if (homeLibrary == null || !codes.contains(homeLibrary)) {
            out.add(Problem.of("homeLibrary", "homeLibrary"));
        }
    }

    private void series(List<Problem> out) {
        if (tooMany(out, "cardSeries", cardSeries)) {
            return;
        }
        if (cardSeries == null) {
            out.add(Problem.of("cardSeries", "seriesList"));
            return;
        }
        List<CardSeriesRange> ranges = new ArrayList<>();
        for (int i = 0; i < cardSeries.size(); i++) {
            Series s = cardSeries.get(i);
            String at = "cardSeries[" + i + "]";
            if (s == null || s.digits() == null || s.from() == null || s.to() == null) {
                out.add(Problem.of(at, "seriesObject"));
                continue;
            }
            Optional<Problem> wrong = CardSeriesRange.problemAt(at, s.prefix(), s.digits(), s.from(), s.to());
            if (wrong.isPresent()) {
                out.add(wrong.get());
                continue;
            }
            if (s.checkDigit() == null) {
                out.add(Problem.of(at + ".checkDigit", "checkDigit"));
                continue;
            }
            CardSeriesRange range = new CardSeriesRange(s.prefix(), s.digits(), s.from(), s.to());
            if (ranges.stream().anyMatch(range::overlaps)) {
                out.add(Problem.of(at, "seriesOverlap"));
            }
            ranges.add(range);
        }
    }

    private void categories(List<Problem> out) {
        if (tooMany(out, "categories", categories)) {
            return;
        }
        if (categories == null || categories.isEmpty()) {
            out.add(Problem.of("categories", "noCategory"));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            String at = "categories[" + i + "]";
            if (c == null) {
                out.add(Problem.of(at, "categoryObject"));
                continue;
            }
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                out.add(Problem.of(at + ".code", "entryCode"));
            } else if (!codes.add(c.code())) {
                out.add(Problem.of(at + ".code", "categoryTwice", c.code()));
            }
            texts(out, at + ".names", c.names(), 200);
            range(out, at + ".minAge", c.minAge(), 0, 130, false);
            range(out, at + ".maxAge", c.maxAge(), 0, 130, false);
            if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
                out.add(Problem.of(at + ".maxAge", "maxBelowMin", c.minAge()));
            }
        }
    }

    private void services(List<Problem> out) {
        if (tooMany(out, "digitalServices", digitalServices)) {
            return;
        }
        if (digitalServices == null) {
            out.add(Problem.of("digitalServices", "servicesList"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < digitalServices.size(); i++) {
            DigitalService d = digitalServices.get(i);
            String at = "digitalServices[" + i + "]";
            if (d == null || d.service() == null || !SERVICE.matcher(d.service()).matches()) {
                out.add(Problem.of(at + ".service", "serviceCode"));
                continue;
            }
            if (!seen.add(d.service())) {
                out.add(Problem.of(at + ".service", "serviceTwice", d.service()));
            }
            if (d.requiredIdentity() == null || d.requiredIdentity().contains(null)
                    || new HashSet<>(d.requiredIdentity()).size() < d.requiredIdentity().size()) {
                out.add(Problem.of(at + ".requiredIdentity", "requiredIdentity"));
            }
            range(out, at + ".minAge", d.minAge(), 0, 130, true);
        }
    }

    private void alerts(List<Problem> out) {
        if (tooMany(out, "addressAlerts", addressAlerts)) {
            return;
        }
        if (addressAlerts == null) {
            out.add(Problem.of("addressAlerts", "alertsList"));
            return;
        }
        for (int i = 0; i < addressAlerts.size(); i++) {
            AddressAlert a = addressAlerts.get(i);
            String at = "addressAlerts[" + i + "]";
            if (a == null) {
                out.add(Problem.of(at, "alertObject"));
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
            out.add(Problem.of("loanRules", "rulesList"));
            return;
        }
        int last = 0;
        for (int i = 0; i < loanRules.size(); i++) {
            LoanRules r = loanRules.get(i);
            String at = "loanRules[" + i + "]";
            if (r == null || r.version() == null || r.version() <= last) {
                out.add(Problem.of(at + ".version", "rulesVersion", last));
                if (r == null) {
                    continue;
                }
            } else {
                last = r.version();
            }
            texts(out, at + ".text", r.text(), 4000);
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

    /** The same configuration with these loan-rule versions (a new one published, or their publication times). */
    public LibraryConfiguration withLoanRules(List<LoanRules> newLoanRules) {
        return new LibraryConfiguration(format, version, code, name, country, testProfile, organisation, contact,
                languages, homeLibrary, pickupLibraries, cardSeries, categories, guardianAge, maxShortStayDays,
                inactiveYears, noticeDays, digitalServices, addressAlerts, newLoanRules, reportNamesStaff);
    }
}
