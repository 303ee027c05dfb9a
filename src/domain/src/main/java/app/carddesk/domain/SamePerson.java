package app.carddesk.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two records describe one person, as far as staff can see it: the same name (letter
 * case, accents, spacing and the order of names aside) and the same birth date. Where they
 * differ, staff must say explicitly that it is the same person before one record takes over
 * the other, at Register national ID and at a merge alike.
 */
public final class SamePerson {

    /** What differs between two records of (supposedly) one person. */
    public enum Difference { NAME, BIRTH_DATE }

    private SamePerson() {
    }

    public static Set<Difference> differences(String surnameA, String givenNameA, LocalDate birthA,
                                              String surnameB, String givenNameB, LocalDate birthB) {
        Set<Difference> found = EnumSet.noneOf(Difference.class);
        if (!names(surnameA, givenNameA).equals(names(surnameB, givenNameB))) {
            found.add(Difference.NAME);
        }
        if (!Objects.equals(birthA, birthB)) {
            found.add(Difference.BIRTH_DATE);
        }
        return found;
    }

    public static Set<Difference> differences(Patron a, Patron b) {
        return differences(a.surname(), a.givenName(), a.birthDate(), b.surname(), b.givenName(), b.birthDate());
    }

    private static Set<String> names(String surname, String givenName) {
        String all = ContactRules.nameKey((givenName == null ? "" : givenName) + " " + (surname == null ? "" : surname))
                .replace('-', ' ');
        // Letters that have no accent to strip but are commonly written without one: Jørgensen, Jorgensen.
        all = all.replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss").replace("ł", "l")
                .replace("đ", "d").replace("þ", "th");
        return new TreeSet<>(Arrays.asList(all.trim().split(" ")));
    }
}
