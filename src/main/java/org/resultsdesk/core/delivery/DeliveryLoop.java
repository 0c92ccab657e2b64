package org.resultsdesk.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AlertDelivery} on its own thread: a pass as soon as alerts are queued ({@link #wake()}), else when
 * the next retry is due, and at least every {@code idle} to pick up alerts another instance queued.
 */
public final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    private final String name;
    private final AlertDelivery delivery;
    private final Clock clock;
    private final Duration idle;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public DeliveryLoop(String name, AlertDelivery delivery, Clock clock, Duration idle) {
        this.name = name;
        this.delivery = delivery;
        this.clock = clock;
        this.idle = idle;
        this.thread = new Thread(this::run, "delivery-" + name);
        this.thread.setDaemon(true);
    }

    public DeliveryLoop start() {
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            Optional<Instant> next = Optional.empty();
            try {
                next = delivery.deliverDue();
            } catch (RuntimeException e) {
                LOG.error("delivery pass failed; retrying shortly", e);
            }
            Duration wait =
                    next.map(at -> Duration.between(clock.instant(), at)).orElse(idle);
            wait = wait.isNegative() ? Duration.ZERO : wait.compareTo(idle) > 0 ? idle : wait;
            try {
                if (wakeUps.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops after the pass in progress, which finishes its send and records it, and hands back the channels it had
     * claimed but not reached, so another instance need not wait for the claim to run out.
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        wakeUps.release();
        thread.join(Duration.ofSeconds(10).toMillis());
        try {
            delivery.releaseHeld();
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not hand back claimed alerts on the way out; they return when the claim runs out: {}",
                    e.toString());
        }
    }
}
