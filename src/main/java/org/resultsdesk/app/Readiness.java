package org.resultsdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What /readyz asks, in order: the database, each chat platform (asked at most once a minute while it answers),
 * the feed watcher, and, when {@code ops.feed-stale-seconds} is set, whether a feed file arrived recently enough.
 */
final class Readiness {
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private final Clock clock;

    Readiness(Clock clock, BooleanSupplier database) {
        this.clock = clock;
        checks.put("database", database);
    }

    /** A platform's own check, which asks a remote service: cached for a minute while it passes. */
    synchronized Readiness platform(String name, BooleanSupplier check) {
        checks.put(name, new CachedCheck(clock, Duration.ofMinutes(1), check));
        return this;
    }

    /**
     * The feed: the watcher is running where it should be, and with {@code stale} above zero a file has come within
     * that long (counting from {@code started} until the first one).
     */
    synchronized Map<String, BooleanSupplier> withFeed(
            BooleanSupplier watcher, Supplier<Optional<Instant>> lastFeedFile, Duration stale, Instant started) {
        Map<String, BooleanSupplier> all = new LinkedHashMap<>(checks);
        all.put("feed-watcher", watcher);
        if (!stale.isZero()) {
            all.put(
                    "feed",
                    () -> Duration.between(lastFeedFile.get().orElse(started), clock.instant())
                                    .compareTo(stale)
                            <= 0);
        }
        return all;
    }
}
