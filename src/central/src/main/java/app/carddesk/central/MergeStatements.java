package app.carddesk.central;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements of a merge that belong to no one table, each in its own file in the classpath
 * folder {@code app/carddesk/central/MergeStatements/}. They run in the merge's transaction, which
 * also keeps the answer to the request's Idempotency-Key.
 */
@UseClasspathSqlLocator
interface MergeStatements {

    @SqlUpdate
    void dropPinMails(@Bind("survivor") UUID survivor);

    @SqlUpdate
    void moveMails(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    /**
     * The survivor takes the other record's card and PIN: the other's PIN mail on its way is theirs
     * now, and their own (with the PIN they no longer have) is not sent.
     */
    default void takePinMails(UUID survivor, UUID other) {
        dropPinMails(survivor);
        moveMails(survivor, other);
    }

    @SqlUpdate
    void moveMembership(@Bind("survivor") UUID survivor, @Bind("other") UUID other, @Bind("library") String library);

    @SqlUpdate
    void moveGuardian(@Bind("survivor") UUID survivor, @Bind("other") UUID other, @Bind("guardian") UUID guardian);

    @SqlUpdate
    void dropGuardiansOf(@Bind("other") UUID other);

    @SqlUpdate
    void dropSharedChildren(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void moveChildren(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void dropChildrenOf(@Bind("other") UUID other);

    @SqlUpdate
    void passAliases(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void alias(@Bind("survivor") UUID survivor, @Bind("other") UUID other);

    @SqlUpdate
    void reissueCard(@Bind("survivor") UUID survivor, @Bind("number") String number);

    @SqlUpdate
    void takeOver(@BindMethods Survivor survivor);

    /** The survivor's row after the merge, as the domain's MergePlan decided it. */
    record Survivor(UUID id, String card, String kind, String number, String registration, LocalDate expires,
                    long fees, long print, String pin, Instant now) {
    }
}
