package app.carddesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Problem;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditPeriodTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void theFirstDayBeginsAtItsMidnightAndTheLastIsReadWhole() {
        AuditPeriod p = AuditPeriod.of("01-12-2026", "04-12-2026", COPENHAGEN);
        assertThat(p.problem()).isNull();
        assertThat(p.since()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(p.until()).isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
        assertThat(p.said("audit.forStaff", "mette.holm"))
                .isEqualTo(Problem.of("audit.period.between.forStaff", "mette.holm", "01-12-2026", "04-12-2026"));
        // One day, across the change to summer time (23 hours long).
        AuditPeriod spring = AuditPeriod.of("2026-03-29", "2026-03-29", COPENHAGEN);
        assertThat(spring.since()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(spring.until()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void eitherEndMayBeOpen() {
        AuditPeriod none = AuditPeriod.of("", " ", COPENHAGEN);
        assertThat(none.since()).isNull();
        assertThat(none.until()).isNull();
        assertThat(none.said("audit.none", "409900081")).isEqualTo(Problem.of("audit.none", "409900081"));
        AuditPeriod from = AuditPeriod.of("01-12-2026", null, COPENHAGEN);
        assertThat(from.until()).isNull();
        assertThat(from.said("audit.forCard", "409900081"))
                .isEqualTo(Problem.of("audit.period.since.forCard", "409900081", "01-12-2026"));
        assertThat(AuditPeriod.of(null, "01-12-2026", COPENHAGEN).said("audit.forCard", "409900081"))
                .isEqualTo(Problem.of("audit.period.until.forCard", "409900081", "01-12-2026"));
    }

    @Test
    void aDayThatIsNoneOrAPeriodTheWrongWayRoundIsSaid() {
        assertThat(AuditPeriod.of("31-02-2026", "", COPENHAGEN).problem())
                .isEqualTo(Problem.of("date.noSuchDay", "31-02-2026"));
        assertThat(AuditPeriod.of("", "soon", COPENHAGEN).problem()).isEqualTo(Problem.of("date.format", "soon"));
        assertThat(AuditPeriod.of("04-12-2026", "01-12-2026", COPENHAGEN).problem())
                .isEqualTo(Problem.of("audit.periodBackwards", "04-12-2026", "01-12-2026"));
        assertThat(AuditPeriod.of("04-12-2026", "04-12-2026", COPENHAGEN).problem()).as("one day").isNull();
    }
}
