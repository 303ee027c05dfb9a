package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.api.FieldLimit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's field limits are the lengths of the columns the central register stores the fields in. */
class FieldLimitIT {

    private static final Map<FieldLimit, String> COLUMNS = Map.ofEntries(
            Map.entry(FieldLimit.CARD_NUMBER, "patron.card_number"),
            Map.entry(FieldLimit.SURNAME, "patron.surname"),
            Map.entry(FieldLimit.GIVEN_NAME, "patron.given_name"),
            Map.entry(FieldLimit.EMAIL, "patron.email"),
            Map.entry(FieldLimit.PHONE, "patron.phone"),
            Map.entry(FieldLimit.ADDRESS_LINE, "patron.address_line"),
            Map.entry(FieldLimit.POSTAL_CODE, "patron.postal_code"),
            Map.entry(FieldLimit.CITY, "patron.city"),
            Map.entry(FieldLimit.COUNTRY, "patron.country"),
            Map.entry(FieldLimit.CATEGORY, "patron.category_code"),
            Map.entry(FieldLimit.PICKUP_LIBRARY, "patron.pickup_library_code"),
            Map.entry(FieldLimit.SERIES_PREFIX, "card_series.prefix"),
            Map.entry(FieldLimit.IDEMPOTENCY_KEY, "idempotency.idem_key"));

    @TempDir
    Path dir;

    @Test
    void everyLimitIsTheLengthOfItsColumn() {
        assertThat(COLUMNS.keySet()).as("every limit names its column here").containsExactlyInAnyOrder(
                FieldLimit.values());
        try (CentralDatabase db = CentralDatabase.open("jdbc:h2:file:" + dir.resolve("central"), "sa", "")) {
            for (Map.Entry<FieldLimit, String> e : COLUMNS.entrySet()) {
                String[] column = e.getValue().split("\\.");
                int length = db.jdbi().withHandle(h -> h.createQuery("SELECT character_maximum_length FROM "
                        + "information_schema.columns WHERE LOWER(table_name) = :table AND LOWER(column_name) = :column")
                        .bind("table", column[0]).bind("column", column[1]).mapTo(Integer.class).one());
                assertThat(e.getKey().maxLength()).as(e.getKey() + " and " + e.getValue()).isEqualTo(length);
            }
        }
    }
}
