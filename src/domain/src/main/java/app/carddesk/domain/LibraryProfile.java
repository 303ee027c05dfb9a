package app.carddesk.domain;

import java.util.List;

/**
 * Everything the desk needs to know about the library it serves: its country's rules, its card
 * series, and the lists staff choose from.
 *
 * @param code              short code of the profile
 * @param name              the library's name
 * @param country           whose identity numbers and register apply
 * @param testProfile       a test or demo profile accepts synthetic identity numbers
 * @param maxShortStayDays  the longest expiry a short-stay patron may be given, in days from today
 * @param homeLibraryCode   the pickup library chosen unless staff choose another
 * @param digitalServices   what the library's digital services ask of a patron's identity
 * @param guardianAge       under this age a patron is registered with a guardian who consents
 * @param letterhead        what the library's letters say at the top
 * @param reportNamesStaff  the library's policy: a patron's "what is stored about me" report names
 *                          the library's own staff who saw or changed the record (otherwise their roles only)
 * @param addressAlerts     addresses staff are warned about at the details step
 * @param languages         the languages of the library's letters and mails ({@code da}, {@code nb},
 *                          {@code en}), its own first
 */
public record LibraryProfile(String code, String name, Country country, boolean testProfile,
                             int maxShortStayDays, String homeLibraryCode, List<CardSeries> cardSeries,
                             List<PickupLibrary> pickupLibraries, List<PatronCategory> categories,
                             List<DigitalServiceRule> digitalServices, int guardianAge,
                             Letterhead letterhead, boolean reportNamesStaff, List<AddressAlert> addressAlerts,
                             List<String> languages) {

    /** A profile whose letters may be in any of the languages CardDesk speaks. */
    public LibraryProfile(String code, String name, Country country, boolean testProfile, int maxShortStayDays,
                          String homeLibraryCode, List<CardSeries> cardSeries, List<PickupLibrary> pickupLibraries,
                          List<PatronCategory> categories, List<DigitalServiceRule> digitalServices, int guardianAge,
                          Letterhead letterhead, boolean reportNamesStaff, List<AddressAlert> addressAlerts) {
        this(code, name, country, testProfile, maxShortStayDays, homeLibraryCode, cardSeries, pickupLibraries,
                categories, digitalServices, guardianAge, letterhead, reportNamesStaff, addressAlerts,
                List.of("da", "nb", "en"));
    }

    /** A profile without address alerts. */
    public LibraryProfile(String code, String name, Country country, boolean testProfile, int maxShortStayDays,
                          String homeLibraryCode, List<CardSeries> cardSeries, List<PickupLibrary> pickupLibraries,
                          List<PatronCategory> categories, List<DigitalServiceRule> digitalServices, int guardianAge,
                          Letterhead letterhead, boolean reportNamesStaff) {
        this(code, name, country, testProfile, maxShortStayDays, homeLibraryCode, cardSeries, pickupLibraries,
                categories, digitalServices, guardianAge, letterhead, reportNamesStaff, List.of());
    }

    public LibraryProfile {
        addressAlerts = List.copyOf(addressAlerts);
        digitalServices = List.copyOf(digitalServices);
        cardSeries = List.copyOf(cardSeries);
        pickupLibraries = List.copyOf(pickupLibraries);
        categories = List.copyOf(categories);
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
    }

    public CardNumberPolicy cardNumberPolicy() {
        return new CardNumberPolicy(cardSeries);
    }

    public IdentityValidator identityValidator() {
        return new IdentityValidator(testProfile);
    }

    public ShortStayPolicy shortStayPolicy() {
        return new ShortStayPolicy(maxShortStayDays);
    }

    /** The first address alert the address matches, if any: staff are warned, nothing is refused. */
    public java.util.Optional<AddressAlert> alertFor(String addressLine, String city) {
        return addressAlerts.stream().filter(a -> a.matches(addressLine, city)).findFirst();
    }

    /**
     * The categories to offer a patron born on {@code birthDate}: those their age fits. All of them when
     * the birth date is unknown or none fits, so that staff can still choose and be told why not.
     */
    public List<PatronCategory> categoriesFor(java.time.LocalDate birthDate, java.time.LocalDate today) {
        List<PatronCategory> fitting = categories.stream()
                .filter(c -> c.ageProblem(birthDate, today).isEmpty()).toList();
        return fitting.isEmpty() ? categories : fitting;
    }

    public PickupLibrary homeLibrary() {
        return pickupLibraries.stream().filter(p -> p.code().equals(homeLibraryCode)).findFirst()
                .orElse(pickupLibraries.isEmpty() ? null : pickupLibraries.get(0));
    }
}
