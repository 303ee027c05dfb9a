package app.carddesk;

import app.carddesk.domain.LibraryProfile;
import app.carddesk.identity.StandInPopulationRegister;
import app.carddesk.issuing.CurrentProfile;
import app.carddesk.issuing.IssuingService;
import app.carddesk.security.Argon2PinHasher;
import app.carddesk.staff.SignedInStaff;
import app.carddesk.staff.StaffSignIn;
import app.carddesk.store.Database;
import app.carddesk.store.JdbiPatronStore;
import app.carddesk.store.ProfileRepository;
import app.carddesk.ui.DeskConfig;
import app.carddesk.api.Json;
import app.carddesk.store.JdbiSyncLedger;
import app.carddesk.sync.AttentionService;
import app.carddesk.sync.CentralClient;
import app.carddesk.sync.CentralPopulationRegister;
import app.carddesk.sync.SyncService;
import java.time.Clock;
import java.util.Optional;

/**
 * The non-visual half of the composition root: the local store and the use cases on it. Built
 * off the JavaFX thread while the window already shows, because opening H2 and migrating takes
 * the better part of a second.
 */
public record DeskBackend(DeskConfig config, Database database, LibraryProfile profile, IssuingService issuing,
                          app.carddesk.issuing.MembershipService memberships, Optional<SyncService> sync, Optional<AttentionService> attention,
                          Optional<app.carddesk.sync.SyncTimer> syncTimer, app.carddesk.staff.StaffSignIn signIn,
                          Optional<app.carddesk.staff.WorkstationEnrolment> enrolment,
                          Optional<app.carddesk.staff.StaffAdministration> administration,
                          Optional<app.carddesk.staff.LibrarySettingsKeeper> librarySettings)
        implements AutoCloseable {

    /** The library's profile now: a sync replaces it when the library's configuration changed. */
    @Override
    public LibraryProfile profile() {
        return issuing.profile();
    }

    /** Thrown when the configured library profile is not in the store. */
    public static final class UnknownProfileException extends RuntimeException {
        private final String profile;
        private final String known;

        UnknownProfileException(String profile, String known) {
            super("unknown library profile " + profile);
            this.profile = profile;
            this.known = known;
        }

        public String profile() {
            return profile;
        }

        public String known() {
            return known;
        }
    }

    /**
     * Opens the register with the key the gate's sign-in produced (decision 0012), encrypting a plain
     * register from before on the way, and builds the use cases on it.
     *
     * @throws IllegalStateException when nobody has signed in at the gate
     */
    public static DeskBackend open(DeskGate gate) {
        DeskConfig config = gate.config();
        Clock clock = gate.clock();
        app.carddesk.staff.RegisterKey key = gate.signIn().registerKey()
                .orElseThrow(() -> new IllegalStateException("the register opens after a sign-in"));
        Database db = Database.openFor(config.dataDir(), config.profile(), key);
        app.carddesk.store.DataFolder.restrictFiles(config.dataDir());
        try {
            keepAudit(config, db, clock);
            recordSignIns(gate.staff(), gate.keys(), db, clock);
            ProfileRepository profiles = new ProfileRepository(db);
            Optional<app.carddesk.sync.ConfigurationPull> configuration = gate.client().map(c ->
                    new app.carddesk.sync.ConfigurationPull(c, profiles, config.profile()));
            // Signed in offline, the central register did not answer a moment ago: the first sync asks.
            boolean answered = gate.staff().current().map(s -> !s.offline()).orElse(false);
            configure(configuration.filter(c -> answered), profiles, config.profile());
            // A new register is claimed once its library's profile is in it.
            db.ownedBy(config.profile());
            CurrentProfile current = new CurrentProfile(profiles.load(config.profile()).orElseThrow(
                    () -> new UnknownProfileException(config.profile(), String.join(", ", profiles.codes()))));
            LibraryProfile profile = current.get();
            gate.keys().libraryName(profile.name());
            SignedInStaff staff = gate.staff();
            StaffSignIn signIn = gate.signIn();
            if (gate.client().isEmpty()) {
                JdbiPatronStore store = new JdbiPatronStore(db, clock);
                IssuingService issuing = new IssuingService(current, store,
                        StandInPopulationRegister.lazilyWithBundledFixture(), Argon2PinHasher.occasional(), staff, clock,
                        app.carddesk.issuing.CentralLookup.none());
                signIn.registerOpened();
                // A desk on its own keeps its library's settings itself, and works with a change at once.
                app.carddesk.store.LocalLibrarySettings settings = new app.carddesk.store.LocalLibrarySettings(db,
                        config.profile(), clock, changed -> profiles.load(config.profile()).ifPresent(current::set),
                        detail -> staff.audit(clock, "CONFIGURATION_CHANGED", null, detail));
                return new DeskBackend(config, db, profile, issuing, new app.carddesk.issuing.MembershipService(current,
                        app.carddesk.issuing.NationalRegister.none(), store, staff, clock), Optional.empty(),
                        Optional.empty(), Optional.empty(), signIn, gate.enrolment(), Optional.empty(),
                        Optional.of(settings));
            }
            CentralClient client = gate.client().get();
            JdbiSyncLedger ledger = new JdbiSyncLedger(db, clock, staff.workstation());
            // One id names this desk to the central register (the sync identifies it by the ledger's): the
            // register's own when it had one before.
            gate.keys().deskId(ledger.adoptDeskId(gate.keys().deskId()));
            // Look-ups and national register data are asked for the signed-in person, whose roles the
            // central register checks; a session it no longer accepts signs the person out here.
            CentralClient person = client.forPerson(() -> staff.token().orElse(null), staff::sessionEnded);
            SyncService sync = new SyncService(client, person, ledger, Json.mapper(), clock, (item, response) -> { })
                    .withConfiguration(configuration.orElseThrow());
            // A changed configuration replaces the profile the desk works with, without a restart.
            sync.onConfiguration(changed -> profiles.load(config.profile()).ifPresent(current::set));
            JdbiPatronStore store = new JdbiPatronStore(db, clock);
            IssuingService issuing = new IssuingService(current, store,
                    new CentralPopulationRegister(person), Argon2PinHasher.occasional(), staff, clock, sync.queries());
            app.carddesk.issuing.MembershipService memberships = new app.carddesk.issuing.MembershipService(current,
                    new app.carddesk.sync.CentralNationalRegister(person, ledger), store, staff, clock);
            // Someone who signed in while the central register could not be reached is asked about at
            // its next answer: a deactivation or lock made meanwhile signs them out at once. A revoked
            // workstation's register opens for no one after this run.
            sync.onStatus(status -> {
                if (status.state() == app.carddesk.sync.SyncStatus.State.ONLINE) {
                    signIn.recheckOffline();
                    signIn.recheckSession();
                } else if (status.state() == app.carddesk.sync.SyncStatus.State.REVOKED) {
                    signIn.workstationRevoked();
                }
            });
            signIn.registerOpened();
            app.carddesk.sync.CentralStaffAdministration administration =
                    new app.carddesk.sync.CentralStaffAdministration(person);
            return new DeskBackend(config, db, profile, issuing, memberships, Optional.of(sync),
                    Optional.of(new AttentionService(ledger, sync, staff)), Optional.empty(), signIn, Optional.empty(),
                    Optional.of(administration), Optional.of(administration));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The desk's own audit trail shortened to the organisation's period as the register opens. A
     * setting that cannot be read keeps all of it, and the log says which and why.
     */
    private static void keepAudit(DeskConfig config, Database db, Clock clock) {
        int months;
        try {
            months = config.auditKeptMonths();
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(DeskBackend.class).warn("{} Until it is put right, this desk's "
                    + "audit trail is kept whole.", e.getMessage());
            return;
        }
        if (months == 0) {
            return;
        }
        java.time.ZonedDateTime cutoff = java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC))
                .minusMonths(months);
        int removed = app.carddesk.store.AuditRetention.removeBefore(db, cutoff.toInstant());
        if (removed > 0) {
            org.slf4j.LoggerFactory.getLogger(DeskBackend.class).info("Desk audit: {} entries from before {} "
                    + "removed (kept {} months)", removed, cutoff.toLocalDate(), months);
        }
    }

    /**
     * Brings the library's configuration into the register before the desk works with it: from the
     * central register when the desk has one (it goes on with the one it has when the register does
     * not answer); a demo library with none yet from the demo configuration file bundled with CardDesk.
     */
    private static void configure(Optional<app.carddesk.sync.ConfigurationPull> central, ProfileRepository profiles,
                                  String library) {
        if (central.isPresent()) {
            try {
                central.get().pull();
            } catch (CentralClient.UnreachableException offline) {
                org.slf4j.LoggerFactory.getLogger(DeskBackend.class).info(
                        "Central register unreachable at start; the desk works with the configuration it has");
            }
        }
        // A demo library's desk starts with the bundled demo configuration until the central register,
        // if it has one, sends its own.
        if (app.carddesk.api.DemoStaff.USERS.containsKey(library) && profiles.version(library).isEmpty()) {
            profiles.apply(app.carddesk.config.ConfigurationFile.bundled("/app/carddesk/config/demo/" + library
                    + ".json"));
        }
    }

    /**
     * Starts syncing every {@code syncSeconds}, waiting longer after failed rounds, on a timer of its
     * own; a desk without a central register has none.
     */
    public DeskBackend startSyncing() {
        if (sync.isEmpty() || syncTimer.isPresent()) {
            return this;
        }
        app.carddesk.sync.SyncTimer timer = new app.carddesk.sync.SyncTimer(sync.get(), config.syncSeconds()).start();
        // A change made at the desk is sent at once, and the status bar shows it waiting meanwhile.
        database.onChangeQueued(timer::now);
        return new DeskBackend(config, database, profile, issuing, memberships, sync, attention,
                Optional.of(timer), signIn, enrolment, administration, librarySettings);
    }

    /** Runs a sync round now ("Sync now" in the status bar); nothing without a central register. */
    public void syncNow() {
        syncTimer.ifPresent(app.carddesk.sync.SyncTimer::now);
    }

    @Override
    public void close() {
        syncTimer.ifPresent(app.carddesk.sync.SyncTimer::close);
        // Asked of the central register for at most a second: closing (on the JavaFX thread, or as the
        // system ends the desk) never waits for a network that does not answer. The session ends by
        // itself otherwise, and the register closes whatever became of it.
        java.util.concurrent.ExecutorService ending = app.carddesk.work.DeskThreads.single("carddesk-end-session");
        try {
            ending.submit(signIn::endSessionAsTheDeskCloses).get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notEnded) {
            org.slf4j.LoggerFactory.getLogger(DeskBackend.class).warn("The session was not ended at the central "
                    + "register as the desk closed ({})", notEnded.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ending.shutdownNow();
        }
        signIn.staff().recordSignInsWith(null);
        database.close();
    }

    /**
     * Each sign-in at this desk in its own audit trail, with or without the central register (one
     * without it is audited nowhere else): the one that opened the register now, each later one as
     * it happens; and before each, the wrong passwords typed here offline since the last.
     */
    private static void recordSignIns(SignedInStaff staff, app.carddesk.staff.StaffKeys keys, Database db,
                                      Clock clock) {
        java.util.function.Consumer<app.carddesk.staff.StaffSession> record = person -> {
            recordOfflineFailures(keys, staff.workstation(), db);
            db.writer().useExtension(app.carddesk.store.AuditDao.class, d -> d.append(
                    new app.carddesk.issuing.AuditEntry(clock.instant(), person.userName(), staff.workstation(),
                            String.join(",", person.roles()), "SIGNED_IN", null,
                            person.offline() ? "offline" : app.carddesk.api.AuditApi.SIGNED_IN_WITH_CENTRAL)));
        };
        staff.current().ifPresent(record);
        staff.recordSignInsWith(record);
    }

    /**
     * Wrong passwords typed here without the central register, the locks they caused and the tries
     * while locked, in the audit trail once the register is open (they could not be written in it
     * before): who was tried, and when.
     */
    private static void recordOfflineFailures(app.carddesk.staff.StaffKeys keys, String workstation, Database db) {
        keys.takeUnauditedFailures().forEach((user, f) -> {
            java.util.List<app.carddesk.issuing.AuditEntry> entries = new java.util.ArrayList<>();
            f.unaudited().forEach(at -> entries.add(refused(at, user, workstation, "offline: wrong password")));
            f.locks().forEach(at -> entries.add(refused(at, user, workstation, "offline: signing in here locked for "
                    + app.carddesk.staff.StaffSignIn.OFFLINE_LOCK_MINUTES + " minutes after "
                    + app.carddesk.staff.StaffSignIn.OFFLINE_TRIES + " wrong passwords")));
            f.whileLocked().forEach(at -> entries.add(refused(at, user, workstation, "offline: tried while locked")));
            entries.sort(java.util.Comparator.comparing(app.carddesk.issuing.AuditEntry::at));
            db.writer().useExtension(app.carddesk.store.AuditDao.class, d -> entries.forEach(d::append));
        });
    }

    private static app.carddesk.issuing.AuditEntry refused(java.time.Instant at, String user, String workstation,
                                                          String detail) {
        return new app.carddesk.issuing.AuditEntry(at, user, workstation, "", "SIGN_IN_REFUSED", null, detail);
    }
}
