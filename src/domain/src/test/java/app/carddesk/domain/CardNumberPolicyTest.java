package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumberPolicyTest {

    private final CardNumberPolicy policy = new CardNumberPolicy(
            List.of(CardSeries.danishDefault(), CardSeries.norwegianNational()));

    @ParameterizedTest(name = "{0} is accepted as {1}")
    @CsvSource(delimiter = '|', value = {
            "409912345      | 409912345",
            "' 4099 12345 ' | 409912345",
            "n000000042     | N000000042",
            "N 123 456 789  | N123456789",
            "4099-00001     | 409900001",
    })
    void acceptsNumbersOfTheLibrarysSeriesAfterNormalising(String raw, String expected) {
        Checked<CardNumber> checked = policy.check(raw);
        assertThat(checked.isOk()).isTrue();
        assertThat(checked.value().value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''          | card.empty",
            "40991234    | card.wrongLength",
            "4099123456  | card.wrongLength",
            "4099l2345   | card.notDigits",
            "N12345678   | card.wrongLength",
            "NX23456789  | card.notDigits",
            "512345678   | card.foreign",
            "B123456789  | card.foreign",
    })
    void refusesOtherNumbersWithAReason(String raw, String key) {
        Checked<CardNumber> checked = policy.check(raw);
        assertThat(checked.isOk()).isFalse();
        assertThat(checked.firstError().orElseThrow().key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"LUHN, 7992739871, 3", "MOD11, 12345678, 5"})
    void checksTheCheckDigitOfSeriesThatHaveOne(CheckDigit scheme, String body, int checkDigit) {
        assertThat(scheme.digitFor(body)).isEqualTo(checkDigit);
        CardNumberPolicy withCheck = new CardNumberPolicy(List.of(new CardSeries("77", body.length() + 1, scheme)));
        assertThat(withCheck.check("77" + body + checkDigit).isOk()).isTrue();
        Checked<CardNumber> mistyped = withCheck.check("77" + body + (checkDigit + 1) % 10);
        assertThat(mistyped.firstError().orElseThrow().key()).isEqualTo("card.checkDigit");
    }

    @org.junit.jupiter.api.Test
    void aBlankCardIsTheLibrarysOnlyWithinTheNumbersReservedForIt() {
        CardNumberPolicy oslo = new CardNumberPolicy(List.of(new CardSeries("N", 9, CheckDigit.NONE, 0, 9_999_999),
                new CardSeries("N", 9, CheckDigit.NONE, 50_000_000, 59_999_999)));
        CardNumber own = oslo.check("N009999999").value();
        CardNumber second = oslo.check("N050000000").value();
        CardNumber bergens = oslo.check("N010000001").value();

        assertThat(oslo.reserved(own)).isTrue();
        assertThat(oslo.reserved(second)).as("in the library's second range").isTrue();
        assertThat(oslo.reserved(bergens)).as("another library's number: a card of this shape, not of this stock")
                .isFalse();
        assertThat(oslo.notReserved(bergens)).isEqualTo(Problem.of("card.notReserved", "N010000001",
                "N000000000–N009999999, N050000000–N059999999"));
        assertThat(policy.reserved(policy.check("N999999999").value())).as("a series without a range: all of it")
                .isTrue();
    }
}
