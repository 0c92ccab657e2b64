package org.resultsdesk.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How a send or edit to a chat platform ended, in terms the delivery policy can act on. */
public sealed interface DeliveryResult {

    /** Hands this outcome to the visitor's method for its kind: adding a kind makes every visitor name it. */
    <T> T accept(Visitor<T> visitor);

    /** One method for each way a send can end. */
    interface Visitor<T> {
        T delivered(Delivered delivered);

        T partSent(PartSent partSent);

        T retryAfter(RetryAfter retryAfter);

        T gone(Gone gone);

        T rejected(Rejected rejected);

        T failed(Failed failed);
    }

    /** Posted (or the edit was a no-op the platform calls success); {@code messageId} identifies it for edits. */
    record Delivered(String messageId) implements DeliveryResult {
        public Delivered {
            Objects.requireNonNull(messageId);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.delivered(this);
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

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.partSent(this);
        }
    }

    /** Throttled: try again no sooner than {@code after}. */
    record RetryAfter(Duration after) implements DeliveryResult {
        public RetryAfter {
            Objects.requireNonNull(after);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.retryAfter(this);
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

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.gone(this);
        }
    }

    /** The platform refused this message (bad markup, too long); sending the same again will not help. */
    record Rejected(String reason) implements DeliveryResult {
        public Rejected {
            Objects.requireNonNull(reason);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rejected(this);
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

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.failed(this);
        }
    }
}
