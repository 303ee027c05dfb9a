package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinPolicyTest {

    private static final LocalDate BIRTH = LocalDate.of(1990, 3, 14);
    private final PinPolicy policy = new PinPolicy();

    @ParameterizedTest(name = "{0} is refused: {2}")
    @CsvSource({
            "123,  123,  pin.format",
            "12a4, 12a4, pin.format",
            "12345, 12345, pin.format",
            "4826, 4827, pin.mismatch",
            "0000, 0000, pin.weak.repeated",
            "7777, 7777, pin.weak.repeated",
            "1234, 1234, pin.weak.run",
            "6789, 6789, pin.weak.run",
            "9876, 9876, pin.weak.run",
            "3210, 3210, pin.weak.run",
            "1212, 1212, pin.weak.pairs",
            "4747, 4747, pin.weak.pairs",
            "1122, 1122, pin.weak.pairs",
            "1987, 1987, pin.weak.year",
            "2024, 2024, pin.weak.year",
            "2580, 2580, pin.weak.keypad",
            "1403, 1403, pin.weak.birthday",
            "0314, 0314, pin.weak.birthday",
    })
    void refusesWeakOrMistypedPins(String pin, String repeated, String key) {
        assertThat(policy.check(pin, repeated, BIRTH)).map(Problem::key).contains(key);
    }

    @ParameterizedTest
    @CsvSource({"4826", "7391", "0593", "1357"})
    void acceptsPinsThatAreHardToGuess(String pin) {
        assertThat(policy.check(pin, pin, BIRTH)).isEmpty();
    }

    @Test
    void refusesTheLastFourDigitsOfTheCardOrTheNationalId() {
        assertThat(policy.check("1001", "1001", BIRTH, "999100002", "150390-1001")).map(Problem::key)
                .contains("pin.weak.seen");
        assertThat(policy.check("0002", "0002", BIRTH, "999100002", null)).map(Problem::key)
                .contains("pin.weak.seen");
        assertThat(policy.check("4826", "4826", BIRTH, "999100002", "150390-1001")).isEmpty();
        // A Norwegian fødselsnummer's last four, and a card number with letters.
        assertThat(policy.check("3581", "3581", BIRTH, "N000003581", "14839513581")).map(Problem::key)
                .contains("pin.weak.seen");
    }

    @Test
    void generatedPinsAreNeverTheLastDigitsOfACardOrNationalId() {
        Random random = new Random(7);
        for (int i = 0; i < 30_000; i++) {
            String pin = policy.generate(BIRTH, random, "409904826", "150390-7391");
            assertThat(pin).isNotIn("4826", "7391");
        }
    }

    @Test
    void generatedPinsAreNeverWeak() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            String pin = policy.generate(BIRTH, random);
            assertThat(policy.check(pin, pin, BIRTH)).as(pin).isEmpty();
        }
    }
}
