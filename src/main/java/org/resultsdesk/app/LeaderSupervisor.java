package org.resultsdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resultsdesk.core.port.LeaderLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work only one instance may do (feed sources, Telegram long polling) while this instance holds the lease.
 * Every tick it renews the lease, but only while the work says it is healthy: a leader that cannot do its work (an
 * unreadable feed directory, say) gives the lease up so that a healthy instance takes over, and tries again later.
 * A leader that is frozen or cut off simply stops renewing, and its lease expires.
 */
final class LeaderSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderSupervisor.class);
    private static final Duration COOL_DOWN = Duration.ofSeconds(15);

    /** The leader-only work: started on election, stopped on losing the lease. */
    interface LeaderWork {
        Running start() throws Exception;
    }

    /** Work that is running, and can say whether it is doing its job. */
    interface Running extends AutoCloseable {
        default boolean healthy() {
            return true;
        }
    }

    private final LeaderLease lease;
    private final LeaderWork work;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leader-supervisor");
        t.setDaemon(true);
        return t;
    });
    private Running running;
    private Instant coolDownUntil = Instant.MIN;

    LeaderSupervisor(LeaderLease lease, LeaderWork work, Clock clock) {
        this.lease = lease;
        this.work = work;
        this.clock = clock;
    }

    LeaderSupervisor start(Duration every) {
        ticker.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    synchronized boolean isLeader() {
        return running != null && lease.isLeader();
    }

    /** One round: renew or give up while leading, try to lead otherwise. Run by the ticker; tests call it directly. */
    synchronized void tick() {
        try {
            if (running != null) {
                if (!running.healthy()) {
                    LOG.warn("leader-only work cannot do its job: giving up the lease for {} s", COOL_DOWN.toSeconds());
                    stopWork();
                    lease.close();
                    coolDownUntil = clock.instant().plus(COOL_DOWN);
                } else if (!lease.renew()) {
                    LOG.warn("lost the lease: stopping leader-only work");
                    stopWork();
                }
                return;
            }
            if (clock.instant().isBefore(coolDownUntil) || !lease.tryAcquire()) {
                return;
            }
            try {
                running = work.start();
            } catch (Exception e) {
                LOG.error("could not start leader-only work: giving up the lease for {} s", COOL_DOWN.toSeconds(), e);
                lease.close();
                coolDownUntil = clock.instant().plus(COOL_DOWN);
            }
        } catch (RuntimeException e) {
            LOG.error("leader supervision failed; trying again next tick", e);
        }
    }

    private void stopWork() {
        try {
            running.close();
        } catch (Exception e) {
            LOG.warn("stopping leader-only work: {}", e.toString());
        }
        running = null;
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (running != null) {
            stopWork();
        }
        lease.close();
    }
}
