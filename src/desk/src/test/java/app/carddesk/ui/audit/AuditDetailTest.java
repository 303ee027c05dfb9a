package app.carddesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Country;
import app.carddesk.text.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Details as the desks and the central register keep them, read in each of the desk's languages. */
class AuditDetailTest {

    private static final Messages EN = Messages.forLocale(Locale.ENGLISH, Country.DK);
    private static final Messages DA = Messages.forLocale(Locale.forLanguageTag("da"), Country.DK);
    private static final Messages NB = Messages.forLocale(Locale.forLanguageTag("nb"), Country.NO);

    @Test
    void eachPartIsNamedAndItsCodesAreInWords() {
        assertThat(AuditDetail.text(EN, "attempt=lock user=sofie.kjaer by=demo.dk"))
                .isEqualTo("tried to: lock the account; user: sofie.kjaer; by: demo.dk");
        assertThat(AuditDetail.text(DA, "user=ana.berg roles=DESK_STAFF,SUPERVISOR was=DESK_STAFF by=demo.dk"))
                .isEqualTo("bruger: ana.berg; roller: skrankepersonale, "
                        + DA.get("role.SUPERVISOR") + "; før: skrankepersonale; af: demo.dk");
        assertThat(AuditDetail.text(NB, "kind=FNR result=not_in_register"))
                .isEqualTo("type: FNR; resultat: ikke i folkeregisteret");
    }

    @Test
    void theDesksSemicolonsSeparateAsSpacesDoAndYesAndNoAreWords() {
        assertThat(AuditDetail.text(EN, "rules=2;home=false;proof=PIN"))
                .isEqualTo("loan rules version: 2; made their home library: no; proof: the patron’s PIN");
        assertThat(AuditDetail.text(DA, "kind=EXPECTS_NATIONAL_ID;identity=NONE;pin=EMAIL"))
                .isEqualTo("type: " + DA.get("registration.EXPECTS_NATIONAL_ID") + "; identitet: NONE; "
                        + "pinkode: sendt pr. e-mail");
        assertThat(AuditDetail.text(EN, "staff=mette.holm;entries=230"))
                .isEqualTo("staff member: mette.holm; entries: 230");
    }

    @Test
    void theWordsSomeEntriesCarryAreTranslatedWithTheirNumbers() {
        assertThat(AuditDetail.text(DA, "user=ana.berg wrong password 3"))
                .isEqualTo("bruger: ana.berg; forkert adgangskode (3 i træk)");
        assertThat(AuditDetail.text(NB, "user=ana.berg after 5 wrong passwords"))
                .isEqualTo("bruker: ana.berg; etter 5 feil passord");
        assertThat(AuditDetail.text(DA, "unknown user name")).isEqualTo("ukendt brugernavn");
        assertThat(AuditDetail.text(EN, "user=dk.admin by=operator with code"))
                .isEqualTo("user: dk.admin; by: the service’s operator; with the verification code");
    }

    @Test
    void aPeriodsMomentsAreInTheDesksTimeAsTheWhenColumnIs() {
        java.time.Instant since = java.time.Instant.parse("2026-11-30T23:00:00Z");
        assertThat(AuditDetail.text(DA, "staff=mette.holm since=2026-11-30T23:00:00Z until=soon"))
                .isEqualTo("medarbejder: mette.holm; fra: " + DA.time(since) + "; til (ikke medregnet): soon");
    }

    @Test
    void aDesksNameIsKeptWholeAndWhatHasNoWordsYetIsShownAsKept() {
        assertThat(AuditDetail.text(EN, "for=Front desk 2 by=dk.admin")).isEqualTo("for: Front desk 2; by: dk.admin");
        assertThat(AuditDetail.text(EN, "later=SOMETHING_NEW and some words"))
                .isEqualTo("later: SOMETHING_NEW; and some words");
        assertThat(AuditDetail.text(EN, "=cmd|' /C calc'!A0")).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(AuditDetail.text(EN, null)).isEmpty();
        assertThat(AuditDetail.text(EN, " ")).isEmpty();
    }
}
