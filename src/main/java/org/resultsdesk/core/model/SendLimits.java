package org.resultsdesk.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
     * At most {@code count} sends in any {@code window}, kept by spacing sends {@code window / count} apart: a burst
     * followed by the steady rate would put up to twice {@code count} into one window, which the platforms refuse.
     */
    public record Limit(int count, Duration window) {
        public Limit {
            if (count < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive count and window");
            }
        }

        /** The steady spacing between sends, rounded up: rounded down, 30 a second would put 31 into some second. */
        public long intervalMillis() {
            return Math.max(1, (window.toMillis() + count - 1) / count);
        }

        /** How far ahead of the steady spacing a send may run: not at all (see above). */
        public long toleranceMillis() {
            return 0;
        }
    }

    /** One limit with the key its budget is kept under ("chat:-100123", "bot"). */
    public record Bucket(String key, Limit limit) {
        public Bucket {
            Objects.requireNonNull(key);
            Objects.requireNonNull(limit);
        }
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
