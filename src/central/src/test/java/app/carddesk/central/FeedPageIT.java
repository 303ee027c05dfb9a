package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of the change feed reads its own changes from the feed's index and stops, wherever in a
 * long feed it starts: a page that read every later change and sorted them made a desk's first pull
 * of a large library slower with each page (the pages together read the feed some ten times over).
 */
class FeedPageIT {

    private static final int CHANGES = 12_000;
    private static final int PAGE = 5_000;

    @TempDir
    Path dir;

    @Test
    void aPageReadsOnlyItsChangesFromTheFeed() {
        try (CentralDatabase db = CentralDatabase.open(MigratedH2.url(dir.resolve("central"), true), "carddesk", "")) {
            db.jdbi().useHandle(h -> {
                h.execute("""
                        INSERT INTO patron (id, library_code, card_number, identity_kind, surname, given_name,
                            birth_date, country, category_code, pickup_library_code, registration_kind, version,
                            created_at, updated_at)
                        SELECT RANDOM_UUID(), 'DEMO-DK', '4099' || LPAD(CAST(X AS VARCHAR), 5, '0'), 'NONE',
                            'Surname' || X, 'Given', DATE '2000-01-01', 'Danmark', 'STUDENT', 'KB-SK',
                            'EXPECTS_NATIONAL_ID', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
                        FROM SYSTEM_RANGE(1, ?)""", CHANGES);
                h.execute("INSERT INTO change_feed (library_code, patron_id, kind, at) "
                        + "SELECT 'DEMO-DK', id, 'CREATED', created_at FROM patron ORDER BY card_number");
            });
            new Feed(db.jdbi()).place();
            String page = ClasspathSqlLocator.removingComments().locate(Feed.class, "page");
            for (long after : List.of(0L, (long) PAGE)) {
                String plan = db.jdbi().withHandle(h -> h.createQuery("EXPLAIN ANALYZE " + page)
                        .bind("library", "DEMO-DK").bind("after", after).bind("limit", PAGE + 1).bind("desk", "")
                        .mapTo(String.class).one());
                Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                assertThat(scans.find()).as(plan).isTrue();
                assertThat(Long.parseLong(scans.group(1))).as("feed rows read for a page after %d of %d:%n%s", after,
                        CHANGES, plan).isLessThanOrEqualTo(PAGE + 2);
                List<Long> places = db.jdbi().withHandle(h -> h.createQuery(page).bind("library", "DEMO-DK")
                        .bind("after", after).bind("limit", PAGE + 1).bind("desk", "")
                        .map((rs, ctx) -> rs.getLong("change_seq")).list());
                assertThat(places).hasSize(PAGE + 1).isSorted().first().isEqualTo(after + 1);
            }
        }
    }
}
