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
import java.time.Clock;

/**
 * The non-visual half of the composition root: the local store and the use cases on it. Built
 * off the JavaFX thread while the window already shows, because opening H2 and migrating takes
 * the better part of a second.
 */
public record DeskBackend(DeskConfig config, Database database, LibraryProfile profile, IssuingService issuing)
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
            IssuingService issuing = new IssuingService(profile, new JdbiPatronStore(db.jdbi(), clock),
                    StandInPopulationRegister.withBundledFixture(), new Argon2PinHasher(),
                    WorkstationStaff.fromSystem(), clock);
            return new DeskBackend(config, db, profile, issuing);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
