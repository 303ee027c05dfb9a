package app.carddesk.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Whether a register's schema is already at a version, read from Flyway's history table over plain
 * JDBC (an H2 register or the central's PostgreSQL). A register there, with no failed migration,
 * opens without Flyway: its look for migrations through the jar, its plugins and its validation
 * cost every start a noticeable part of a second. Any other register (new, older, newer, one with a
 * failed migration, a history that does not read) is left to Flyway, which migrates or refuses it.
 */
public final class MigrationHistory {

    /** The table Flyway keeps its history in, as it names it on H2 and PostgreSQL alike. */
    private static final String TABLE = "flyway_schema_history";

    private MigrationHistory() {
    }

    public static boolean isAt(DataSource register, int version) {
        try (Connection c = register.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), TABLE, null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT MAX(CASE WHEN \"success\" THEN CAST(\"version\" AS INT) END), "
                         + "SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"" + TABLE + "\" "
                         + "WHERE \"version\" IS NOT NULL")) {
                return r.next() && r.getInt(1) == version && r.getInt(2) == 0;
            }
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }
}
