package org.resultsdesk.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A platform's send limits, supplied by its adapter (core holds no platform's numbers): the buckets a send to one
 * channel draws on, the channel's own and the platform-wide ones.
 */
public record SendLimits(Function<String, List<Bucket>> perChannel, List<Bucket> global) {
    public static final SendLimits NONE = new SendLimits(channel -> List.of(), List.of());

    public SendLimits {
        Objects.requireNonNull(perChannel);
        global = List.copyOf(global);
    }

    /**
     * At most {@code count} sends in any {@code window}, kept exactly: a send may go when the {@code count}-th send
     * before it is at least a window earlier. A burst may therefore use a whole window's allowance at once, and no
     * window, wherever it starts, ever holds more than {@code count}. A bucket's sends are kept in time order (a send
     * never goes before the bucket's latest), so the last {@code count} of them are all the rule needs.
     */
    public record Limit(int count, Duration window) {
        public Limit {
            if (count < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive count and window");
            }
        }

        /**
         * The earliest instant (epoch ms) at or after {@code at} when a send may go, given the bucket's latest sends
         * in ascending order.
         */
        public long earliest(long at, List<Long> sends) {
            return earliest(at, sends, 0);
        }

        /** As {@link #earliest(long, List)}, leaving {@code spare} of the window's sends to others. */
        public long earliest(long at, List<Long> sends, int spare) {
            if (sends.isEmpty()) {
                return at;
            }
            long allowed = Math.max(at, sends.get(sends.size() - 1));
            int admitted = Math.max(1, count - spare);
            if (sends.size() >= admitted) {
                allowed = Math.max(allowed, sends.get(sends.size() - admitted) + window.toMillis());
            }
            return allowed;
        }

        /** The sends this limit needs to remember after one more at {@code at}: the latest {@code count}. */
        public List<Long> after(List<Long> sends, long at) {
            List<Long> kept = new ArrayList<>(sends.subList(Math.max(0, sends.size() - count + 1), sends.size()));
            kept.add(at);
            return List.copyOf(kept);
        }
    }

    /**
     * One limit with the key its budget is kept under ("chat:-100123", "bot"), and what it leaves to answers: while
     * the bucket {@code yieldTo} names has had a send within this bucket's window, a send through this one leaves
     * {@code spare} of the window's sends free.
     */
    public record Bucket(String key, Limit limit, Optional<String> yieldTo, int spare) {
        public Bucket {
            Objects.requireNonNull(key);
            Objects.requireNonNull(limit);
            Objects.requireNonNull(yieldTo);
        }

        public Bucket(String key, Limit limit) {
            this(key, limit, Optional.empty(), 0);
        }

        /**
         * The earliest instant (epoch ms) at or after {@code at} when a send through this bucket may go, given its
         * latest sends and those of the bucket it yields to (empty when it yields to none), both ascending.
         */
        public long earliest(long at, List<Long> sends, List<Long> yieldToSends) {
            boolean yielding = !yieldToSends.isEmpty()
                    && yieldToSends.get(yieldToSends.size() - 1)
                            > at - limit.window().toMillis();
            return limit.earliest(at, sends, yielding ? spare : 0);
        }
    }

    /**
     * A platform-wide bucket's log of answers' sends alone: kept beside the bucket (same limit, so it never holds an
     * answer back), it tells alerts that answers are being asked.
     */
    private static Bucket answersOf(Bucket global) {
        return new Bucket(global.key() + ":answers", global.limit());
    }

    /** These limits as answers draw on them: each platform-wide send is also logged as an answer's. */
    public SendLimits forAnswers() {
        List<Bucket> both = new ArrayList<>(global);
        global.forEach(bucket -> both.add(answersOf(bucket)));
        return new SendLimits(perChannel, both);
    }

    /**
     * These limits as alerts draw on them: while answers have gone within a platform-wide window, an alert leaves a
     * sixth of that window's sends to them, so that a reporter's {@code /result} during a burst is not held behind
     * alerts that spent the bot's whole second. With no answers being asked, alerts use the whole window.
     */
    public SendLimits forAlerts() {
        return new SendLimits(
                perChannel,
                global.stream()
                        .map(bucket -> new Bucket(
                                bucket.key(),
                                bucket.limit(),
                                Optional.of(answersOf(bucket).key()),
                                bucket.limit().count() / 6))
                        .toList());
    }

    /** Every bucket a send to this channel draws on. */
    public List<Bucket> bucketsFor(String channelId) {
        List<Bucket> buckets = new ArrayList<>(perChannel.apply(channelId));
        buckets.addAll(global);
        return buckets;
    }

    /** The channel's own buckets, which a 429 for that channel holds off. */
    public List<Bucket> channelBuckets(String channelId) {
        return perChannel.apply(channelId);
    }
}
