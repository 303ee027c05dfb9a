package app.carddesk.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.domain.Address;
import app.carddesk.domain.CardNumber;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.identity.PersonRecord;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuing use cases on a real store: every rule is checked again before anything is saved. */
class IssuingServiceIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;
    private DeskBackend backend;
    private IssuingService service;

    @BeforeEach
    void open() {
        backend = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH),
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        service = backend.issuing();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private IssueRequest request(String card, RegistrationKind kind, IdentityNumber id, String pin,
                                 LocalDate expires) {
        CardNumber number = service.profile().cardNumberPolicy().check(card).value();
        return new IssueRequest(number, kind, id, new PatronDetails("Berg", "Anna", LocalDate.of(1990, 5, 17), "",
                "", new Address("Vej 1", "1000", "København K", "")), expires,
                pin == null ? PinDelivery.EMAIL : PinDelivery.OWN_PIN, pin, true, "STUDENT", "KB-SK", "en");
    }

    private static String key(IssueOutcome outcome) {
        return ((IssueOutcome.Refused) outcome).problem().key();
    }

    @Test
    void aBlankCardOutsideTheLibrarysReservedNumbersIsNotTaken() {
        try (DeskBackend oslo = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("oslo"), "DEMO-NO",
                Locale.ENGLISH), Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))) {
            assertThat(oslo.issuing().lookUp("N000000777")).isInstanceOf(CardLookup.Free.class);
            // Bergen's stock shares the prefix N; its blank cards are not Oslo's to issue.
            assertThat(oslo.issuing().lookUp("N010000001")).isInstanceOfSatisfying(CardLookup.Invalid.class,
                    invalid -> assertThat(invalid.problem().key()).isEqualTo("card.notReserved"));
        }
    }

    @Test
    void aNewGuardianIsRegisteredInTheCategoryStaffChoseWhichMustFitTheirAge() {
        try (DeskBackend oslo = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("oslo"), "DEMO-NO",
                Locale.ENGLISH), Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))) {
            IssuingService issuing = oslo.issuing();
            PatronDetails parent = new PatronDetails("Haugen", "Kari", LocalDate.of(1985, 4, 4), "kari@example.org",
                    "", null);
            java.util.function.Function<String, IssueOutcome> child = category -> issuing.issue(new IssueRequest(
                    issuing.profile().cardNumberPolicy().check("N000000777").value(),
                    RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Haugen", "Ola",
                    LocalDate.of(2016, 2, 3), "", "", new Address("Gate 1", "0150", "Oslo", "")), null,
                    PinDelivery.OWN_PIN, "4826", true, "CHILD", "OSL-HOV", "nb",
                    GuardianChoice.registered(parent, category, java.time.Instant.now())));

            assertThat(key(child.apply(null))).isEqualTo("guardian.category");
            assertThat(key(child.apply("NOT-A-CATEGORY"))).isEqualTo("guardian.category");
            // Oslo's CHILD category is for 14 and younger; the guardian is 41.
            IssueOutcome tooOld = child.apply("CHILD");
            assertThat(((IssueOutcome.Refused) tooOld).problem()).isEqualTo(Problem.of("guardian.tooOld", "CHILD", 14,
                    41));
            assertThat(issuing.lookUp("N000000777")).as("nothing is saved").isInstanceOf(CardLookup.Free.class);

            UUID childId = ((IssueOutcome.Issued) child.apply("ADULT")).patronId();
            UUID guardianId = oslo.issuing().upkeep().relatives(childId).get(0).id();
            assertThat(issuing.patron(guardianId).orElseThrow().categoryCode()).isEqualTo("ADULT");
        }
    }

    @Test
    void aChildsRecordDoesNotTakeOnAnAdultsNationalId() {
        try (DeskBackend oslo = app.carddesk.SignedInDesk.open(new DeskConfig(dir.resolve("oslo"), "DEMO-NO",
                Locale.ENGLISH), Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))) {
            IssuingService issuing = oslo.issuing();
            UUID childId = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(
                    issuing.profile().cardNumberPolicy().check("N000000778").value(),
                    RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Haugen", "Ola",
                    LocalDate.of(2016, 2, 3), "", "", new Address("Gate 1", "0150", "Oslo", "")), null,
                    PinDelivery.OWN_PIN, "4826", true, "CHILD", "OSL-HOV", "nb",
                    GuardianChoice.registered(new PatronDetails("Haugen", "Kari", LocalDate.of(1985, 4, 4),
                            "kari@example.org", "", null), "ADULT", java.time.Instant.now())))).patronId();
            // Staff confirmed "the same person", but the register's Ola Haugen is an adult: CHILD is for 14 and younger.
            PersonRecord adult = ((FetchResult.Found) issuing.fetch(issuing.checkIdentity("02870151236").value()))
                    .person();
            int age = java.time.Period.between(adult.birthDate(), TODAY).getYears();
            Problem refused = Problem.of("convert.category.tooOld", 14, age, adult.birthDate());
            assertThat(issuing.upkeep().categoryAfterConversion(issuing.patron(childId).orElseThrow(),
                    adult.birthDate())).contains(refused);
            assertThat(issuing.upkeep().registerNationalId(childId, adult)).contains(refused);
            assertThat(issuing.patron(childId).orElseThrow().identity()).as("nothing is stored").isNull();
            assertThat(issuing.lookUp("N000000778")).isInstanceOf(CardLookup.Issued.class);
        }
    }

    @Test
    void theLastGuardianOfAChildStaysUntilTheChildIsUnsubscribedFirst() {
        PatronDetails parent = new PatronDetails("Jensen", "Mikkel", LocalDate.of(1984, 8, 12), "mikkel@example.org",
                "", null);
        UUID childId = ((IssueOutcome.Issued) service.issue(new IssueRequest(
                service.profile().cardNumberPolicy().check("409900009").value(), RegistrationKind.EXPECTS_NATIONAL_ID,
                null, new PatronDetails("Jensen", "Alma", LocalDate.of(2016, 2, 3), "", "",
                new Address("Vej 1", "1000", "København K", "")), null, PinDelivery.OWN_PIN, "4826", true, "STUDENT",
                "KB-SK", "da", GuardianChoice.registered(parent, "PUBLIC", java.time.Instant.now())))).patronId();
        UUID guardianId = service.upkeep().relatives(childId).get(0).id();
        MembershipService memberships = backend.memberships();

        MembershipService.Unsubscribed refused = memberships.unsubscribe(guardianId);
        assertThat(refused.problem()).isEqualTo(Problem.of("unsubscribe.lastGuardian", "Mikkel Jensen", "Alma Jensen",
                18));
        assertThat(service.patron(guardianId)).as("nothing was changed").isPresent();
        assertThat(service.upkeep().relatives(childId)).hasSize(1);

        assertThat(memberships.unsubscribe(childId).problem()).isNull();
        assertThat(memberships.unsubscribe(guardianId).problem()).as("the child unsubscribed first").isNull();
        assertThat(service.patron(guardianId)).isEmpty();
    }

    @Test
    void refusesWhatTheScreenShouldHaveCaughtWithoutStoringAnything() {
        assertThat(key(service.issue(request("409900001", RegistrationKind.EXPECTS_NATIONAL_ID, null, "1234",
                null)))).isEqualTo("pin.weak.run");
        assertThat(key(service.issue(request("409900001", RegistrationKind.EXPECTS_NATIONAL_ID, null, "0001",
                null)))).as("the card's last four digits").isEqualTo("pin.weak.seen");
        assertThat(key(service.issue(request("409900001", RegistrationKind.EXPECTS_NATIONAL_ID, null, null,
                null)))).isEqualTo("pin.emailNeeded");
        assertThat(key(service.issue(request("409900001", RegistrationKind.SHORT_STAY, null, "4826",
                TODAY)))).isEqualTo("expiry.notFuture");
        assertThat(key(service.issue(request("409900001", RegistrationKind.NATIONAL_ID, null, "4826",
                null)))).isEqualTo("issue.identityMissing");
        assertThat(service.lookUp("409900001")).isInstanceOf(CardLookup.Free.class);
    }

    @Test
    void aPatronWhoMatchesForTwoReasonsIsListedOnceAmongTheSimilar() {
        IssueOutcome outcome = service.issue(new IssueRequest(service.profile().cardNumberPolicy().check("409900003")
                .value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new PatronDetails("Berg", "Anna",
                LocalDate.of(1990, 5, 17), "anna.berg@example.org", "", new Address("Vej 1", "1000", "København K",
                "")), null, PinDelivery.OWN_PIN, "4826", true, "STUDENT", "KB-SK", "en"));
        UUID id = ((IssueOutcome.Issued) outcome).patronId();

        var similar = service.similar(new PatronDetails("Berg", "Anna", LocalDate.of(1990, 5, 17),
                "anna.berg@example.org", "", new Address("Vej 2", "1000", "København K", "")));

        assertThat(similar).extracting(app.carddesk.issuing.PatronSummary::id).containsExactly(id);
        assertThat(similar.get(0).reason()).as("with both reasons").isEqualTo("NAME_BIRTH,EMAIL");
        assertThat(new app.carddesk.store.JdbiPatronStore(backend.database(), Clock.systemUTC()).similar("berg", "anna",
                LocalDate.of(1990, 5, 17), "anna.berg@example.org", null, 20))
                .as("the register finds the patron once for each reason").hasSize(2);
    }

    @Test
    void issuesOnceAndThenOpensThePatronForTheSameCard() {
        IssueOutcome outcome = service.issue(request("409900001", RegistrationKind.SHORT_STAY, null, "4826",
                TODAY.plusDays(30)));
        UUID id = ((IssueOutcome.Issued) outcome).patronId();
        assertThat(service.lookUp("4099 00001")).isEqualTo(new CardLookup.Issued(
                service.profile().cardNumberPolicy().check("409900001").value(), id));
        assertThat(key(service.issue(request("409900001", RegistrationKind.SHORT_STAY, null, "4826",
                TODAY.plusDays(30))))).isEqualTo("issue.conflict.card_number_taken");
    }

    @Test
    void fetchSaysWhenTheNationalIdIsRegisteredAlready() {
        IdentityNumber cpr = service.checkIdentity("1503901001").value();
        FetchResult first = service.fetch(cpr);
        assertThat(first).isInstanceOf(FetchResult.Found.class);
        PersonRecord maja = ((FetchResult.Found) first).person();
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900002", RegistrationKind.NATIONAL_ID, cpr,
                "4826", null))).patronId();
        assertThat(service.fetch(cpr)).isEqualTo(new FetchResult.AlreadyRegistered(id));
        assertThat(maja.surname()).isEqualTo("Lindqvist");
        assertThat(service.fetch(service.checkIdentity("0707611006").value()))
                .isInstanceOf(FetchResult.NotFound.class);
    }

    @Test
    void convertingATemporaryPatronStopsWhenTheIdBelongsToAnother() {
        IdentityNumber cpr = service.checkIdentity("1503901001").value();
        PersonRecord maja = ((FetchResult.Found) service.fetch(cpr)).person();
        UUID temporary = ((IssueOutcome.Issued) service.issue(request("409900003",
                RegistrationKind.EXPECTS_NATIONAL_ID, null, "4826", null))).patronId();
        service.issue(request("409900004", RegistrationKind.NATIONAL_ID, cpr, "4826", null));
        assertThat(service.upkeep().registerNationalId(temporary, maja)).map(Problem::key)
                .contains("issue.conflict.identity_already_registered");
        assertThat(service.lookUp("409900003")).isInstanceOf(CardLookup.Issued.class);
    }

    @Test
    void aPatronOnAReplacementNumberIsReRegisteredOnTheRealCprAndKeepsTheCard() {
        IdentityNumber replacement = service.checkIdentity("7503901234").value();
        assertThat(replacement.needsReRegistration()).isTrue();
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900009", RegistrationKind.NATIONAL_ID,
                replacement, "4826", null))).patronId();
        PersonRecord maja = ((FetchResult.Found) service.fetch(service.checkIdentity("1503901001").value())).person();
        assertThat(service.upkeep().registerNationalId(id, maja)).isEmpty();
        assertThat(service.patron(id).orElseThrow().identity().number()).isEqualTo("1503901001");
        assertThat(service.patron(id).orElseThrow().identity().needsReRegistration()).isFalse();
        assertThat(service.lookUp("409900009")).as("the patron keeps their card").isInstanceOf(
                CardLookup.Issued.class);
        assertThat(service.upkeep().registerNationalId(id, maja)).map(Problem::key).contains("convert.hasIdentity");
    }

    @Test
    void aDNumberMovesOnToAFodselsnummerAndKeepsTheCard() {
        IdentityNumber dNumber = service.checkIdentity("41019012393").value();
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900012", RegistrationKind.NATIONAL_ID, dNumber,
                "4826", null))).patronId();
        IdentityNumber fnr = service.checkIdentity("14839512318").value();
        PersonRecord ingrid = ((FetchResult.Found) service.fetch(fnr)).person();
        assertThat(service.upkeep().registerNationalId(id, ingrid)).isEmpty();
        assertThat(service.patron(id).orElseThrow().identity().kind()).isEqualTo(app.carddesk.domain.IdentityKind.FNR);
        assertThat(service.lookUp("409900012")).isInstanceOf(CardLookup.Issued.class);
        PersonRecord maja = ((FetchResult.Found) service.fetch(service.checkIdentity("1503901001").value())).person();
        assertThat(service.upkeep().registerNationalId(id, maja)).map(Problem::key).contains("convert.hasIdentity");
    }

    @Test
    void keepsExpiredPatronsWithABalance() {
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900005", RegistrationKind.SHORT_STAY, null,
                "4826", TODAY.plusDays(2)))).patronId();
        assertThat(service.upkeep().deleteExpired(id)).map(Problem::key).contains("expiring.notExpired");
        backend.database().jdbi().useHandle(h -> h.execute("UPDATE patron SET expires_on = ? WHERE id = ?",
                TODAY.minusDays(1), id));
        service.upkeep().updateBalances(id, 0, 500);
        assertThat(service.upkeep().deleteExpired(id)).map(Problem::key).contains("expiring.keptBalance");
        service.upkeep().updateBalances(id, 0, 0);
        assertThat(service.upkeep().deleteExpired(id)).isEmpty();
        assertThat(service.lookUp("409900005")).isInstanceOf(CardLookup.Retired.class);
    }

    @Test
    void givesAPatronANewCardAndRetiresTheLostOneWithItsReason() {
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900020", RegistrationKind.EXPECTS_NATIONAL_ID,
                null, "4826", null))).patronId();
        assertThat(service.upkeep().issueNewCard(id, "409900021", null)).map(Problem::key)
                .contains("newCard.reasonRequired");
        assertThat(service.upkeep().issueNewCard(id, "409900020", PatronUpkeep.CardReplacement.LOST)).map(Problem::key)
                .contains("issue.conflict.card_number_taken");
        assertThat(service.upkeep().issueNewCard(id, "12345", PatronUpkeep.CardReplacement.LOST)).isPresent();
        assertThat(service.upkeep().issueNewCard(id, "409900021", PatronUpkeep.CardReplacement.LOST)).isEmpty();
        assertThat(service.patron(id).orElseThrow().cardNumber()).isEqualTo("409900021");
        assertThat(service.lookUp("409900020")).isInstanceOf(CardLookup.Retired.class);
        String reason = backend.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT retired_reason FROM card WHERE number = '409900020'").mapTo(String.class).one());
        assertThat(reason).isEqualTo("LOST");
        assertThat(service.lookUp("409900021")).isInstanceOf(CardLookup.Issued.class);
        assertThat(service.upkeep().issueNewCard(id, "409900020", PatronUpkeep.CardReplacement.LOST)).map(Problem::key)
                .contains("issue.conflict.card_number_retired");
    }

    @Test
    void changesContactDataWithTheChecksOfRegistration() {
        UUID id = ((IssueOutcome.Issued) service.issue(request("409900022", RegistrationKind.EXPECTS_NATIONAL_ID,
                null, "4826", null))).patronId();
        Address abroad = new Address("Rue de Rivoli 1", "75001", "Paris", "France");
        assertThat(service.upkeep().changeContact(id, "not-an-address", "", abroad)).map(Problem::key)
                .contains("details.email.invalid");
        assertThat(service.upkeep().changeContact(id, "anna@example.org", "", new Address("Vej 1", "75001", "Aarhus", "")))
                .map(Problem::key).contains("details.postalCode.DK");
        assertThat(service.upkeep().changeContact(id, "anna@example.org", "+33 1 23 45 67 89", abroad)).isEmpty();
        var p = service.patron(id).orElseThrow();
        assertThat(p.email()).isEqualTo("anna@example.org");
        assertThat(p.address().city()).isEqualTo("Paris");
    }
}
