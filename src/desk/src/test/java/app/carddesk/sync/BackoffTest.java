package app.carddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "{1} failures after {0} s -> {2} s")
    @CsvSource({"15, 0, 15", "15, 1, 30", "15, 2, 60", "15, 3, 120", "15, 4, 240", "15, 5, 300", "15, 40, 300",
            "2, 1, 4"})
    void waitsLongerAfterEachFailedRoundUpToFiveMinutes(long base, int failures, long expected) {
        assertThat(Backoff.nextDelaySeconds(base, failures)).isEqualTo(expected);
    }
}
