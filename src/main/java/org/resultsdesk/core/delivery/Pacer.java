package org.resultsdesk.core.delivery;

import java.time.Instant;
import java.util.Optional;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.SendBudget;

/** One platform's limits applied through the shared budget: what both replies and alerts ask before each send. */
public final class Pacer {
    private final ChatContext.Platform platform;
    private final SendLimits limits;
    private final SendBudget budget;

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
        return budget.tryTake(platform, limits.bucketsFor(channelId), now)
                .map(hold -> new Wait(
                        hold.until(),
                        limits.global().stream().anyMatch(b -> b.key().equals(hold.bucket()))));
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
