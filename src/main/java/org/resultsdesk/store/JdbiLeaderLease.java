package org.resultsdesk.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.port.Fence;
import org.resultsdesk.core.port.LeaderLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease row in the {@code leases} table, for SQLite and PostgreSQL alike. Taking an expired (or free) lease
 * increments its fencing token; renewing extends it only while the token is still this holder's. By its own clock a
 * holder stops counting itself leader once its last renewal has run out, before anyone else can have taken over,
 * so a frozen leader that wakes up does nothing until it has renewed. Database errors count as a lost lease.
 *
 * <p>On PostgreSQL the holder also holds a session-level advisory lock ({@link SessionLock}). A holder that dies
 * outright loses its session and with it the lock at once, so an instance that can take the lock knows no live
 * holder has it and takes the lease without waiting for it to expire; a frozen holder keeps its session and the lock,
 * and is taken over only once its lease expires. Either way the new holder gets a new fencing token.
 */
public final class JdbiLeaderLease implements LeaderLease {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiLeaderLease.class);

    private final Jdbi jdbi;
    private final String name;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;
    private long token;
    /** The last token this instance was granted, kept after the lease is lost so that stale writes are refused. */
    private long lastToken = -1;

    private Instant validUntil = Instant.MIN;
    /** PostgreSQL only: the lock whose holder's session is alive. */
    private final Optional<SessionLock> sessionLock;

    public JdbiLeaderLease(Database database, String name, String holder, Duration ttl, Clock clock) {
        this.jdbi = database.jdbi();
        this.sessionLock = database.dialect() == Database.Dialect.POSTGRESQL
                ? Optional.of(new SessionLock(database.dataSource(), "lease:" + name))
                : Optional.empty();
        this.name = name;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (isLeader()) {
            return true;
        }
        Instant now = clock.instant();
        // Holding the lock means no live holder has it: the lease's holder, if any, has died.
        boolean holderGone = sessionLock.map(SessionLock::tryLock).orElse(false);
        try {
            Optional<Long> taken = jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO leases (name, token, holder, acquired_at, expires_at)"
                                + " VALUES (:name, 0, '', 0, 0) ON CONFLICT DO NOTHING")
                        .bind("name", name)
                        .execute();
                int updated = h.createUpdate("UPDATE leases SET token = token + 1, holder = :holder,"
                                + " acquired_at = :now, expires_at = :expires"
                                + " WHERE name = :name AND (expires_at < :now OR :holderGone)")
                        .bind("holder", holder)
                        .bind("holderGone", holderGone)
                        .bind("now", now.toEpochMilli())
                        .bind("expires", now.plus(ttl).toEpochMilli())
                        .bind("name", name)
                        .execute();
                if (updated == 0) {
                    return Optional.<Long>empty();
                }
                return h.createQuery("SELECT token FROM leases WHERE name = :name")
                        .bind("name", name)
                        .mapTo(Long.class)
                        .findOne();
            });
            if (taken.isEmpty()) {
                sessionLock.ifPresent(SessionLock::unlock);
                return false;
            }
            token = taken.get();
            lastToken = token;
            validUntil = now.plus(ttl);
            LOG.info(
                    "{} is now leader for {} (fencing token {}{})",
                    holder,
                    name,
                    token,
                    holderGone ? "; no live session held the lease's lock" : "");
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not ask for the {} lease: {}", name, e.getMessage());
            sessionLock.ifPresent(SessionLock::unlock);
            return false;
        }
    }

    @Override
    public synchronized boolean renew() {
        if (token == 0) {
            return false;
        }
        Instant now = clock.instant();
        try {
            int renewed = jdbi.withHandle(h -> h.createUpdate(
                            "UPDATE leases SET expires_at = :expires" + " WHERE name = :name AND token = :token")
                    .bind("expires", now.plus(ttl).toEpochMilli())
                    .bind("name", name)
                    .bind("token", token)
                    .execute());
            if (renewed == 1) {
                validUntil = now.plus(ttl);
                // Taken over from a frozen holder, the lock comes free only once that holder ends or gives it up.
                sessionLock.ifPresent(SessionLock::tryLock);
                return true;
            }
            LOG.warn("{} lost the {} lease (token {} is no longer the latest)", holder, name, token);
        } catch (RuntimeException e) {
            if (clock.instant().isBefore(validUntil)) {
                LOG.warn("could not renew the {} lease yet: {}", name, e.getMessage());
                return true;
            }
            LOG.warn("{} lost the {} lease: it could not be renewed in time ({})", holder, name, e.getMessage());
        }
        token = 0;
        validUntil = Instant.MIN;
        sessionLock.ifPresent(SessionLock::unlock);
        return false;
    }

    @Override
    public synchronized boolean isLeader() {
        return token != 0 && clock.instant().isBefore(validUntil);
    }

    @Override
    public synchronized Fence fence() {
        return new Fence(name, lastToken);
    }

    @Override
    public Optional<String> holder() {
        try {
            long now = clock.millis();
            return jdbi.withHandle(
                    h -> h.createQuery("SELECT holder FROM leases WHERE name = :name" + " AND expires_at >= :now")
                            .bind("name", name)
                            .bind("now", now)
                            .mapTo(String.class)
                            .findOne());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void noteFeedFile(Instant at) {
        try {
            jdbi.useHandle(
                    h -> h.createUpdate("UPDATE leases SET last_file_at = :at WHERE name = :name AND token = :token")
                            .bind("at", at.toEpochMilli())
                            .bind("name", name)
                            .bind("token", lastToken)
                            .execute());
        } catch (RuntimeException e) {
            LOG.debug("could not note the last feed file: {}", e.getMessage());
        }
    }

    @Override
    public Optional<Instant> lastFeedFile() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT last_file_at FROM leases WHERE name = :name")
                    .bind("name", name)
                    .mapTo(Long.class)
                    .findOne()
                    .filter(at -> at > 0)
                    .map(Instant::ofEpochMilli));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (token == 0) {
            sessionLock.ifPresent(SessionLock::unlock);
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE leases SET expires_at = 0 WHERE name = :name AND token = :token")
                    .bind("name", name)
                    .bind("token", token)
                    .execute());
            LOG.info("{} gave up the {} lease", holder, name);
        } catch (RuntimeException e) {
            LOG.warn("could not give up the {} lease; it expires on its own: {}", name, e.getMessage());
        }
        token = 0;
        validUntil = Instant.MIN;
        sessionLock.ifPresent(SessionLock::unlock);
    }
}
