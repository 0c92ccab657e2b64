package org.resultsdesk.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resultsdesk.core.port.LeaderLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work only one instance may do (feed sources, Telegram long polling) while this instance holds the lease:
 * every second it confirms the lease (fencing token still the latest) or tries to take it, starting the work when
 * elected and stopping it the moment the lease is lost.
 */
final class LeaderSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderSupervisor.class);

    /** The leader-only work: started on election, stopped on losing the lease. */
    interface LeaderWork {
        AutoCloseable start() throws Exception;
    }

    private final LeaderLease lease;
    private final LeaderWork work;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leader-supervisor");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable running;

    LeaderSupervisor(LeaderLease lease, LeaderWork work) {
        this.lease = lease;
        this.work = work;
    }

    LeaderSupervisor start(Duration every) {
        ticker.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    synchronized boolean isLeader() {
        return running != null && lease.isLeader();
    }

    private synchronized void tick() {
        try {
            if (running != null && !lease.isLeader()) {
                LOG.warn("lost the lease: stopping leader-only work");
                stopWork();
            }
            if (running == null && lease.tryAcquire()) {
                running = work.start();
            }
        } catch (Exception e) {
            LOG.error("leader supervision failed", e);
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
