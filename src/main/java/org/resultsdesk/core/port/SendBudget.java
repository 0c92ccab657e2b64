package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.SendLimits;

/**
 * The send budgets every instance draws on, kept in the store so that pacing holds across instances and restarts.
 * Each bucket keeps its limit over a sliding window (at most count sends in any window, see {@link
 * SendLimits.Limit}): a send is allowed when every bucket it draws on allows it.
 */
public interface SendBudget {
    /**
     * Takes one send from every bucket if all of them allow it at {@code now}, and returns empty; otherwise takes
     * nothing and says which bucket holds the send back longest, and until when.
     */
    Optional<Hold> tryTake(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now);

    /**
     * Books the earliest slot at or after {@code now} that every bucket allows, if it comes no later than
     * {@code latest}, and returns it; otherwise books nothing. A booked slot is the booker's: whoever asks for that
     * instant afterwards is held until the slot after. This is how answers to people go ahead of alerts, which only
     * ever take a slot that is free now.
     */
    Optional<Instant> book(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now, Instant latest);

    /** A send must wait until {@code until}, for {@code bucket}. */
    record Hold(Instant until, String bucket) {}

    /** Nothing more from these buckets before {@code until}: what a 429's retry-after imposes. */
    void holdOff(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant until);
}
