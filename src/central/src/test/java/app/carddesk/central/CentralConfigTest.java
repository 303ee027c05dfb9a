package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The central's settings as an operator writes them in its environment file. */
class CentralConfigTest {

    @Test
    void theAuditTrailIsKeptFiveYearsUnlessTheOrganisationSetsItsOwnPeriodOrKeepsItForGood() {
        assertThat(CentralConfig.from(Map.of()).auditKept()).isEqualTo(Period.ofMonths(60));
        assertThat(CentralConfig.from(Map.of("CARDDESK_AUDIT_KEPT_MONTHS", " 6 ")).auditKept())
                .isEqualTo(Period.ofMonths(6));
        assertThat(CentralConfig.from(Map.of("CARDDESK_AUDIT_KEPT_MONTHS", "OFF")).auditKept()).isNull();
        for (String wrong : new String[] {"0", "-3", "five years", "6m"}) {
            assertThatThrownBy(() -> CentralConfig.from(Map.of("CARDDESK_AUDIT_KEPT_MONTHS", wrong)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CARDDESK_AUDIT_KEPT_MONTHS must be a whole number of months")
                    .hasMessageContaining("or off").hasMessageContaining("'" + wrong + "'");
        }
        // The other settings keep the period when a test or a benchmark changes them.
        CentralConfig six = CentralConfig.from(Map.of("CARDDESK_AUDIT_KEPT_MONTHS", "6"));
        assertThat(six.with(0, "jdbc:h2:mem:x").withRetentionAt("off").auditKept())
                .isEqualTo(Period.ofMonths(6));
    }
}
