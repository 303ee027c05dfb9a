package app.carddesk.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * An organisation relation or patron category from a library profile's list, named by the library
 * itself in each of the client's languages, and the ages it is for (either end may be open).
 */
public record PatronCategory(String code, String nameDa, String nameNb, String nameEn, Integer minAge,
                             Integer maxAge) {

    /** A category for any age. */
    public PatronCategory(String code, String nameDa, String nameNb, String nameEn) {
        this(code, nameDa, nameNb, nameEn, null, null);
    }

    /** The library's name for the category in the given language, English where none is given. */
    public String name(Locale locale) {
        return LibraryTexts.in(locale, nameDa, nameNb, nameEn);
    }

    /**
     * Why a patron born on {@code birthDate} is not in this category today, if they are not: too
     * young or too old for it, with the category's limit. Nothing when the birth date is unknown.
     */
    public Optional<Problem> ageProblem(LocalDate birthDate, LocalDate today) {
        if (birthDate == null || birthDate.isAfter(today)) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, today).getYears();
        if (minAge != null && age < minAge) {
            return Optional.of(Problem.of("category.tooYoung", code, minAge, age));
        }
        if (maxAge != null && age > maxAge) {
            return Optional.of(Problem.of("category.tooOld", code, maxAge, age));
        }
        return Optional.empty();
    }
}
