package org.resultsdesk.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.retry.Sleeper;

/**
 * Replays an election night from the bundled data: each contest becomes a feed file at its real declaration time,
 * compressed by a speed factor (60 plays an hour in a minute). Contests without a declaration time come last.
 */
public final class ReplayFeed {
    private final List<Contest> contests;
    private final double speed;
    private final Clock clock;
    private final Sleeper sleeper;

    public ReplayFeed(List<Contest> contests, double speed, Clock clock, Sleeper sleeper) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.contests = contests.stream()
                .sorted(Comparator.comparing((Contest c) -> c.declaredAt().orElse(Instant.MAX))
                        .thenComparing(c -> c.seat().name()))
                .toList();
        this.speed = speed;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The same replay cut to its first {@code count} declarations. */
    public ReplayFeed first(int count) {
        return new ReplayFeed(contests.subList(0, Math.min(count, contests.size())), speed, clock, sleeper);
    }

    public int size() {
        return contests.size();
    }

    /** Plays every contest into {@code sink}, in declaration order and time; returns how many were played. */
    public int play(Consumer<FeedFile> sink) throws InterruptedException {
        Instant first = contests.stream()
                .flatMap(c -> c.declaredAt().stream())
                .findFirst()
                .orElse(Instant.EPOCH);
        Instant started = clock.instant();
        int played = 0;
        for (Contest contest : contests) {
            Instant declared = contest.declaredAt().orElse(first);
            Duration offset =
                    Duration.ofMillis((long) (Duration.between(first, declared).toMillis() / speed));
            Duration wait = Duration.between(clock.instant(), started.plus(offset));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
            String name = HocResultsConverter.slug(contest.seat().name()) + "_1.tsv";
            sink.accept(new FeedFile(
                    name, BundledFeedParser.write(contest).getBytes(StandardCharsets.UTF_8), clock.instant()));
            played++;
        }
        return played;
    }
}
