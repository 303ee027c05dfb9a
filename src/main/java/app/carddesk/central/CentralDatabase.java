package app.carddesk.central;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The central register's database: H2 by default, PostgreSQL for an organisation or a country. */
public final class CentralDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private CentralDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    public static CentralDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("carddesk-central");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/central").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new CentralDatabase(pool);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isPostgres() {
        return pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** Closing the pool closes every connection; H2 then closes its file by itself. */
    @Override
    public void close() {
        pool.close();
    }
}
