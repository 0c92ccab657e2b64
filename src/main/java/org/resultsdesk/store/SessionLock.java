package org.resultsdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session-level advisory lock on a connection of its own, held for as long as this process holds
 * something. It ends with the session: when a process dies (killed, crashed, its host gone and its connections
 * reset) the database releases the lock at once, which is how another instance can see a crash without waiting for
 * a lease to expire. A frozen process keeps its session, so the lock says nothing about a process that merely stopped.
 * The key is derived from the schema and the name, so schemas sharing one database never share a lock.
 */
final class SessionLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLock.class);

    private final DataSource pool;
    private final String name;
    private Connection connection;
    private long key;
    private boolean held;

    SessionLock(DataSource pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    /** Takes the lock if no other session holds it; true if this process holds it afterwards. Never throws. */
    synchronized boolean tryLock() {
        if (held) {
            return true;
        }
        try {
            if (connection == null) {
                connection = pool.getConnection();
                connection.setAutoCommit(true);
                key = key(connection, name);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            LOG.debug("could not ask for the {} session lock: {}", name, e.getMessage());
            discard();
        }
        return held;
    }

    /** Whether this process holds the lock, as far as it knows (a broken connection is noticed on the next try). */
    synchronized boolean held() {
        return held;
    }

    /** Lets the lock go, so that the next holder of the lease can take it. */
    synchronized void unlock() {
        if (connection == null) {
            return;
        }
        if (held) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.executeQuery().close();
            } catch (SQLException e) {
                // The session is what holds the lock: ending it releases the lock too.
                LOG.debug("could not release the {} session lock; dropping its session: {}", name, e.getMessage());
                discard();
                return;
            }
        }
        held = false;
        release();
    }

    @Override
    public void close() {
        unlock();
    }

    /** Returns the connection to the pool: it holds no lock any more. */
    private void release() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("returning the {} lock's connection: {}", name, e.getMessage());
        }
        connection = null;
    }

    /** Ends the connection's session outright (never back into the pool), which releases anything it held. */
    private void discard() {
        held = false;
        if (connection == null) {
            return;
        }
        try {
            if (pool instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                hikari.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("aborting the {} lock's connection: {}", name, e.getMessage());
        }
        connection = null;
    }

    private static long key(Connection connection, String name) throws SQLException {
        String schema;
        try (PreparedStatement query = connection.prepareStatement("SELECT current_schema()");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            schema = rs.getString(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("resultsdesk/" + schema + "/" + name).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
