package org.resultsdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A readiness check that asks a remote service at most once per interval (readiness probes come every few seconds). */
final class CachedCheck implements BooleanSupplier {
    private final Clock clock;
    private final Duration interval;
    private final BooleanSupplier check;
    private Instant checkedAt = Instant.MIN;
    private boolean result;

    CachedCheck(Clock clock, Duration interval, BooleanSupplier check) {
        this.clock = clock;
        this.interval = interval;
        this.check = check;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(interval) >= 0 || !result) {
            result = check.getAsBoolean();
            checkedAt = now;
        }
        return result;
    }
}
