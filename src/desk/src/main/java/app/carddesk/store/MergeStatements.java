package app.carddesk.store;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of a merge that belong to no one table, each in its own file in the classpath
 * folder {@code app/carddesk/store/MergeStatements/}.
 */
@UseClasspathSqlLocator
public interface MergeStatements {

    @SqlUpdate
    void moveHistory(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void dropSharedGuardians(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void moveGuardians(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void dropSharedChildren(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void moveChildren(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void takeOver(@BindMethods Survivor survivor);

    @SqlUpdate
    void moveCard(@Bind("survivor") UUID survivor, @Bind("number") String number);

    /** The survivor's row after the merge: the card kept with its PIN, the national ID, the other's balances added. */
    record Survivor(UUID id, String card, long fees, long print, String kind, String number, String pin,
                    String delivery, Instant now) {
    }
}
