package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new register is made by the baseline script (B13) in one step, an older one by the versioned
 * scripts: both ways end at the same schema, column by column, with the same keys, references and
 * indexes, and both count as current.
 */
class BaselineScriptIT {

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(JdbcConnectionPool::dispose);
    }

    @Test
    void theBaselineScriptMakesWhatTheVersionedScriptsMake() {
        JdbcConnectionPool stepwise = register("stepwise");
        // A register from before the baseline script: every versioned step, as such a register had them.
        versionedOnly(stepwise, "13");
        JdbcConnectionPool baseline = register("baseline");
        Flyway.configure().dataSource(baseline).locations("classpath:db/desk").load().migrate();

        assertThat(history(stepwise)).as("the register from before").hasSize(Database.SCHEMA_VERSION)
                .allMatch(type -> type.equals("SQL"));
        assertThat(history(baseline)).as("a new register").containsExactly("SQL_BASELINE");
        assertThat(Database.isCurrent(stepwise)).isTrue();
        assertThat(Database.isCurrent(baseline)).isTrue();

        for (String query : SCHEMA) {
            assertThat(rows(baseline, query)).as(query).isNotEmpty().isEqualTo(rows(stepwise, query));
        }
    }

    @Test
    void aRegisterFromBeforeIsNotTouchedByTheBaselineScript() {
        JdbcConnectionPool old = register("old");
        versionedOnly(old, "11");
        Jdbi.create(old).useHandle(h -> h.execute("INSERT INTO register_owner (profile_code) VALUES ('DEMO-DK')"));
        Flyway.configure().dataSource(old).locations("classpath:db/desk").load().migrate();
        assertThat(history(old)).hasSize(Database.SCHEMA_VERSION).doesNotContain("SQL_BASELINE");
        List<String> owners = Jdbi.create(old).withHandle(h -> h.createQuery("SELECT profile_code FROM register_owner")
                .mapTo(String.class).list());
        assertThat(owners).containsExactly("DEMO-DK");
    }

    /**
     * The schema as the catalogue describes it, without the names H2 makes up for keys and their
     * indexes (which depend on the order of creation), but with every name a script gave.
     */
    private static final List<String> SCHEMA = List.of(
            "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, "
                    + "IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history' "
                    + "ORDER BY TABLE_NAME, ORDINAL_POSITION",
            "SELECT tc.TABLE_NAME, tc.CONSTRAINT_TYPE, LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION), "
                    + "MAX(ru.TABLE_NAME), MAX(ru.COLUMN_NAME) "
                    + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                    + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                    + "AND k.TABLE_NAME = tc.TABLE_NAME "
                    + "LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                    + "LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE ru ON ru.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME "
                    + "WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME <> 'flyway_schema_history' "
                    + "GROUP BY tc.TABLE_NAME, tc.CONSTRAINT_TYPE, tc.CONSTRAINT_NAME "
                    + "ORDER BY 1, 2, 3",
            "SELECT i.TABLE_NAME, CASE WHEN i.INDEX_NAME LIKE 'PRIMARY_KEY_%' OR i.INDEX_NAME LIKE 'CONSTRAINT_%INDEX_%' "
                    + "THEN '(made by H2)' ELSE i.INDEX_NAME END, i.INDEX_TYPE_NAME, "
                    + "LISTAGG(c.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) "
                    + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                    + "ON c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME "
                    + "WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.TABLE_NAME <> 'flyway_schema_history' "
                    + "GROUP BY i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME ORDER BY 1, 2, 3, 4");

    /** Migrates as the desk did before there was a baseline script: its name is not taken for one. */
    private static void versionedOnly(JdbcConnectionPool pool, String target) {
        Flyway.configure().configuration(java.util.Map.of("flyway.baselineMigrationPrefix", "NOT_A_BASELINE"))
                .dataSource(pool).locations("classpath:db/desk").target(target).load().migrate();
    }

    private JdbcConnectionPool register(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:baseline-" + name + ";DB_CLOSE_DELAY=-1",
                "carddesk", "");
        pools.add(pool);
        return pool;
    }

    private static List<String> history(JdbcConnectionPool pool) {
        return Jdbi.create(pool).withHandle(h -> h.createQuery("SELECT \"type\" FROM \"flyway_schema_history\" "
                + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"").mapTo(String.class).list());
    }

    private static List<List<Object>> rows(JdbcConnectionPool pool, String query) {
        return Jdbi.create(pool).withHandle(h -> h.createQuery(query).map((rs, ctx) -> {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            return row;
        }).list());
    }
}
