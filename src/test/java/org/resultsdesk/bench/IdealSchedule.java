package org.resultsdesk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.resultsdesk.core.delivery.SendLimits;

/**
 * The platform's lower bound for each (declaration, channel) pair: when an ideal scheduler, knowing every landing and
 * obeying the same limits (each channel's own and the platform-wide ones, as the adapter declares them), could first
 * have posted the declaration to the channel. It posts to the channel whose oldest waiting declaration is oldest,
 * whenever every bucket the post draws on allows it, and one post carries everything the channel has waiting (a
 * digest). Time advances in steps of {@code resolution}; no real scheduler can post earlier than this one at that
 * resolution, so a pair's latency over its bound measures what the delivery policy costs.
 */
final class IdealSchedule {
    private final SendLimits limits;
    private final Duration resolution;

    IdealSchedule(SendLimits limits, Duration resolution) {
        this.limits = limits;
        this.resolution = resolution;
    }

    /** For landings (declaration key to landing time) and channels that follow every declaration: pair to post time. */
    Map<String, Instant> postTimes(Map<String, Instant> landings, List<String> channels) {
        List<Map.Entry<String, Instant>> ordered = new ArrayList<>(landings.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        Map<String, Long> tat = new HashMap<>();
        Map<String, List<Map.Entry<String, Instant>>> waiting = new HashMap<>();
        channels.forEach(c -> waiting.put(c, new ArrayList<>()));
        Map<String, Instant> posted = new HashMap<>();
        Instant now = ordered.get(0).getValue();
        int next = 0;
        long pairsLeft = (long) landings.size() * channels.size();
        while (pairsLeft > 0) {
            while (next < ordered.size() && !ordered.get(next).getValue().isAfter(now)) {
                Map.Entry<String, Instant> landing = ordered.get(next++);
                channels.forEach(c -> waiting.get(c).add(landing));
            }
            PriorityQueue<String> oldestFirst = new PriorityQueue<>(
                    Comparator.comparing((String c) -> waiting.get(c).get(0).getValue()));
            channels.stream().filter(c -> !waiting.get(c).isEmpty()).forEach(oldestFirst::add);
            while (!oldestFirst.isEmpty()) {
                String channel = oldestFirst.poll();
                List<SendLimits.Bucket> buckets = limits.bucketsFor(channel);
                long at = now.toEpochMilli();
                if (buckets.stream()
                        .allMatch(b -> tat.getOrDefault(b.key(), 0L) - b.limit().toleranceMillis() <= at)) {
                    buckets.forEach(b -> tat.put(
                            b.key(),
                            Math.max(tat.getOrDefault(b.key(), 0L), at)
                                    + b.limit().intervalMillis()));
                    for (Map.Entry<String, Instant> landing : waiting.get(channel)) {
                        posted.put(channel + "|" + landing.getKey(), now);
                        pairsLeft--;
                    }
                    waiting.get(channel).clear();
                }
            }
            now = now.plus(resolution);
        }
        return posted;
    }
}
