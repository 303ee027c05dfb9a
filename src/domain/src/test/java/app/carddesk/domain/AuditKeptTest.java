package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditKeptTest {

    @Test
    void monthsFromOneToAHundredYearsOrOffAndTheDefaultWhenUnset() {
        assertThat(AuditKept.months(null, "X")).isEqualTo(60);
        assertThat(AuditKept.months("  ", "X")).isEqualTo(60);
        assertThat(AuditKept.months(" 24 ", "X")).isEqualTo(24);
        assertThat(AuditKept.months("1", "X")).isEqualTo(1);
        assertThat(AuditKept.months("1200", "X")).isEqualTo(1200);
        assertThat(AuditKept.months("OFF", "X")).isZero();
    }

    @Test
    void anythingElseIsRefusedNamingTheSettingAndWhatItTakes() {
        for (String wrong : new String[] {"0", "-3", "1201", "forever", "12.5"}) {
            assertThatThrownBy(() -> AuditKept.months(wrong, "carddesk.audit.kept.months"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("carddesk.audit.kept.months must be a whole number of months from 1 to 1200")
                    .hasMessageContaining("off").hasMessageContaining("'" + wrong + "'");
        }
    }
}
