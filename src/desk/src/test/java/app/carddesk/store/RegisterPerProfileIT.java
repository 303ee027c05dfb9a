package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desk switched to another library profile never sees, nor sends, the first library's patrons. */
class RegisterPerProfileIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    @TempDir
    Path dir;

    private static void issue(DeskBackend desk, String card) {
        var issuing = desk.issuing();
        var outcome = issuing.issue(new app.carddesk.issuing.IssueRequest(issuing.profile().cardNumberPolicy()
                .check(card).value(), RegistrationKind.EXPECTS_NATIONAL_ID, null, new app.carddesk.issuing
                .PatronDetails("Berg", "Anna", java.time.LocalDate.of(1990, 5, 17), "", "",
                new app.carddesk.domain.Address("Vej 1", "1000", "København K", "")), null,
                app.carddesk.domain.PinDelivery.OWN_PIN, "4826", true, issuing.profile().categories().get(0).code(),
                issuing.profile().homeLibraryCode(), "en"));
        assertThat(outcome).isInstanceOf(app.carddesk.issuing.IssueOutcome.Issued.class);
    }

    private static long outbox(DeskBackend desk) {
        return desk.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
                .mapTo(Long.class).one());
    }

    @Test
    void eachProfileKeepsARegisterOfItsOwn() {
        try (DeskBackend dk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())) {
            issue(dk, "409900001");
            assertThat(dk.database().file().getFileName().toString()).isEqualTo("carddesk");
        }
        try (DeskBackend no = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-NO", Locale.ENGLISH), Clock.systemUTC())) {
            assertThat(no.database().file().getFileName().toString()).isEqualTo("carddesk-DEMO-NO");
            assertThat(outbox(no)).as("nothing of the Danish library waits to be sent").isZero();
            assertThat(no.issuing().lookUp("409900001")).isNotInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
            issue(no, "N000000001");
        }
        try (DeskBackend dk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())) {
            assertThat(dk.issuing().lookUp("409900001")).isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
            assertThat(outbox(dk)).isEqualTo(1);
        }
        assertThat(Files.exists(dir.resolve("carddesk-DEMO-NO.mv.db"))).isTrue();
    }

    @Test
    void aRegisterFromBeforeOwnersIsClaimedOnlyWhenItsCardsAreTheProfiles() {
        try (Database db = Database.open(dir, KEY)) {
            // Registers from before owners had the demo profiles from their migrations.
            new ProfileRepository(db).apply(app.carddesk.config.ConfigurationFile.bundled(
                    "/app/carddesk/config/demo/DEMO-DK.json"));
            db.jdbi().useHandle(h -> h.execute("INSERT INTO card (number, status, issued_at) "
                    + "VALUES ('409900009', 'ISSUED', CURRENT_TIMESTAMP)"));
        }
        try (Database no = Database.openFor(dir, "DEMO-NO", KEY)) {
            assertThat(no.file().getFileName().toString()).isEqualTo("carddesk-DEMO-NO");
        }
        try (Database dk = Database.openFor(dir, "DEMO-DK", KEY)) {
            assertThat(dk.file().getFileName().toString()).isEqualTo("carddesk");
        }
    }

    @Test
    void theDataFolderAndItsFilesAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("desk");
        try (DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(folder, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())) {
            issue(desk, "409900002");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        for (String file : new String[] {"carddesk.mv.db", "carddesk.log"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.resolve(file)))).as(file).isEqualTo("rw-------");
        }
    }
}
