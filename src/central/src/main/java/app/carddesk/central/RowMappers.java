package app.carddesk.central;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The central's row types, each read by Jdbi's constructor mapper and registered once on the Jdbi
 * instance. Jdbi matches a result's columns to the record's components on every query; for a
 * patron's thirty columns that took 55 µs of a 60 µs look-up. Here the match is made once for each
 * list of columns a statement returns, and kept.
 */
final class RowMappers {

    /** Every record the central's statements read into. */
    private static final List<Class<?>> ROWS = List.of(CentralPatronRow.class, CentralDaos.Library.class, CentralDaos.Libraries.Workstation.class,
            CentralDaos.CardSeries.Row.class, CentralDaos.Idempotency.Answer.class, CentralDaos.Idempotency.Keyed.class,
            CentralDaos.Bulk.CardRow.class, CentralDaos.Bulk.IdentityRow.class,
            CentralDaos.Memberships.Row.class, CentralDaos.Guardians.Link.class, MailOutbox.Dao.Row.class,
            RetentionStatements.Candidate.class, RetentionStatements.HeldRow.class, StaffDao.AccountRow.class,
            StaffDao.SessionRow.class, StaffDao.Sign.class, Enrolment.Dao.Code.class, Enrolment.Dao.Enrolled.class);

    private RowMappers() {
    }

    static void registerOn(Jdbi jdbi) {
        for (Class<?> row : ROWS) {
            register(jdbi, row);
        }
    }

    private static <T> void register(Jdbi jdbi, Class<T> row) {
        jdbi.registerRowMapper((Type) row, new Fitted<>(ConstructorMapper.of(row)));
    }

    /** A constructor mapper fitted to each list of columns once. */
    static final class Fitted<T> implements RowMapper<T> {

        private final RowMapper<T> unfitted;
        private final ConcurrentHashMap<List<String>, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

        Fitted(RowMapper<T> unfitted) {
            this.unfitted = unfitted;
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>(meta.getColumnCount() * 2);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
                columns.add(meta.getColumnTypeName(i));
            }
            RowMapper<T> fitted = byColumns.get(columns);
            if (fitted == null) {
                fitted = unfitted.specialize(rs, ctx);
                byColumns.putIfAbsent(columns, fitted);
            }
            return fitted;
        }
    }
}
