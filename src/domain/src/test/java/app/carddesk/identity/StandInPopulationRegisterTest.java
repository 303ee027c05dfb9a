package app.carddesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.IdentityValidator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StandInPopulationRegisterTest {

    private final StandInPopulationRegister register = StandInPopulationRegister.withBundledFixture();
    private final IdentityValidator validator = new IdentityValidator(true);

    @Test
    void servesSyntheticPeopleOfBothCountries() {
        assertThat(register.size()).isGreaterThanOrEqualTo(8);
        var maja = register.find(validator.check("150390-1001", LocalDate.of(2026, 1, 1)).value()).orElseThrow();
        assertThat(maja.surname()).isEqualTo("Lindqvist");
        assertThat(maja.birthDate()).isEqualTo(LocalDate.of(1990, 3, 15));
        var marta = register.find(validator.check("51929023467", LocalDate.of(2026, 1, 1)).value()).orElseThrow();
        assertThat(marta.identity().kind().name()).isEqualTo("D_NUMBER");
        assertThat(marta.address().city()).isEqualTo("Trondheim");
    }

    @Test
    void knowsNobodyOutsideTheFixture() {
        assertThat(register.find(validator.check("0707611006", LocalDate.of(2026, 1, 1)).value())).isEmpty();
    }
}
