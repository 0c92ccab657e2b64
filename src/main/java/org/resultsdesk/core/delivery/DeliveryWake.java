package org.resultsdesk.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wakes the delivery loops when alerts are queued, once for a batch of feed files found together rather than once a
 * file: a channel's first post then carries the whole batch, where waking at the first file would send it alone and
 * hold the rest for the chat's next slot. Alerts held for a batch that runs long are woken for after
 * {@code atMost}.
 */
public final class DeliveryWake {
    private final Runnable wake;
    private final Clock clock;
    private final Duration atMost;
    private int open;
    /** When the oldest alert held for the batch being read was queued; null when none is held. */
    private Instant heldSince;

    public DeliveryWake(Runnable wake, Clock clock, Duration atMost) {
        this.wake = wake;
        this.clock = clock;
        this.atMost = atMost;
    }

    /** Alerts were queued: wakes the loops now, or when the batch being read ends. */
    public void alertsQueued() {
        synchronized (this) {
            if (open > 0) {
                Instant now = clock.instant();
                if (heldSince == null) {
                    heldSince = now;
                }
                if (Duration.between(heldSince, now).compareTo(atMost) < 0) {
                    return;
                }
                heldSince = null;
            }
        }
        wake.run();
    }

    /** Reads a batch of files; the loops are woken once it is done, if it queued anything they have not heard of. */
    public void together(Runnable batch) {
        synchronized (this) {
            open++;
        }
        try {
            batch.run();
        } finally {
            boolean held;
            synchronized (this) {
                open--;
                held = open == 0 && heldSince != null;
                if (open == 0) {
                    heldSince = null;
                }
            }
            if (held) {
                wake.run();
            }
        }
    }
}
