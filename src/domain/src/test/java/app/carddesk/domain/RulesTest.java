package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "expiry {0}: {1}")
    @CsvSource({
            ",           expiry.required",
            "2026-11-22, expiry.notFuture",
            "2026-01-01, expiry.notFuture",
            "2027-11-23, expiry.tooLate",
            "2026-11-23, ''",
            "2027-11-22, ''",
    })
    void shortStayExpiryMustBeInTheFutureAndWithinTheMaximum(LocalDate expiry, String key) {
        ShortStayPolicy policy = new ShortStayPolicy(365);
        assertThat(policy.check(expiry, TODAY).map(Problem::key).orElse("")).isEqualTo(key == null ? "" : key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "24-12-2001, 2001-12-24",
            "24.12.2001, 2001-12-24",
            "4/1/2001,   2001-01-04",
            "24122001,   2001-12-24",
            "2001-12-24, 2001-12-24",
    })
    void readsDatesAsStaffTypeThem(String raw, LocalDate expected) {
        assertThat(DateInput.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"nb, 04.01.2001", "nn, 04.01.2001", "da, 04-01-2001", "en, 04-01-2001", "'', 04-01-2001"})
    void writesDatesAsTheLanguageWritesThemAndReadsThemBack(String language, String written) {
        LocalDate date = LocalDate.of(2001, 1, 4);
        assertThat(DateInput.format(date, java.util.Locale.forLanguageTag(language))).isEqualTo(written);
        assertThat(DateInput.parse(written).value()).isEqualTo(date);
        assertThat(MessagePattern.format("Born {0}.", java.util.Locale.forLanguageTag(language), date))
                .isEqualTo("Born " + written + ".");
        assertThat(MessagePattern.format("From {0}.", java.util.Locale.forLanguageTag(language),
                date.atTime(6, 5).atZone(java.time.ZoneOffset.UTC))).isEqualTo("From " + written + " 06:05 Z.");
        assertThat(DateInput.formatLocalSeconds(date.atTime(6, 5, 9).atZone(java.time.ZoneOffset.UTC),
                java.util.Locale.forLanguageTag(language))).isEqualTo(written + " 06:05:09");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"'', date.required", "31-02-2001, date.noSuchDay", "next week, date.format", "2001/12, date.format"})
    void explainsDatesItCannotRead(String raw, String key) {
        assertThat(DateInput.parse(raw).firstError().orElseThrow().key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"'  Müller ', muller", "ØSTERGAARD, østergaard", "'Anne  Marie', anne marie"})
    void namesMatchWhateverTheCaseAccentsAndSpacing(String name, String key) {
        assertThat(ContactRules.nameKey(name)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"+45 12 34 56 78, 12345678", "0047 98765432, 98765432", "12-34-56-78, 12345678"})
    void phoneNumbersMatchWithOrWithoutCountryCode(String phone, String key) {
        assertThat(ContactRules.phoneKey(phone)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"maja@example, true", "maja@@example.dk, true", "maja@example.dk, false", "'', false"})
    void emailIsOptionalButMustLookLikeOne(String email, boolean refused) {
        assertThat(ContactRules.checkEmail(email).isPresent()).isEqualTo(refused);
    }

    @Test
    void expiredShortStayPatronsWithABalanceAreKept() {
        Patron withFees = patron(LocalDate.of(2026, 11, 1), 5000, 0);
        Patron withCredit = patron(LocalDate.of(2026, 11, 1), 0, 1200);
        Patron settled = patron(LocalDate.of(2026, 11, 1), 0, 0);
        Patron current = patron(LocalDate.of(2026, 12, 1), 0, 0);
        assertThat(withFees.isExpired(TODAY)).isTrue();
        assertThat(withFees.isDeletable(TODAY)).isFalse();
        assertThat(withCredit.isDeletable(TODAY)).isFalse();
        assertThat(settled.isDeletable(TODAY)).isTrue();
        assertThat(current.isExpired(TODAY)).isFalse();
        assertThat(current.isDeletable(TODAY)).isFalse();
    }

    private static Patron patron(LocalDate expiresOn, long fees, long credit) {
        return new Patron(java.util.UUID.randomUUID(), "409900001", null, "Doe", "Jo", LocalDate.of(2000, 1, 1),
                null, null, Address.empty(), "PUBLIC", "KB-SK", RegistrationKind.SHORT_STAY, expiresOn,
                PinDelivery.OWN_PIN, true, fees, credit, java.time.Instant.EPOCH, "staff", 1);
    }

    @Test
    void theFootingOfARegistrationIsReadOneWayOnBothSides() {
        assertThat(RegistrationKind.of(true, false)).isEqualTo(RegistrationKind.NATIONAL_ID);
        assertThat(RegistrationKind.of(false, true)).isEqualTo(RegistrationKind.EXPECTS_NATIONAL_ID);
        assertThat(RegistrationKind.of(false, false)).isEqualTo(RegistrationKind.SHORT_STAY);
        assertThat(RegistrationKind.of(false, null)).as("unsaid: nothing expires that nobody meant to")
                .isEqualTo(RegistrationKind.EXPECTS_NATIONAL_ID);
    }
}
