package app.carddesk;

import app.carddesk.domain.LibraryProfile;
import app.carddesk.identity.StandInPopulationRegister;
import app.carddesk.issuing.IssuingService;
import app.carddesk.security.Argon2PinHasher;
import app.carddesk.staff.WorkstationStaff;
import app.carddesk.store.Database;
import app.carddesk.store.JdbiPatronStore;
import app.carddesk.store.ProfileRepository;
import app.carddesk.ui.DeskConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import app.carddesk.api.Json;
import app.carddesk.store.JdbiSyncLedger;
import app.carddesk.sync.AttentionService;
import app.carddesk.sync.CentralClient;
import app.carddesk.sync.CentralPopulationRegister;
import app.carddesk.sync.SyncService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The non-visual half of the composition root: the local store and the use cases on it. Built
 * off the JavaFX thread while the window already shows, because opening H2 and migrating takes
 * the better part of a second.
 */
public record DeskBackend(DeskConfig config, Database database, LibraryProfile profile, IssuingService issuing,
                          app.carddesk.issuing.MembershipService memberships, Optional<SyncService> sync, Optional<AttentionService> attention,
                          Optional<ScheduledExecutorService> syncTimer)
        implements AutoCloseable {

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

    public static DeskBackend open(DeskConfig config, Clock clock) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Database db = Database.open(config.dataDir());
        try {
            ProfileRepository profiles = new ProfileRepository(db.jdbi());
            LibraryProfile profile = profiles.load(config.profile()).orElseThrow(
                    () -> new UnknownProfileException(config.profile(), String.join(", ", profiles.codes())));
            WorkstationStaff staff = WorkstationStaff.fromSystem();
            if (!config.hasCentral()) {
                JdbiPatronStore store = new JdbiPatronStore(db.jdbi(), clock);
                IssuingService issuing = new IssuingService(profile, store,
                        StandInPopulationRegister.withBundledFixture(), new Argon2PinHasher(), staff, clock);
                return new DeskBackend(config, db, profile, issuing, new app.carddesk.issuing.MembershipService(profile,
                        app.carddesk.issuing.NationalRegister.none(), store, staff, clock), Optional.empty(),
                        Optional.empty(), Optional.empty());
            }
            CentralClient client = new CentralClient(URI.create(config.centralUrl()), config.centralToken(),
                    Json.mapper(), Duration.ofSeconds(2));
            JdbiSyncLedger ledger = new JdbiSyncLedger(db.jdbi(), clock, staff.workstation());
            SyncService sync = new SyncService(client, ledger, Json.mapper(), clock);
            JdbiPatronStore store = new JdbiPatronStore(db.jdbi(), clock);
            IssuingService issuing = new IssuingService(profile, store,
                    new CentralPopulationRegister(client), new Argon2PinHasher(), staff, clock, sync);
            app.carddesk.issuing.MembershipService memberships = new app.carddesk.issuing.MembershipService(profile,
                    new app.carddesk.sync.CentralNationalRegister(client, ledger), store, staff, clock);
            return new DeskBackend(config, db, profile, issuing, memberships, Optional.of(sync),
                    Optional.of(new AttentionService(ledger, sync)), Optional.empty());
        } catch (RuntimeException e) {
            db.close();
            throw e;
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
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        SyncService service = sync.get();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        Runnable[] round = new Runnable[1];
        round[0] = () -> {
            boolean ok;
            try {
                ok = service.syncOnce().state() == app.carddesk.sync.SyncStatus.State.ONLINE;
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DeskBackend.class).warn("Sync round failed: {}", e.getClass().getName());
                ok = false;
            }
            int failed = ok ? 0 : failures.incrementAndGet();
            if (ok) {
                failures.set(0);
            }
            if (!timer.isShutdown()) {
                timer.schedule(round[0], app.carddesk.sync.Backoff.nextDelaySeconds(config.syncSeconds(), failed),
                        TimeUnit.SECONDS);
            }
        };
        timer.schedule(round[0], 1, TimeUnit.SECONDS);
        return new DeskBackend(config, database, profile, issuing, memberships, sync, attention,
                Optional.of(timer));
    }

    @Override
    public void close() {
        syncTimer.ifPresent(t -> {
            t.shutdown();
            try {
                t.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        database.close();
    }
}
