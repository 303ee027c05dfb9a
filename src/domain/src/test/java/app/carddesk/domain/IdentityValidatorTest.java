package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private final IdentityValidator production = new IdentityValidator(false);
    private final IdentityValidator test = new IdentityValidator(true);

    @ParameterizedTest(name = "{0} is {1} born {2}")
    @CsvSource({
            "0707611006,    CPR,      1961-07-07",
            "070761-1006,   CPR,      1961-07-07",
            "'070761 1006', CPR,      1961-07-07",
            "0101374009,    CPR,      1937-01-01",
            "0101364003,    CPR,      2036-01-01",
            "0101605000,    CPR,      1860-01-01",
            "01019012480,   FNR,      1990-01-01",
            "41019012393,   D_NUMBER, 1990-01-01",
            "15030551262,   FNR,      2005-03-15",
    })
    void classifiesAndReadsTheBirthDate(String raw, IdentityKind kind, LocalDate birth) {
        LocalDate today = birth.getYear() > 2026 ? LocalDate.of(2040, 1, 1) : TODAY;
        Checked<IdentityNumber> checked = production.check(raw, today);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.value().kind()).isEqualTo(kind);
        assertThat(checked.value().birthDate()).isEqualTo(birth);
        assertThat(checked.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "'',           identity.empty",
            "07076l1006,   identity.notDigits",
            "070761100,    identity.length",
            "3102901234,   identity.cpr.date",
            "0013901234,   identity.cpr.date",
            "0101354008,   identity.future",
            "01019012481,  identity.fnr.checkDigits",
            "01019012340,  identity.fnr.checkDigits",
            "01419012382,  identity.fnr.hNumber",
            "01819012365,  identity.fnr.synthetic",
            "31029012345,  identity.fnr.date",
            "209912345606, identity.duf.year",
    })
    void refusesWithAReason(String raw, String key) {
        Checked<IdentityNumber> checked = production.check(raw, TODAY);
        assertThat(checked.isOk()).isFalse();
        assertThat(checked.firstError().orElseThrow().key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"0101654002", "0707611007"})
    void cprFailingModulus11IsAWarningNotARejection(String raw) {
        Checked<IdentityNumber> checked = production.check(raw, TODAY);
        assertThat(checked.isOk()).isTrue();
        assertThat(checked.warnings()).extracting(Problem::key).containsExactly("identity.cpr.modulus11");
    }

    @ParameterizedTest
    @CsvSource({"7103904321, 1990-03-11", "910199-0000, 1999-01-31"})
    void danishReplacementNumbersAreAcceptedAndMarkedForReRegistration(String raw, LocalDate birth) {
        Checked<IdentityNumber> checked = production.check(raw, TODAY);
        assertThat(checked.isOk()).isTrue();
        assertThat(checked.value().kind()).isEqualTo(IdentityKind.CPR);
        assertThat(checked.value().birthDate()).isEqualTo(birth);
        assertThat(checked.value().needsReRegistration()).isTrue();
        assertThat(checked.warnings()).extracting(Problem::key).containsExactly("identity.cpr.replacement");
        assertThat(production.check("1503901001", TODAY).value().needsReRegistration()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"01019012405", "01019012316"})
    void acceptsTheFirstCheckDigitsOfThe2032Rule(String raw) {
        assertThat(production.check(raw, TODAY).isOk()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"01419012382, 1990-01-01", "01819012365, 1990-01-01", "14839512318, 1995-03-14"})
    void testProfilesAcceptSyntheticNumbers(String raw, LocalDate birth) {
        Checked<IdentityNumber> checked = test.check(raw, TODAY);
        assertThat(checked.isOk()).isTrue();
        assertThat(checked.value().birthDate()).isEqualTo(birth);
    }

    @ParameterizedTest
    @CsvSource({"201912345606, false", "201912345607, true"})
    void dufChecksumIsOnlyAWarning(String raw, boolean warned) {
        Checked<IdentityNumber> checked = production.check(raw, TODAY);
        assertThat(checked.isOk()).isTrue();
        assertThat(checked.value().kind()).isEqualTo(IdentityKind.DUF);
        assertThat(checked.warnings().isEmpty()).isNotEqualTo(warned);
    }

    @ParameterizedTest
    @CsvSource({"0707611006, CPR, 070761-XXXX", "01019012480, FNR, 010190XXXXX", "201912345606, DUF, 2019XXXXXXXX"})
    void masksAllButTheBirthDate(String raw, IdentityKind kind, String masked) {
        IdentityNumber id = production.check(raw, TODAY).value();
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.masked()).isEqualTo(masked);
    }
}
