package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardSeriesRangeTest {

    @ParameterizedTest(name = "{0}+{1} [{2},{3}] vs {4}+{5} [{6},{7}]: {8}")
    @CsvSource({
            "4099, 5, 0, 99999, 4099, 5, 90000, 99999, true",
            "4099, 5, 0, 49999, 4099, 5, 50000, 99999, false",
            "40, 7, 0, 9999999, 4099, 5, 0, 99999, true",
            "40, 7, 0, 9899999, 4099, 5, 0, 99999, false",
            "40, 7, 9900000, 9900000, 4099, 5, 0, 0, true",
            "N0, 8, 0, 99999999, N, 9, 0, 99999999, true",
            "N0, 8, 0, 99999999, N, 9, 100000000, 199999999, false",
            "N, 9, 0, 999999999, 4099, 6, 0, 999999, false",
            "NX, 8, 0, 99999999, N, 9, 0, 999999999, false",
            "4099, 5, 0, 99999, 4099, 6, 0, 999999, false"})
    void overlapsWhenOneCardNumberFallsInBoth(String p1, int d1, long f1, long t1, String p2, int d2, long f2, long t2,
                                              boolean overlap) {
        CardSeriesRange a = new CardSeriesRange(p1, d1, f1, t1);
        CardSeriesRange b = new CardSeriesRange(p2, d2, f2, t2);
        assertThat(a.overlaps(b)).isEqualTo(overlap);
        assertThat(b.overlaps(a)).as("either way round").isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0}+{1} [{2},{3}]")
    @CsvSource({"'\u0007', 5, 0, 10", "'', 5, 0, 10", "40 99, 5, 0, 10", "4099, 0, 0, 0", "4099, 19, 0, 10",
            "4099, 5, 10, 9", "4099, 5, -1, 10", "4099, 5, 0, 100000", "ABCDEFGHI, 5, 0, 10"})
    void refusesWhatIsNoSeries(String prefix, int digits, long from, long to) {
        assertThat(CardSeriesRange.problem(prefix, digits, from, to)).isPresent();
    }

    @ParameterizedTest(name = "{0}+{1} [{2},{3}]")
    @CsvSource({"4099, 5, 0, 99999", "N, 9, 100000000, 100099999", "N01, 18, 0, 999999999999999999"})
    void acceptsSeries(String prefix, int digits, long from, long to) {
        assertThat(CardSeriesRange.problem(prefix, digits, from, to)).isEmpty();
    }
}
