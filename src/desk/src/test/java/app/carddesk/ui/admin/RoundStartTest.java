package app.carddesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A round's start as staff type it, in the desk's time zone. */
class RoundStartTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void aDayAsTypedAnywhereAtTheDeskThenHoursAndMinutes() {
        assertThat(RoundStart.parse("7-12-2026 9:30", COPENHAGEN)).contains(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(RoundStart.parse(" 07.12.2026   09:30 ", COPENHAGEN)).contains(Instant.parse("2026-12-07T08:30:00Z"));
        assertThat(RoundStart.parse("1-7-2027 14:05", COPENHAGEN)).as("summer time")
                .contains(Instant.parse("2027-07-01T12:05:00Z"));
    }

    @Test
    void anythingElseIsNotATime() {
        assertThat(RoundStart.parse("next tuesday", COPENHAGEN)).isEmpty();
        assertThat(RoundStart.parse("7-12-2026", COPENHAGEN)).as("no time").isEmpty();
        assertThat(RoundStart.parse("7-12-2026 25:00", COPENHAGEN)).isEmpty();
        assertThat(RoundStart.parse("31-2-2027 9:00", COPENHAGEN)).isEmpty();
        assertThat(RoundStart.parse("7-12-2026 9:30 pm", COPENHAGEN)).isEmpty();
        assertThat(RoundStart.parse("", COPENHAGEN)).isEmpty();
        assertThat(RoundStart.parse(null, COPENHAGEN)).isEmpty();
    }
}
