package org.resultsdesk.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resultsdesk.core.model.SendLimits;

/**
 * The platform's lower bound for each (declaration, channel) pair: when an ideal scheduler, knowing every landing and
 * obeying the same window rules (each channel's own and the platform-wide limits, as the adapter declares them: at
 * most count posts in any window, a burst allowed to use a window's whole allowance), could first
 * have posted the declaration to the channel. Whenever every bucket a post draws on allows it, it posts to the
 * channel whose oldest waiting declaration is oldest, and one post carries everything the channel has waiting (a
 * digest of any length). It loses no time to settling files, composing, storing or the network, and moves from event
 * to event at millisecond resolution, so a pair's latency over its bound measures what the delivery policy costs.
 */
final class IdealSchedule {
    private final SendLimits limits;

    IdealSchedule(SendLimits limits) {
        this.limits = limits;
    }

    /** For landings (declaration key to landing time) and channels that follow every declaration: pair to post time. */
    Map<String, Instant> postTimes(Map<String, Instant> landings, List<String> channels) {
        List<Map.Entry<String, Instant>> ordered = new ArrayList<>(landings.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        Map<String, List<Long>> sends = new HashMap<>();
        Map<String, List<Map.Entry<String, Instant>>> waiting = new HashMap<>();
        channels.forEach(c -> waiting.put(c, new ArrayList<>()));
        Map<String, Instant> posted = new HashMap<>();
        long now = ordered.get(0).getValue().toEpochMilli();
        int next = 0;
        long pairsLeft = (long) landings.size() * channels.size();
        while (pairsLeft > 0) {
            while (next < ordered.size() && ordered.get(next).getValue().toEpochMilli() <= now) {
                Map.Entry<String, Instant> landing = ordered.get(next++);
                channels.forEach(c -> waiting.get(c).add(landing));
            }
            List<String> oldestFirst = channels.stream()
                    .filter(c -> !waiting.get(c).isEmpty())
                    .sorted(Comparator.comparing(
                            (String c) -> waiting.get(c).get(0).getValue()))
                    .toList();
            long soonest = next < ordered.size() ? ordered.get(next).getValue().toEpochMilli() : Long.MAX_VALUE;
            for (String channel : oldestFirst) {
                long allowedAt = allowedAt(sends, channel, now);
                if (allowedAt <= now) {
                    for (SendLimits.Bucket b : limits.bucketsFor(channel)) {
                        sends.put(b.key(), b.limit().after(sends.getOrDefault(b.key(), List.of()), now));
                    }
                    for (Map.Entry<String, Instant> landing : waiting.get(channel)) {
                        posted.put(channel + "|" + landing.getKey(), Instant.ofEpochMilli(now));
                        pairsLeft--;
                    }
                    waiting.get(channel).clear();
                } else {
                    soonest = Math.min(soonest, allowedAt);
                }
            }
            now = Math.max(now + 1, soonest);
        }
        return posted;
    }

    private long allowedAt(Map<String, List<Long>> sends, String channel, long now) {
        long at = now;
        for (SendLimits.Bucket b : limits.bucketsFor(channel)) {
            at = Math.max(at, b.limit().earliest(now, sends.getOrDefault(b.key(), List.of())));
        }
        return at;
    }
}
