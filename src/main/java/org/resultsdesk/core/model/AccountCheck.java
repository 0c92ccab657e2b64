package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * What a chat platform answered when asked who the bot is (Telegram's getMe, Slack's auth.test): the account, a
 * refusal of the token, or no answer at all. Start-up turns the last two into one line naming the key to fix.
 */
public sealed interface AccountCheck {
    /** The platform knows the token: the bot's name there. */
    record Answered(String account) implements AccountCheck {
        public Answered {
            Objects.requireNonNull(account);
        }
    }

    /** The platform answered and refused the token (Telegram 401, Slack invalid_auth). */
    record Refused(String reason) implements AccountCheck {
        public Refused {
            Objects.requireNonNull(reason);
        }
    }

    /** No answer: the API could not be reached (connection refused, unknown host, timeout) or failed. */
    record Unreachable(String reason) implements AccountCheck {
        public Unreachable {
            Objects.requireNonNull(reason);
        }
    }

    default boolean answered() {
        return this instanceof Answered;
    }
}
