package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A library's own rules from its configuration: category ages and address alerts. */
class LibraryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aCategorySaysWhenAPatronIsTooYoungOrTooOldForIt() {
        PatronCategory child = new PatronCategory("CHILD", "Barn", "Barn", "Child", null, 14);
        PatronCategory researcher = new PatronCategory("RESEARCHER", null, null, "Visiting researcher", 18, null);

        assertThat(child.ageProblem(LocalDate.of(2012, 12, 2), TODAY)).isEmpty();
        assertThat(child.ageProblem(LocalDate.of(2011, 12, 1), TODAY)).contains(Problem.of("category.tooOld", "CHILD",
                14, 15));
        assertThat(researcher.ageProblem(LocalDate.of(2008, 12, 2), TODAY)).contains(Problem.of("category.tooYoung",
                "RESEARCHER", 18, 17));
        assertThat(researcher.ageProblem(LocalDate.of(2008, 12, 1), TODAY)).isEmpty();
        assertThat(researcher.ageProblem(null, TODAY)).as("no birth date, nothing to say").isEmpty();
        assertThat(researcher.name(new Locale("da"))).as("English where the library gave no Danish name")
                .isEqualTo("Visiting researcher");
    }

    @Test
    void aPatronIsOfferedTheCategoriesTheirAgeFitsOrAllWhenNoneDoes() {
        PatronCategory child = new PatronCategory("CHILD", "Barn", "Barn", "Child", null, 14);
        PatronCategory adult = new PatronCategory("ADULT", "Voksen", "Voksen", "Adult", 18, null);
        PatronCategory any = new PatronCategory("GUEST", "Gæst", "Gjest", "Guest");
        LibraryProfile library = new LibraryProfile("LIB", "Library", Country.DK, true, 90, "MAIN", List.of(),
                List.of(), List.of(child, adult, any), List.of(), 18, null, false);

        assertThat(library.categoriesFor(LocalDate.of(2016, 5, 1), TODAY)).containsExactly(child, any);
        assertThat(library.categoriesFor(LocalDate.of(1990, 5, 1), TODAY)).containsExactly(adult, any);
        assertThat(library.categoriesFor(null, TODAY)).as("no birth date: every category")
                .containsExactly(child, adult, any);
        LibraryProfile noGuest = new LibraryProfile("LIB", "Library", Country.DK, true, 90, "MAIN", List.of(),
                List.of(), List.of(child, adult), List.of(), 18, null, false);
        assertThat(noGuest.categoriesFor(LocalDate.of(2010, 5, 1), TODAY)).as("16: none fits, all are offered")
                .containsExactly(child, adult);
    }

    @Test
    void anAddressAlertMatchesTheAddressLineOrTownWhateverTheCase() {
        AddressAlert hotel = new AddressAlert("hotel", "Et hotel er ikke en bopæl.", null, "A hotel is not a home.");

        assertThat(hotel.matches("Hotel Nora, Vesterbrogade 10", "København V")).isTrue();
        assertThat(hotel.matches("Vesterbrogade 10", "HOTELBY")).isTrue();
        assertThat(hotel.matches("Jagtvej 1", "København N")).isFalse();
        assertThat(hotel.matches(null, null)).isFalse();
        assertThat(hotel.message(new Locale("da"))).isEqualTo("Et hotel er ikke en bopæl.");
        assertThat(hotel.message(new Locale("nb"))).isEqualTo("A hotel is not a home.");
    }
}
