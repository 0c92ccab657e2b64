package org.resultsdesk.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.resultsdesk.core.model.OutboxStatus;

/** What the outbox does with the alerts a send carried, decided by {@link OutboxActions#after}. */
sealed interface OutboxAction {

    <T> T accept(Visitor<T> visitor);

    /** One method for each action: adding an action makes every visitor name it. */
    interface Visitor<T> {
        T sent(Sent sent);

        T nextPart(NextPart nextPart);

        T throttled(Throttled throttled);

        T retry(Retry retry);

        T moved(Moved moved);

        T paused(Paused paused);

        T givenUp(GivenUp givenUp);
    }

    /** Recorded as sent with the platform's message id: never sent again. */
    record Sent(String messageId) implements OutboxAction {
        public Sent {
            Objects.requireNonNull(messageId);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sent(this);
        }
    }

    /** {@code partsSent} parts are posted, the first as {@code firstMessageId}; the next waits for the next slot. */
    record NextPart(int partsSent, String firstMessageId) implements OutboxAction {
        public NextPart {
            Objects.requireNonNull(firstMessageId);
            if (partsSent < 1) {
                throw new IllegalArgumentException("partsSent must be at least 1: " + partsSent);
            }
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.nextPart(this);
        }
    }

    /** The platform said to wait {@code after}: nothing more to the channel before {@code until}; not an attempt. */
    record Throttled(Duration after, Instant until, String reason) implements OutboxAction {
        public Throttled {
            Objects.requireNonNull(after);
            Objects.requireNonNull(until);
            Objects.requireNonNull(reason);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.throttled(this);
        }
    }

    /** A failed attempt: back to the queue, not before {@code at}. */
    record Retry(Instant at, String reason) implements OutboxAction {
        public Retry {
            Objects.requireNonNull(at);
            Objects.requireNonNull(reason);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.retry(this);
        }
    }

    /** The channel moved to {@code channelId}: its subscriptions follow, then the alerts, due at once. */
    record Moved(String channelId) implements OutboxAction {
        public Moved {
            Objects.requireNonNull(channelId);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.moved(this);
        }
    }

    /** The channel is gone: paused, and the alerts given up on as {@link OutboxStatus#CHANNEL_GONE}. */
    record Paused(String reason) implements OutboxAction {
        public Paused {
            Objects.requireNonNull(reason);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.paused(this);
        }
    }

    /** Given up on, as {@code status}. */
    record GivenUp(OutboxStatus status, String reason) implements OutboxAction {
        public GivenUp {
            Objects.requireNonNull(reason);
            if (!status.givenUp()) {
                throw new IllegalArgumentException(status + " is not a status an alert is given up as");
            }
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.givenUp(this);
        }
    }
}
