package app.carddesk.h2;

import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Migrates a register with Flyway, accepting one kind of history: migrations that once inserted demo
 * data and no longer do. A register migrated before keeps what they inserted; only for the versions
 * named is the changed checksum accepted (and repaired, once), and any other difference still stops
 * the start.
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * @param location  Flyway's location of the product's migrations
     * @param rewritten the versions whose scripts no longer insert their demo data
     */
    public static void migrate(DataSource register, String location, Set<String> rewritten) {
        Flyway flyway = Flyway.configure().dataSource(register).locations(location).load();
        try {
            flyway.migrate();
        } catch (FlywayValidateException changed) {
            if (!onlyRewritten(flyway, rewritten)) {
                throw changed;
            }
            flyway.repair();
            flyway.migrate();
        }
    }

    private static boolean onlyRewritten(Flyway flyway, Set<String> rewritten) {
        var result = flyway.validateWithResult();
        var mismatched = result.invalidMigrations.stream().filter(m -> m.errorDetails != null
                && m.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH).toList();
        return !result.validationSuccessful && !mismatched.isEmpty()
                && mismatched.stream().allMatch(m -> rewritten.contains(m.version));
    }
}
