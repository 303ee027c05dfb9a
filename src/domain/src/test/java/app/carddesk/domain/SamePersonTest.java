package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.SamePerson.Difference;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamePersonTest {

    private static final LocalDate BORN = LocalDate.of(2001, 6, 30);

    @ParameterizedTest(name = "{0} {1} vs {2} {3}")
    @CsvSource({
            "Hassan, Amira, Hassan, Amira, ''",
            "Hassan, Amira, HASSAN, amira, ''",
            "Jørgensen, Zoë, Jorgensen, Zoe, ''",
            "Hassan, Amira Noor, Noor Hassan, Amira, ''",
            "Hansen-Berg, Ida, Hansen Berg, Ida, ''",
            "Hassan, Amira, Nielsen, Sofie, NAME",
            "Hassan, Amira, Hassan, Amina, NAME"})
    void comparesNamesAsStaffReadThem(String surnameA, String givenA, String surnameB, String givenB, String expected) {
        assertThat(SamePerson.differences(surnameA, givenA, BORN, surnameB, givenB, BORN))
                .containsExactlyInAnyOrderElementsOf(expected.isEmpty() ? java.util.List.of()
                        : java.util.List.of(Difference.valueOf(expected)));
    }

    @ParameterizedTest
    @CsvSource({"2001-06-30, ''", "2001-06-03, BIRTH_DATE", ", BIRTH_DATE"})
    void comparesBirthDates(LocalDate other, String expected) {
        assertThat(SamePerson.differences("Hassan", "Amira", BORN, "Hassan", "Amira", other))
                .isEqualTo(expected.isEmpty() ? java.util.EnumSet.noneOf(Difference.class)
                        : java.util.EnumSet.of(Difference.valueOf(expected)));
    }
}
