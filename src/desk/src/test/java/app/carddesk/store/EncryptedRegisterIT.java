package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.DeskBackend;
import app.carddesk.DeskGate;
import app.carddesk.api.DemoStaff;
import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.IssuingService;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.staff.RegisterKey;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's register is unreadable without a staff sign-in (decision 0012): no patron's data is in
 * any file of the data folder in clear, the register opens only with the key a sign-in unseals, a
 * plain register from before is encrypted at the first sign-in with nothing lost, and a wrong key
 * changes nothing.
 */
class EncryptedRegisterIT {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String SURNAME = "Zwartkopfsdottir";

    @TempDir
    Path dir;

    private DeskConfig config() {
        return new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH);
    }

    private static void issue(IssuingService service, String card) {
        IssueOutcome outcome = service.issue(new IssueRequest(service.profile().cardNumberPolicy().check(card).value(),
                RegistrationKind.SHORT_STAY, null, new PatronDetails(SURNAME, "Ingrid", LocalDate.of(1990, 5, 17),
                "ingrid.zwartkopf@example.org", "", new Address("Ravnsborggade 7", "2200", "København N", "")),
                TODAY.plusDays(30), PinDelivery.OWN_PIN, "4826", true, "STUDENT", "KB-SK", "en"));
        assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
    }

    private DeskBackend signedIn(DeskGate gate, String password) {
        assertThat(gate.signIn().signIn(DemoStaff.USERS.get("DEMO-DK"), password))
                .isInstanceOf(StaffSignIn.SignedIn.class);
        return DeskBackend.open(gate);
    }

    @Test
    void noPatronStringIsInAnyFileOfTheDataFolderAndOnlyASignInOpensIt() throws Exception {
        DeskGate gate = DeskGate.open(config(), CLOCK);
        assertThat(gate.signIn().registerKey()).as("nothing before sign-in").isEmpty();
        assertThatThrownBy(() -> DeskBackend.open(gate)).isInstanceOf(IllegalStateException.class);
        RegisterKey key;
        try (DeskBackend desk = signedIn(gate, DemoStaff.PASSWORD)) {
            issue(desk.issuing(), "409900001");
            key = gate.signIn().registerKey().orElseThrow();
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                for (String s : new String[] {SURNAME, "Ravnsborggade", "ingrid.zwartkopf", key.base64(),
                        new String(key.filePassword()), DemoStaff.PASSWORD}) {
                    assertThat(RegisterFiles.occurrences(f, s)).as(f.getFileName() + " holds " + s).isZero();
                }
                assertThat(Files.getPosixFilePermissions(f)).as(f.getFileName().toString())
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(RegisterFiles.occurrencesDecrypted(dir, "carddesk", key, SURNAME))
                .as("the patron is in the register, for whoever has its key").isPositive();

        // The next start: the seal in staff-keys.json opens the register for the right password only.
        DeskGate next = DeskGate.open(config(), CLOCK);
        assertThat(next.signIn().signIn(DemoStaff.USERS.get("DEMO-DK"), "not the password"))
                .isInstanceOf(StaffSignIn.Refused.class);
        assertThat(next.signIn().registerKey()).isEmpty();
        try (DeskBackend desk = signedIn(next, DemoStaff.PASSWORD)) {
            assertThat(next.signIn().registerKey()).contains(key);
            assertThat(desk.issuing().lookUp("409900001")).isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
        }
    }

    @Test
    void aPlainRegisterFromBeforeIsEncryptedAtTheFirstSignInWithNothingLost() throws Exception {
        RegisterKey old = RegisterKey.random();
        try (DeskBackend desk = openWith(old)) {
            issue(desk.issuing(), "409900002");
        }
        // As a register from before encryption: the same file, decrypted.
        org.h2.tools.ChangeFileEncryption.execute(dir.toString(), "carddesk", "AES", old.filePassword(), null, true);
        Files.delete(dir.resolve("staff-keys.json"));
        assertThat(RegisterFiles.occurrences(dir.resolve("carddesk.mv.db"), SURNAME)).isPositive();
        assertThat(Database.encryptedRegisterIn(dir)).isFalse();

        DeskGate gate = DeskGate.open(config(), CLOCK);
        try (DeskBackend desk = signedIn(gate, DemoStaff.PASSWORD)) {
            assertThat(desk.issuing().lookUp("409900002")).isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
        }
        assertThat(Database.encryptedRegisterIn(dir)).isTrue();
        assertThat(RegisterFiles.occurrences(dir.resolve("carddesk.mv.db"), SURNAME)).isZero();
        assertThat(gate.signIn().registerKey().orElseThrow()).isNotEqualTo(old);
    }

    @Test
    void aRegisterOpenInAnotherCardDeskIsSaidSoAndChangesNothing() throws Exception {
        RegisterKey key = RegisterKey.random();
        try (DeskBackend desk = openWith(key)) {
            issue(desk.issuing(), "409900004");
        }
        byte[] before = Files.readAllBytes(dir.resolve("carddesk.mv.db"));
        // Another CardDesk on this computer holds the register's file, as H2 does while it has it open.
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(dir.resolve("carddesk.mv.db"),
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            assertThatThrownBy(() -> Database.openFor(dir, "DEMO-DK", key))
                    .isInstanceOf(Database.RegisterInUseException.class);
        }
        assertThat(Files.readAllBytes(dir.resolve("carddesk.mv.db"))).isEqualTo(before);
        try (DeskBackend again = openWith(key)) {
            assertThat(again.issuing().lookUp("409900004")).as("nothing lost")
                    .isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);
        }
    }

    @Test
    void aWrongKeyOpensNothingAndChangesNothing() throws Exception {
        try (DeskBackend desk = openWith(RegisterKey.random())) {
            issue(desk.issuing(), "409900003");
        }
        byte[] before = Files.readAllBytes(dir.resolve("carddesk.mv.db"));
        assertThatThrownBy(() -> Database.openFor(dir, "DEMO-DK", RegisterKey.random()))
                .isInstanceOf(Database.WrongKeyException.class);
        assertThat(Files.readAllBytes(dir.resolve("carddesk.mv.db"))).isEqualTo(before);
        // Without a seal for the demo account, a desk on its own cannot make up a key for a locked register.
        Files.delete(dir.resolve("staff-keys.json"));
        assertThat(DeskGate.open(config(), CLOCK).signIn().signIn(DemoStaff.USERS.get("DEMO-DK"), DemoStaff.PASSWORD))
                .isEqualTo(new StaffSignIn.Refused("signin.registerKeyMissing"));
    }

    /** A desk whose register was made under {@code key} (its demo account's seal holds it). */
    private DeskBackend openWith(RegisterKey key) {
        String user = DemoStaff.USERS.get("DEMO-DK");
        new StaffKeysFile(dir).save(app.carddesk.staff.StaffKeys.Entry.sealed(user, "Demo", StaffSignIn.DEMO_ROLES,
                StaffSignIn.DEMO_PERMISSIONS, CLOCK.instant(), key, DemoStaff.PASSWORD));
        return signedIn(DeskGate.open(config(), CLOCK), DemoStaff.PASSWORD);
    }
}
