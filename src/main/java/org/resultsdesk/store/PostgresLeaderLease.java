package org.resultsdesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.resultsdesk.core.port.LeaderLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by a PostgreSQL session-level advisory lock, held on a connection of its own: when the leader dies its
 * session ends, the lock is freed, and the next instance to ask becomes leader. Each acquisition increments the
 * lease's fencing token, and a leader checks that its token is still the latest before acting.
 */
public final class PostgresLeaderLease implements LeaderLease {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresLeaderLease.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String name;
    private final long lockKey;
    private final String holder;
    private final Clock clock;
    private Connection connection;
    private long token;

    public PostgresLeaderLease(String jdbcUrl, String user, String password, String name, String holder, Clock clock) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.lockKey = name.hashCode();
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (isLeader()) {
            return true;
        }
        try {
            if (connection == null || !connection.isValid(2)) {
                closeQuietly();
                connection = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
                connection.setAutoCommit(true);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO leases (name, token, holder, acquired_at) VALUES (?, 1, ?, ?) ON CONFLICT (name)"
                            + " DO UPDATE SET token = leases.token + 1, holder = EXCLUDED.holder,"
                            + " acquired_at = EXCLUDED.acquired_at RETURNING token")) {
                upsert.setString(1, name);
                upsert.setString(2, holder);
                upsert.setLong(3, clock.millis());
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    token = rs.getLong(1);
                }
            }
            LOG.info("{} is now leader for {} (fencing token {})", holder, name, token);
            return true;
        } catch (SQLException e) {
            LOG.warn("could not ask for the {} lease: {}", name, e.getMessage());
            closeQuietly();
            return false;
        }
    }

    @Override
    public synchronized boolean isLeader() {
        if (connection == null || token == 0) {
            return false;
        }
        try (PreparedStatement check = connection.prepareStatement("SELECT token FROM leases WHERE name = ?")) {
            check.setString(1, name);
            try (ResultSet rs = check.executeQuery()) {
                boolean latest = rs.next() && rs.getLong(1) == token;
                if (!latest) {
                    token = 0;
                }
                return latest;
            }
        } catch (SQLException e) {
            LOG.warn("lost the connection holding the {} lease: {}", name, e.getMessage());
            token = 0;
            closeQuietly();
            return false;
        }
    }

    @Override
    public synchronized long fencingToken() {
        return token;
    }

    @Override
    public synchronized void close() {
        token = 0;
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way, and with it the advisory lock
            }
            connection = null;
        }
    }
}
