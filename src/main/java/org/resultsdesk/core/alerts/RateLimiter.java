package org.resultsdesk.core.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sliding-window send limits for one platform: per channel (Telegram: 1 a second in any chat, 20 a minute in a
 * group) and for the whole bot (Telegram: 30 a second), plus any wait a 429 imposed. Not thread-safe: one delivery
 * worker owns it.
 */
public final class RateLimiter {
    /** At most {@code count} sends in any {@code window}. */
    public record Limit(int count, Duration window) {
    }

    private final Function<ChannelRef, List<Limit>> channelLimits;
    private final List<Limit> globalLimits;
    private final Map<ChannelRef, Deque<Instant>> channelSends = new HashMap<>();
    private final Deque<Instant> globalSends = new ArrayDeque<>();
    private final Map<ChannelRef, Instant> channelBlockedUntil = new HashMap<>();
    private Instant globalBlockedUntil = Instant.MIN;

    public RateLimiter(Function<ChannelRef, List<Limit>> channelLimits, List<Limit> globalLimits) {
        this.channelLimits = channelLimits;
        this.globalLimits = globalLimits;
    }

    /** Telegram Bot API: 1 message a second per chat, 20 a minute per group (negative ids), 30 a second overall. */
    public static RateLimiter telegram() {
        Limit perSecond = new Limit(1, Duration.ofSeconds(1));
        Limit perGroupMinute = new Limit(20, Duration.ofMinutes(1));
        return new RateLimiter(
                channel -> channel.channelId().startsWith("-") ? List.of(perSecond, perGroupMinute) : List.of(perSecond),
                List.of(new Limit(30, Duration.ofSeconds(1))));
    }

    /** Slack Web API: about 1 message a second per channel, and a workspace cap of a few hundred a minute. */
    public static RateLimiter slack() {
        return new RateLimiter(channel -> List.of(new Limit(1, Duration.ofSeconds(1))),
                List.of(new Limit(200, Duration.ofMinutes(1))));
    }

    /** How long until a send to this channel is allowed; zero if now. */
    public Duration delay(ChannelRef channel, Instant now) {
        Instant earliest = later(globalBlockedUntil, channelBlockedUntil.getOrDefault(channel, Instant.MIN));
        earliest = later(earliest, earliestAllowed(globalSends, globalLimits, now));
        earliest = later(earliest, earliestAllowed(channelSends.getOrDefault(channel, new ArrayDeque<>()),
                channelLimits.apply(channel), now));
        return earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
    }

    /** How long until the platform-wide limits allow any send; zero if now. */
    public Duration globalDelay(Instant now) {
        Instant earliest = later(globalBlockedUntil, earliestAllowed(globalSends, globalLimits, now));
        return earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
    }

    public void recordSend(ChannelRef channel, Instant at) {
        channelSends.computeIfAbsent(channel, c -> new ArrayDeque<>()).addLast(at);
        globalSends.addLast(at);
        trim(channelSends.get(channel), channelLimits.apply(channel));
        trim(globalSends, globalLimits);
    }

    /** A 429 for this channel: nothing more to it before {@code until}. */
    public void blockChannel(ChannelRef channel, Instant until) {
        channelBlockedUntil.merge(channel, until, RateLimiter::later);
    }

    /** A 429 for the whole bot or workspace. */
    public void blockAll(Instant until) {
        globalBlockedUntil = later(globalBlockedUntil, until);
    }

    private static Instant earliestAllowed(Deque<Instant> sends, List<Limit> limits, Instant now) {
        Instant earliest = Instant.MIN;
        for (Limit limit : limits) {
            if (sends.size() >= limit.count()) {
                Instant nthLatest = sends.stream().skip(sends.size() - limit.count()).findFirst().orElseThrow();
                earliest = later(earliest, nthLatest.plus(limit.window()));
            }
        }
        return earliest;
    }

    private static void trim(Deque<Instant> sends, List<Limit> limits) {
        int keep = limits.stream().mapToInt(Limit::count).max().orElse(0);
        while (sends.size() > keep) {
            sends.removeFirst();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
