package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How many card numbers a library's range holds, which the stock's "numbers left" counts down from. */
class CardSeriesTest {

    /** Every number of the range whose digits the series accepts, counted one by one. */
    private static long counted(CardSeries s) {
        return LongStream.rangeClosed(s.from(), s.to()).filter(n -> {
            String digits = Long.toString(n);
            return s.checkDigit().accepts("0".repeat(s.digits() - digits.length()) + digits);
        }).count();
    }

    @Test
    void aRangeWithACheckDigitHoldsATenthOfItsNumbers() {
        assertThat(new CardSeries("2350", 6, CheckDigit.LUHN, 100_000, 199_999).numbers()).isEqualTo(10_000);
        assertThat(new CardSeries("4099", 5, CheckDigit.NONE, 0, 99_999).numbers()).isEqualTo(100_000);
    }

    @Test
    void theCountIsTheNumbersTheSeriesAcceptsForAnyRange() {
        Random random = new Random(7);
        for (CheckDigit scheme : CheckDigit.values()) {
            for (int i = 0; i < 400; i++) {
                int digits = 1 + random.nextInt(5);
                long top = (long) Math.pow(10, digits) - 1;
                long from = (long) (random.nextDouble() * top);
                long to = from + (long) (random.nextDouble() * (top - from));
                CardSeries s = new CardSeries("7", digits, scheme, from, to);
                assertThat(s.numbers()).as("%s %d digits %d–%d", scheme, digits, from, to).isEqualTo(counted(s));
            }
        }
    }

    @Test
    void aNationalRangeIsCountedAtOnce() {
        CardSeries national = new CardSeries("N", 10, CheckDigit.MOD11, 0, 9_999_999_999L);
        // Of the billion bodies, those whose weighted sum leaves 1 cannot be completed: about one in eleven.
        assertThat(national.numbers()).isBetween(909_000_000L, 910_000_000L);
        CardSeries slice = new CardSeries("N", 10, CheckDigit.MOD11, 1_234_000_000L, 1_234_099_999L);
        assertThat(slice.numbers()).isEqualTo(counted(slice));
    }
}
