package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.PatronQuery.Kind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatronQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final CardNumberPolicy CARDS = new CardNumberPolicy(List.of(new CardSeries("4099", 5,
            CheckDigit.NONE)));

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "409900123, CARD, 409900123",
            "' 4099 00123 ', CARD, 409900123",
            "Amira@Example.org, EMAIL, amira@example.org",
            "300601-4002, IDENTITY, 3006014002",
            "3006014002, IDENTITY, 3006014002",
            "+45 20 30 40 50, PHONE, +45 20 30 40 50",
            "20304050, PHONE, 20304050",
            "Amira Hassan, NAME, Amira Hassan",
            "王小明, NAME, 王小明"})
    void tellsWhatWasTyped(String typed, Kind kind, String value) {
        Checked<PatronQuery> q = PatronQuery.parse(typed, "", CARDS, new IdentityValidator(true), TODAY);
        assertThat(q.isOk()).as(q.errors().toString()).isTrue();
        assertThat(q.value().kind()).isEqualTo(kind);
        assertThat(q.value().value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({
            "'', '', find.empty",
            "x, '', find.what",
            "409900123, 01-01-1990, find.birthDateWithName",
            "Amira, 31-02-1990, date.noSuchDay"})
    void saysWhatToDoWithWhatItCannotUse(String typed, String born, String problem) {
        Checked<PatronQuery> q = PatronQuery.parse(typed, born, CARDS, new IdentityValidator(true), TODAY);
        assertThat(q.firstError()).map(Problem::key).contains(problem);
    }

    @org.junit.jupiter.api.Test
    void aNameMayComeWithABirthDateAndNeverPrintsANationalId() {
        PatronQuery q = PatronQuery.parse("Amira Hassan", "30-06-2001", CARDS, new IdentityValidator(true), TODAY)
                .value();
        assertThat(q.birthDate()).isEqualTo(LocalDate.of(2001, 6, 30));
        assertThat(PatronQuery.parse("300601-4002", "", CARDS, new IdentityValidator(true), TODAY).value().toString())
                .doesNotContain("3006014002");
    }
}
