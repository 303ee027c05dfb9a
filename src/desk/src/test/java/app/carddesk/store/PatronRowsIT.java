package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Address;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patron's row is read and written in one place, {@link PatronRows}: a column added to the
 * table without it fails here, and every field comes back as it went in.
 */
class PatronRowsIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    @TempDir
    Path dir;

    private static Patron patron() {
        return new Patron(UUID.randomUUID(), "409912345", new IdentityNumber(IdentityKind.CPR, "0101901234",
                LocalDate.of(1990, 1, 1)), "Müller", "Åse", LocalDate.of(1990, 1, 1), "ase@example.org",
                "+45 12 34 56 78", new Address("Vej 1", "1000", "København K", "Danmark"), "ADULT", "KB-SK",
                RegistrationKind.NATIONAL_ID, LocalDate.of(2027, 3, 1), PinDelivery.OWN_PIN, true, 1250, 300,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "desk-1", 3);
    }

    @Test
    void everyColumnOfThePatronTableIsWrittenByTheOneMapping() {
        try (Database db = Database.open(dir, KEY)) {
            List<String> table = db.jdbi().withHandle(h -> h.createQuery("SELECT LOWER(COLUMN_NAME) FROM "
                    + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'PATRON'").mapTo(String.class).list());
            Set<String> written = new TreeSet<>(PatronRows.columns(patron(), "hash").keySet());
            written.add("central_version"); // the sync ledger's, not the patron's
            assertThat(new TreeSet<>(table)).isEqualTo(written);
        }
    }

    @Test
    void aPatronComesBackAsTheyWereWritten() {
        Patron p = patron();
        try (Database db = Database.open(dir, KEY)) {
            db.jdbi().useExtension(PatronDao.class, dao -> dao.insert(p, "argon2-hash"));
            StoredPatron back = db.jdbi().withExtension(PatronDao.class, dao -> dao.byId(p.id())).orElseThrow();
            assertThat(back.patron()).isEqualTo(p);
            assertThat(back.pinHash()).isEqualTo("argon2-hash");
            String key = db.jdbi().withHandle(h -> h.createQuery("SELECT surname_key FROM patron").mapTo(String.class)
                    .one());
            assertThat(key).isEqualTo("muller");
        }
    }

    @Test
    void aBatchOfRowsAsAPullWritesThemComesBackAsWritten() {
        Patron first = patron();
        Patron second = new Patron(UUID.randomUUID(), "409912346", null, "陈", "静", LocalDate.of(2015, 2, 28), null,
                null, new Address("", "", "", ""), "CHILD", "KB-SK", RegistrationKind.SHORT_STAY,
                LocalDate.of(2027, 1, 31), PinDelivery.EMAIL, false, 0, 0, first.createdAt().plusSeconds(1), "central",
                1);
        java.util.Map<String, Object> a = PatronRows.columns(first, null);
        a.put("central_version", 4);
        java.util.Map<String, Object> b = PatronRows.columns(second, null);
        b.put("central_version", 1);
        try (Database db = Database.open(dir, KEY)) {
            db.jdbi().useTransaction(h -> h.attach(PatronDao.class).insertRows(List.of(a, b)));
            List<StoredPatron> back = db.jdbi().withExtension(PatronDao.class,
                    dao -> dao.byIds(List.of(first.id(), second.id())));
            assertThat(back).extracting(StoredPatron::patron).containsExactlyInAnyOrder(first, second);
            List<Integer> versions = db.jdbi().withHandle(h -> h.createQuery("SELECT central_version FROM patron "
                    + "ORDER BY central_version").mapTo(Integer.class).list());
            assertThat(versions).containsExactly(1, 4);
        }
    }

    @Test
    void theCentralsVersionChangesOnlyTheColumnsTheCentralOwns() {
        Patron p = patron();
        Patron central = new Patron(p.id(), "409954321", null, "Berg", "Anna", p.birthDate(), null, null,
                new Address("Gade 2", "8000", "Aarhus C", "Danmark"), "STUDENT", "AAB",
                RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL, false, 0, 0,
                p.createdAt().plusSeconds(60), "central", 9);
        try (Database db = Database.open(dir, KEY)) {
            db.jdbi().useExtension(PatronDao.class, dao -> dao.insert(p, "argon2-hash"));
            int changed = db.jdbi().withExtension(SyncDao.class, dao -> dao.updateFromCentral(central, 7,
                    Instant.now()));
            assertThat(changed).isOne();
            StoredPatron back = db.jdbi().withExtension(PatronDao.class, dao -> dao.byId(p.id())).orElseThrow();
            assertThat(back.patron().surname()).isEqualTo("Berg");
            assertThat(back.patron().identity()).isNull();
            assertThat(back.patron().cardNumber()).isEqualTo("409954321");
            assertThat(back.patron().address().city()).isEqualTo("Aarhus C");
            assertThat(back.patron().pinDelivery()).as("the desk's own").isEqualTo(PinDelivery.OWN_PIN);
            assertThat(back.patron().createdBy()).isEqualTo("desk-1");
            assertThat(back.patron().version()).isEqualTo(3);
            assertThat(back.pinHash()).isEqualTo("argon2-hash");
            Integer version = db.jdbi().withHandle(h -> h.createQuery("SELECT central_version FROM patron")
                    .mapTo(Integer.class).one());
            assertThat(version).isEqualTo(7);
            String key = db.jdbi().withHandle(h -> h.createQuery("SELECT surname_key FROM patron")
                    .mapTo(String.class).one());
            assertThat(key).isEqualTo("berg".toLowerCase(Locale.ROOT));
        }
    }
}
