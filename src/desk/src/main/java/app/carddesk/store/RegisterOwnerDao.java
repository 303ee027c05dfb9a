package app.carddesk.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Which library profile a register file belongs to ({@code register_owner}), claimed once. */
interface RegisterOwnerDao {

    @SqlQuery("SELECT profile_code FROM register_owner")
    Optional<String> owner();

    @SqlQuery("SELECT COUNT(*) FROM library_profile WHERE code = :profile")
    long profiles(@Bind("profile") String profile);

    /** Cards in the register that fall in none of the profile's series: another library's. */
    @SqlQuery("""
            SELECT COUNT(*) FROM card c WHERE NOT EXISTS (SELECT 1 FROM card_series s
             WHERE s.profile_code = :profile AND c.number LIKE s.prefix || '%'
               AND LENGTH(c.number) BETWEEN LENGTH(s.prefix) + s.digits AND LENGTH(s.prefix) + s.digits + 1)""")
    long foreignCards(@Bind("profile") String profile);

    @SqlQuery("SELECT (SELECT COUNT(*) FROM card) + (SELECT COUNT(*) FROM patron)")
    long records();

    @SqlUpdate("INSERT INTO register_owner (profile_code) VALUES (:profile)")
    void claim(@Bind("profile") String profile);

    /** Claims an unclaimed register for {@code profile} when nothing in it belongs to another library. */
    @Transaction
    default boolean ownedBy(String profile) {
        Optional<String> owner = owner();
        if (owner.isPresent()) {
            return owner.get().equals(profile);
        }
        if (profiles(profile) == 0) {
            // A register with no profile in it yet is new (its configuration is written next, then it is
            // claimed); one that holds cards or patrons of a profile it does not know is never handed over.
            return records() == 0;
        }
        if (foreignCards(profile) > 0) {
            return false;
        }
        claim(profile);
        return true;
    }
}
