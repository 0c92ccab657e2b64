package org.resultsdesk.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How a send or edit to a chat platform ended, in terms the delivery policy can act on. */
public sealed interface DeliveryResult {

    /** Posted (or the edit was a no-op the platform calls success); {@code messageId} identifies it for edits. */
    record Delivered(String messageId) implements DeliveryResult {
        public Delivered {
            Objects.requireNonNull(messageId);
        }
    }

    /**
     * One part of a message long enough to go in several went out, as {@code messageId}; the next part goes in the
     * chat's next send slot, since to the platform every part is a message of its own.
     */
    record PartSent(String messageId) implements DeliveryResult {
        public PartSent {
            Objects.requireNonNull(messageId);
        }
    }

    /** Throttled: try again no sooner than {@code after}. */
    record RetryAfter(Duration after) implements DeliveryResult {
        public RetryAfter {
            Objects.requireNonNull(after);
        }
    }

    /**
     * The channel cannot be posted to any more (bot kicked or blocked, channel archived, token revoked). If the
     * platform moved it (a Telegram group upgraded to a supergroup), {@code movedTo} names the new channel.
     */
    record Gone(String reason, Optional<String> movedTo) implements DeliveryResult {
        public Gone {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(movedTo);
        }
    }

    /** The platform refused this message (bad markup, too long); sending the same again will not help. */
    record Rejected(String reason) implements DeliveryResult {
        public Rejected {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * A server error, timeout or unreadable answer. {@code mayHaveLanded} is true when the request reached the
     * platform and the message may have been posted, so a blind retry could post it twice.
     */
    record Failed(String reason, boolean mayHaveLanded) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(reason);
        }
    }
}
