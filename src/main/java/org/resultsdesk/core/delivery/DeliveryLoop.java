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
 *
 * <p>A wake-up is gathered: the pass starts once the wake-ups have been quiet for {@link Gather#quiet()}, or
 * {@link Gather#atMost()} after the first. A lone file costs the quiet interval; forty files landing together, each
 * waking the loop as it is stored, are taken in one pass, so a channel gets one digest of all of them instead of one
 * post for the first file and digests of the rest a chat slot (a second on Telegram) apart.
 */
public final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    private final String name;
    private final AlertDelivery delivery;
    private final Clock clock;
    private final Duration idle;
    private final Gather gather;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** How a wake-up waits for the ones that follow it. */
    public record Gather(Duration quiet, Duration atMost) {
        /** 50 ms of quiet, at most 2 s: the files of a burst land and are stored some 15-30 ms apart. */
        public static final Gather BURSTS = new Gather(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public DeliveryLoop(String name, AlertDelivery delivery, Clock clock, Duration idle) {
        this(name, delivery, clock, idle, Gather.BURSTS);
    }

    public DeliveryLoop(String name, AlertDelivery delivery, Clock clock, Duration idle, Gather gather) {
        this.name = name;
        this.delivery = delivery;
        this.clock = clock;
        this.idle = idle;
        this.gather = gather;
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
        boolean woken = false;
        while (running) {
            Optional<Instant> next = Optional.empty();
            try {
                next = delivery.deliverDue(woken);
            } catch (RuntimeException e) {
                LOG.error("delivery pass failed; retrying shortly", e);
            }
            Duration wait =
                    next.map(at -> Duration.between(clock.instant(), at)).orElse(idle);
            wait = wait.isNegative() ? Duration.ZERO : wait.compareTo(idle) > 0 ? idle : wait;
            try {
                woken = wakeUps.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                if (woken) {
                    gatherWakeUps();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits while wake-ups keep coming, each within the quiet interval of the last, up to the gather's bound. */
    private void gatherWakeUps() throws InterruptedException {
        long until = System.nanoTime() + gather.atMost().toNanos();
        do {
            wakeUps.drainPermits();
            long left = Math.min(gather.quiet().toNanos(), until - System.nanoTime());
            if (left <= 0 || !wakeUps.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return;
            }
        } while (running);
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
