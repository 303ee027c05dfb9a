package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAO is attached once per handle, belongs to that handle alone, and keeps working across its transactions. */
class DaosIT {

    interface Counter {
        @SqlUpdate("INSERT INTO tally (n) VALUES (:n)")
        void add(int n);

        @SqlQuery("SELECT COALESCE(SUM(n), 0) FROM tally")
        int sum();
    }

    @TempDir
    Path dir;

    private Jdbi jdbi;

    @BeforeEach
    void register() {
        jdbi = Jdbi.create("jdbc:h2:file:" + dir.resolve("daos").toAbsolutePath()).installPlugin(new SqlObjectPlugin());
        jdbi.useHandle(h -> h.execute("CREATE TABLE tally (n INT)"));
    }

    @Test
    void oneAttachPerHandle() {
        try (Handle first = jdbi.open(); Handle second = jdbi.open()) {
            Counter once = Daos.on(first, Counter.class);
            assertThat(Daos.on(first, Counter.class)).isSameAs(once);
            assertThat(Daos.on(second, Counter.class)).as("another handle's own").isNotSameAs(once);
        }
    }

    @Test
    void theDaoWorksOnItsHandleAcrossTransactions() {
        try (Handle h = jdbi.open()) {
            h.useTransaction(t -> Daos.on(t, Counter.class).add(2));
            h.useTransaction(t -> {
                Daos.on(t, Counter.class).add(3);
                t.rollback();
            });
            h.useTransaction(t -> Daos.on(t, Counter.class).add(5));
            assertThat(Daos.on(h, Counter.class).sum()).isEqualTo(7);
        }
        try (Handle fresh = jdbi.open()) {
            assertThat(Daos.on(fresh, Counter.class).sum()).as("committed for everyone").isEqualTo(7);
        }
    }
}
