package app.carddesk;

import app.carddesk.api.DemoStaff;
import app.carddesk.api.Json;
import app.carddesk.staff.SignedInStaff;
import app.carddesk.staff.StaffKeys;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.staff.WorkstationEnrolment;
import app.carddesk.store.DataFolder;
import app.carddesk.store.Database;
import app.carddesk.store.SettingsFile;
import app.carddesk.store.StaffKeysFile;
import app.carddesk.sync.CentralClient;
import app.carddesk.sync.CentralEnroller;
import app.carddesk.sync.CentralStaffDirectory;
import app.carddesk.ui.DeskConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What the desk has before anyone signs in (decision 0012): its settings, the staff keys beside
 * the register, the sign-in and the enrolment. Nothing here reads the register, which is encrypted
 * and opens with the key a sign-in produces ({@link DeskBackend#open(DeskGate)}).
 */
public final class DeskGate {

    private final DeskConfig config;
    private final Clock clock;
    private final StaffKeys keys;
    private final SignedInStaff staff;
    private final StaffSignIn signIn;
    private final Optional<CentralClient> client;
    private final Optional<WorkstationEnrolment> enrolment;

    private DeskGate(DeskConfig config, Clock clock, StaffKeys keys, SignedInStaff staff, StaffSignIn signIn,
                     Optional<CentralClient> client, Optional<WorkstationEnrolment> enrolment) {
        this.config = config;
        this.clock = clock;
        this.keys = keys;
        this.staff = staff;
        this.signIn = signIn;
        this.client = client;
        this.enrolment = enrolment;
    }

    public static DeskGate open(DeskConfig config, Clock clock) {
        DataFolder.prepare(config.dataDir());
        StaffKeys keys = new StaffKeysFile(config.dataDir());
        SignedInStaff staff = SignedInStaff.onThisWorkstation();
        java.util.function.BooleanSupplier locked = () -> Database.encryptedRegisterIn(config.dataDir());
        if (!config.hasCentral()) {
            // Only a desk on its own with a demo library profile lets the demo account in.
            String demoUser = DemoStaff.USERS.get(config.profile());
            StaffSignIn signIn = new StaffSignIn(Optional.empty(), keys, staff, clock, config.signInGrace(), locked,
                    demoUser, DemoStaff.PASSWORD);
            return new DeskGate(config, clock, keys, staff, signIn, Optional.empty(), Optional.of(
                    new WorkstationEnrolment(new CentralEnroller(config.centralTls()).withDesk(keys::deskId),
                            new SettingsFile(config.dataDir()))));
        }
        CentralClient client = new CentralClient(CentralClient.urls(config.centralUrl()), config.centralToken(),
                Json.mapper(), Duration.ofSeconds(2), config.centralTls());
        client.identifyAs(keys.deskId());
        StaffSignIn signIn = new StaffSignIn(Optional.of(new CentralStaffDirectory(client)), keys, staff, clock,
                config.signInGrace(), locked, null, null);
        return new DeskGate(config, clock, keys, staff, signIn, Optional.of(client), Optional.empty());
    }

    public DeskConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public StaffKeys keys() {
        return keys;
    }

    public SignedInStaff staff() {
        return staff;
    }

    public StaffSignIn signIn() {
        return signIn;
    }

    /** The central register, when the desk has one. */
    public Optional<CentralClient> client() {
        return client;
    }

    /** Joining an organisation: a desk on its own only. */
    public Optional<WorkstationEnrolment> enrolment() {
        return enrolment;
    }

    /** The library's name for the sign-in screen: as the register last had it, else its code. */
    public String libraryName() {
        return keys.libraryName().orElse(config.profile());
    }
}
