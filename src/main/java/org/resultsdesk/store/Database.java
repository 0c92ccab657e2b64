package org.resultsdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database behind every store: an SQLite file under the data directory by default, or PostgreSQL for several
 * instances sharing state. Opening it migrates the schema with Flyway: one history for both, the only difference
 * being the auto-numbered key, filled in as the {@code identity} placeholder.
 */
public final class Database implements AutoCloseable {
    public enum Dialect {
        SQLITE,
        POSTGRESQL
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** An SQLite file {@code results-desk.db} in {@code dataDirectory}, created if need be. */
    public static Database sqlite(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        SqliteNativeLibrary.useCopyIn(dataDirectory);
        return open("jdbc:sqlite:" + dataDirectory.resolve("results-desk.db").toAbsolutePath(), null, null);
    }

    /** Opens a JDBC URL (jdbc:sqlite:... or jdbc:postgresql:...) and migrates it. */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.SQLITE;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("results-desk");
        // Fail fast when the database is away, so readiness and delivery notice within seconds.
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(2000);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (dialect == Dialect.SQLITE) {
            // SQLite has one writer: a single connection serialises writers instead of failing them with SQLITE_BUSY.
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("synchronous", "NORMAL");
        } else {
            config.setMaximumPoolSize(8);
            // A database that stops answering (a partition, a stalled server) must fail a statement, not hang it:
            // leases and claims rely on their holders noticing within seconds.
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("socketTimeout", "15");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("options", "-c statement_timeout=10000");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of(
                        "identity",
                        dialect == Dialect.POSTGRESQL
                                ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
                                : "INTEGER PRIMARY KEY AUTOINCREMENT"))
                .load()
                .migrate();
        return new Database(dataSource, dialect);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool itself, for what needs a connection of its own (listening for notifications). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Publishes the connection pool's metrics to a Micrometer registry. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    /** True when a trivial query answers: what readiness checks ask. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
