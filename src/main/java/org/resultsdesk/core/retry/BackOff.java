package org.resultsdesk.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one retry policy every loop uses (alert delivery, the HTTP feed poller, the Telegram long poller): the n-th
 * failure in a row waits {@code first} doubled n-1 times, never more than {@code longest}, less a random share of up
 * to {@code jitter} of that, so that instances, channels and URLs that failed together do not all retry in step.
 */
public final class BackOff {
    private final Duration first;
    private final Duration longest;
    private final double jitter;
    private final DoubleSupplier random;

    public BackOff(Duration first, Duration longest, double jitter) {
        this(first, longest, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} yields values in [0, 1): tests pass a fixed one. */
    public BackOff(Duration first, Duration longest, double jitter, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "back-off must start above zero and end no lower: " + first + ", " + longest);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        this.first = first;
        this.longest = longest;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random);
    }

    /** How long to wait after {@code failures} failures in a row (1 or more). */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        long off = (long) (ceiling * jitter * Math.min(Math.max(random.getAsDouble(), 0), 1));
        return Duration.ofMillis(Math.max(1, ceiling - off));
    }

    /** The most {@link #delay} can be after {@code failures} failures: what a test's clock must pass. */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** The same policy with a given source of randomness (tests: a fixed one). */
    public BackOff withRandom(DoubleSupplier random) {
        return new BackOff(first, longest, jitter, random);
    }

    public Duration longest() {
        return longest;
    }

    @Override
    public String toString() {
        return "BackOff[" + first + " doubling to " + longest + ", jitter " + jitter + "]";
    }
}
