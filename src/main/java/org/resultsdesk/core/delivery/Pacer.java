package org.resultsdesk.core.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.SendBudget;

/**
 * One platform's limits applied through the shared budget: what both replies and alerts ask before each send. The
 * store's budget is the truth; this process also remembers until when the store last held each bucket back, which
 * can only move later (a bucket's sends are appended in time order and a hold-off only grows), so an alert whose
 * channel is known to be held is put back without a round trip to the store.
 */
public final class Pacer {
    private static final int REMEMBERED_HOLDS = 10_000;

    private final ChatContext.Platform platform;
    private final SendLimits limits;
    private final SendBudget budget;
    private final Map<String, Instant> knownHolds = new ConcurrentHashMap<>();

    public Pacer(ChatContext.Platform platform, SendLimits limits, SendBudget budget) {
        this.platform = platform;
        this.limits = limits;
        this.budget = budget;
    }

    /**
     * A send must wait until {@code until}; {@code platformWide} when what holds it back is a limit every channel
     * shares, so that no other channel could send before then either.
     */
    public record Wait(Instant until, boolean platformWide) {}

    /** Empty when a send to the channel may go now (and is counted); else how long it must wait. */
    public Optional<Wait> tryTake(String channelId, Instant now) {
        Optional<Wait> known = wouldWait(channelId, now);
        if (known.isPresent()) {
            return known;
        }
        return budget.tryTake(platform, limits.bucketsFor(channelId), now).map(hold -> {
            remember(hold.bucket(), hold.until(), now);
            return new Wait(hold.until(), isGlobal(hold.bucket()));
        });
    }

    /** What this process already knows holds the channel back, without asking the store or taking a send. */
    public Optional<Wait> wouldWait(String channelId, Instant now) {
        Wait longest = null;
        for (SendLimits.Bucket bucket : limits.bucketsFor(channelId)) {
            Instant until = knownHolds.get(bucket.key());
            if (until != null && until.isAfter(now) && (longest == null || until.isAfter(longest.until()))) {
                longest = new Wait(until, isGlobal(bucket.key()));
            }
        }
        return Optional.ofNullable(longest);
    }

    private void remember(String bucket, Instant until, Instant now) {
        if (bucket == null) {
            return;
        }
        if (knownHolds.size() > REMEMBERED_HOLDS) {
            knownHolds.values().removeIf(at -> !at.isAfter(now));
        }
        knownHolds.merge(bucket, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private boolean isGlobal(String bucket) {
        return limits.global().stream().anyMatch(b -> b.key().equals(bucket));
    }

    /** Books the chat's next free slot if it comes by {@code latest}: when to send, or empty if it would be later. */
    public Optional<Instant> book(String channelId, Instant now, Instant latest) {
        return budget.book(platform, limits.bucketsFor(channelId), now, latest);
    }

    /** The platform said to wait: nothing more to this channel before {@code until}, from any instance. */
    public void throttled(String channelId, Instant until) {
        budget.holdOff(platform, limits.channelBuckets(channelId), until);
    }
}
