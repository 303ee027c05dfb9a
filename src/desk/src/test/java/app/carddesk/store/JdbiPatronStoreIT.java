package app.carddesk.store;

import app.carddesk.issuing.OutboxKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.domain.Address;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.identity.PersonRecord;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.issuing.CardStatus;
import app.carddesk.issuing.OutboxEntry;
import app.carddesk.issuing.PatronStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's store against a real H2 database file. */
class JdbiPatronStoreIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private JdbiPatronStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir, KEY);
        store = new JdbiPatronStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Patron patron(String card, IdentityNumber id, String surname, String email, String phone) {
        return new Patron(UUID.randomUUID(), card, id, surname, "Anna", LocalDate.of(1990, 5, 17), email, phone,
                new Address("Vej 1", "1000", "By", "Danmark"), "STUDENT", "KB-SK",
                id == null ? RegistrationKind.EXPECTS_NATIONAL_ID : RegistrationKind.NATIONAL_ID, null,
                PinDelivery.OWN_PIN, true, 0, 0, NOW, "staff1", 1);
    }

    private static AuditEntry audit(UUID id) {
        return new AuditEntry(NOW, "staff1", "desk-1", "DESK_STAFF", "PATRON_ISSUED", id, "kind=TEST");
    }

    private void insert(Patron p) {
        store.insert(p, "$argon2id$hash", audit(p.id()), List.of(new OutboxEntry(p.id(), OutboxKind.PATRON_CREATED, "{}")));
    }

    @Test
    void storesAPatronWithItsCardAuditAndOutboxTogether() {
        Patron p = patron("409900001", null, "Berg", "anna@example.org", "+45 11 22 33 44");
        insert(p);
        assertThat(store.patron(p.id())).contains(p);
        assertThat(store.card("409900001")).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(CardStatus.ISSUED);
            assertThat(c.patronId()).isEqualTo(p.id());
        });
        List<AuditEntry> trail = db.jdbi().withExtension(AuditDao.class, a -> a.forPatron(p.id()));
        assertThat(trail).singleElement().satisfies(a -> {
            assertThat(a.staff()).isEqualTo("staff1");
            assertThat(a.detail()).doesNotContain("Berg").doesNotContain("anna");
        });
        assertThat(db.jdbi().withExtension(OutboxDao.class, OutboxDao::count)).isEqualTo(1);
    }

    @Test
    void refusesATakenCardAndWritesNothingOfTheRefusedPatron() {
        insert(patron("409900001", null, "Berg", null, null));
        Patron second = patron("409900001", null, "Dahl", null, null);
        assertThatThrownBy(() -> insert(second)).isInstanceOf(PatronStore.ConflictException.class)
                .extracting(e -> ((PatronStore.ConflictException) e).code()).isEqualTo("card_number_taken");
        assertThat(store.patron(second.id())).isEmpty();
        assertThat(db.jdbi().withExtension(OutboxDao.class, OutboxDao::count)).isEqualTo(1);
    }

    @Test
    void refusesANationalIdRegisteredTwice() {
        IdentityNumber id = new IdentityNumber(IdentityKind.CPR, "1503901001", LocalDate.of(1990, 3, 15));
        insert(patron("409900001", id, "Berg", null, null));
        assertThatThrownBy(() -> insert(patron("409900002", id, "Berg", null, null)))
                .isInstanceOf(PatronStore.ConflictException.class)
                .extracting(e -> ((PatronStore.ConflictException) e).code()).isEqualTo("identity_already_registered");
        assertThat(store.card("409900002")).isEmpty();
    }

    @Test
    void findsSimilarPatronsByNameAndBirthDateEmailOrPhone() {
        Patron p = patron("409900001", null, "Østergård", "Anna@Example.org", "+45 11 22 33 44");
        insert(p);
        assertThat(store.similar("østergard", "anne", LocalDate.of(1990, 5, 17), null, null, 10)).isEmpty();
        assertThat(store.similar(ContactRules.nameKey("ØSTERGARD"), "anna", LocalDate.of(1990, 5, 17), null, null,
                10))
                .extracting(s -> s.reason()).containsExactly("NAME_BIRTH");
        assertThat(store.similar("x", "y", null, "anna@example.org", null, 10))
                .extracting(s -> s.reason()).containsExactly("EMAIL");
        assertThat(store.similar("x", "y", null, null, "11223344", 10))
                .extracting(s -> s.reason()).containsExactly("PHONE");
        assertThat(store.similar("x", "y", LocalDate.of(1990, 5, 17), "other@example.org", "99999999", 10)).isEmpty();
    }

    @Test
    void convertingKeepsThePatronAndRetiresTheTemporaryCard() {
        Patron p = patron("409900001", null, "Berg", null, null);
        insert(p);
        IdentityNumber cpr = new IdentityNumber(IdentityKind.CPR, "1503901001", LocalDate.of(1990, 3, 15));
        store.convertToNationalId(p.id(), new PersonRecord(cpr, "Lindqvist", "Maja", cpr.birthDate(),
                new Address("Nørregade 12", "1165", "København K", "Danmark")), "409900001", app.carddesk.issuing.KeptContact.ALL, audit(p.id()),
                List.of());
        Patron converted = store.patron(p.id()).orElseThrow();
        assertThat(converted.identity()).isEqualTo(cpr);
        assertThat(converted.registrationKind()).isEqualTo(RegistrationKind.NATIONAL_ID);
        assertThat(converted.cardNumber()).isNull();
        assertThat(converted.version()).isEqualTo(2);
        assertThat(store.card("409900001").orElseThrow().status()).isEqualTo(CardStatus.RETIRED);
        assertThat(store.patronIdByIdentity("1503901001")).contains(p.id());
    }

    @Test
    void deletingRetiresTheCardSoItIsNeverIssuedAgain() {
        Patron p = patron("409900001", null, "Berg", null, null);
        insert(p);
        store.delete(p.id(), audit(p.id()), List.of());
        assertThat(store.patron(p.id())).isEmpty();
        assertThat(store.card("409900001").orElseThrow().status()).isEqualTo(CardStatus.RETIRED);
        assertThatThrownBy(() -> insert(patron("409900001", null, "Dahl", null, null)))
                .extracting(e -> ((PatronStore.ConflictException) e).code()).isEqualTo("card_number_retired");
    }

    @Test
    void survivesARestartOfTheDesk() {
        Patron p = patron("409900001", null, "Berg", null, null);
        insert(p);
        db.close();
        db = Database.open(dir, KEY);
        assertThat(new JdbiPatronStore(db, Clock.systemUTC()).patron(p.id())).contains(p);
        assertThat(Files.exists(dir.resolve("carddesk.mv.db"))).isTrue();
    }

    @Test
    void aNewRegisterHasNoLibraryUntilAConfigurationIsWrittenAndGivesBackTheSameConfiguration() {
        ProfileRepository profiles = new ProfileRepository(db);
        assertThat(profiles.codes()).as("no migration creates a library").isEmpty();
        var demo = app.carddesk.config.ConfigurationFile.bundled("/app/carddesk/config/demo/DEMO-NO.json");

        profiles.apply(demo);

        var no = profiles.load("DEMO-NO").orElseThrow();
        assertThat(no.cardSeries()).singleElement().satisfies(s -> {
            assertThat(s.prefix()).isEqualTo("N");
            assertThat(s.digits()).isEqualTo(9);
        });
        assertThat(no.homeLibrary().code()).isEqualTo("OSL-HOV");
        assertThat(no.categories()).extracting(c -> c.maxAge()).containsExactly(null, 14, null);
        assertThat(profiles.configuration("DEMO-NO").orElseThrow().withVersion(null))
                .as("exported again, the same configuration").isEqualTo(demo);
        assertThat(profiles.version("DEMO-NO")).contains(0);
        assertThat(profiles.load("NOPE")).isEmpty();

        var changed = new app.carddesk.domain.LibraryConfiguration(demo.format(), 7, demo.code(), "Oslo, renamed",
                demo.country(), demo.testProfile(), demo.organisation(), demo.contact(), demo.languages(),
                demo.homeLibrary(), demo.pickupLibraries().subList(0, 1), demo.cardSeries(), demo.categories(),
                demo.guardianAge(), demo.maxShortStayDays(), demo.inactiveYears(), demo.noticeDays(),
                demo.digitalServices(), demo.addressAlerts(), demo.loanRules(), demo.reportNamesStaff());
        profiles.apply(changed);
        assertThat(profiles.configuration("DEMO-NO")).contains(changed);
        assertThat(profiles.load("DEMO-NO").orElseThrow().pickupLibraries()).hasSize(1);
    }
}
