package app.carddesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Country;
import app.carddesk.issuing.NationalRegister.Retention;
import app.carddesk.text.Messages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RetentionTextTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final LocalDate WINTER = LocalDate.of(2026, 12, 4);
    private static final LocalDate SUMMER = LocalDate.of(2026, 7, 1);

    @Test
    void aNorwegianLibrarysPeriodsAndTheDailyRunInTheDesksTime() {
        Messages nb = Messages.forLocale(Locale.forLanguageTag("nb"), Country.NO);
        Retention oslo = new Retention(LocalTime.of(2, 30), 60, 365, 3, 30);
        assertThat(RetentionText.of(nb, oslo, ZoneId.of("Europe/Oslo"), WINTER)).isEqualTo("Så lenge lagrer det "
                + "sentrale registeret: dette revisjonssporet i 60 måneder; et kort opphold til utløpsdatoen (høyst 365 "
                + "dager); en låner uten aktivitet i 3 år, som får varsel 30 dager før slettingen. Det som har gått ut "
                + "på tid, slettes hver dag kl. 03:30; en låner med lån, gebyrer eller utskriftskreditt havner i stedet "
                + "på en liste til de ansatte.");
        assertThat(RetentionText.of(nb, oslo, ZoneId.of("Europe/Oslo"), SUMMER)).as("summer time")
                .contains("hver dag kl. 04:30");
    }

    @Test
    void aDanishLibraryWithoutAnInactivityPeriodKeepsItsAuditForGoodAndDeletesByCommand() {
        Retention dk = new Retention(null, null, 90, null, 30);
        String da = RetentionText.of(Messages.forLocale(Locale.forLanguageTag("da"), Country.DK), dk, COPENHAGEN,
                WINTER);
        assertThat(da).contains("dette revisionsspor for altid", "højst 90 dage",
                "en midlertidig post hvis CPR-nummer aldrig kom, indtil personalet afmelder dem",
                "Den daglige sletning er slået fra");
        assertThat(RetentionText.of(Messages.forLocale(Locale.forLanguageTag("nb"), Country.DK), dk, COPENHAGEN,
                WINTER)).as("Norwegian at a Danish library names the CPR number").contains("der CPR-nummeret aldri kom");
        assertThat(RetentionText.of(Messages.forLocale(Locale.ENGLISH, Country.DK), dk, COPENHAGEN, WINTER))
                .contains("this audit for good", "whose national ID never came",
                        "the central register’s operator runs it by command");
    }

    @Test
    void oneMonthAndOneYearAreSaidInTheSingular() {
        String en = RetentionText.of(Messages.forLocale(Locale.ENGLISH, Country.NO),
                new Retention(LocalTime.of(23, 30), 1, 30, 1, 14), ZoneId.of("UTC"), WINTER);
        assertThat(en).contains("this audit for one month;", "without activity for one year, who is sent a notice 14 days",
                "every day at 23:30");
        assertThat(RetentionText.of(Messages.forLocale(Locale.ENGLISH), null, COPENHAGEN, WINTER))
                .as("not read (yet)").isEmpty();
    }
}
