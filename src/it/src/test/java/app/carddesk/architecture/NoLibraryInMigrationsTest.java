package app.carddesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Libraries are configured, never migrated (decision 0013): no production migration of the desk or
 * the central register inserts a library or any part of one.
 */
class NoLibraryInMigrationsTest {

    private static final Pattern LIBRARY_ROWS = Pattern.compile("(?i)INSERT\\s+INTO\\s+(library|library_profile|"
            + "card_series|loan_rules|pickup_library|patron_category|digital_service_rule|address_alert|library_hours|"
            + "workstation)\\b");

    @Test
    void noProductionMigrationInsertsALibrary() throws IOException {
        List<Path> migrations = new ArrayList<>();
        for (String folder : new String[] {"../desk/src/main/resources/db/desk", "../central/src/main/resources/db/central"}) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(f -> f.getFileName().toString().endsWith(".sql")).forEach(migrations::add);
            }
        }
        assertThat(migrations).as("the migrations of both products were read").hasSizeGreaterThan(25);

        List<String> inserting = new ArrayList<>();
        for (Path migration : migrations) {
            if (LIBRARY_ROWS.matcher(Files.readString(migration)).find()) {
                inserting.add(migration.getFileName().toString());
            }
        }
        assertThat(inserting).as("migrations that insert a library or part of one").isEmpty();
    }
}
