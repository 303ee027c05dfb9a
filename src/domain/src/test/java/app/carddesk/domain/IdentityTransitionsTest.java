package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityTransitionsTest {

    private static final IdentityValidator VALIDATOR = new IdentityValidator(true);

    private static IdentityNumber id(String raw) {
        return raw == null || raw.isBlank() ? null : VALIDATOR.check(raw, LocalDate.of(2026, 11, 22)).value();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "'',           CPR,      true",
            "'',           FNR,      true",
            "'',           NONE,     false",
            "7503901234,   CPR,      true",
            "1503901001,   CPR,      false",
            "41019012393,  FNR,      true",
            "41019012393,  CPR,      false",
            "201912345606, D_NUMBER, true",
            "201912345606, FNR,      true",
            "01019012480,  D_NUMBER, false",
    })
    void identitiesOnlyMoveOnTowardsTheNationalNumber(String current, IdentityKind next, boolean allowed) {
        assertThat(IdentityTransitions.allowed(id(current), next)).isEqualTo(allowed);
    }
}
