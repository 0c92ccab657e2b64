package org.resultsdesk;

import java.time.Duration;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.SendBudget;

/**
 * Replies sent on the caller's thread, with every wait (the budget's, a 429's) passed by moving the test's clock on:
 * a test sees its answer as soon as the update is handled, and the pacing it went through on the clock.
 */
public final class InlineReplies {
    private InlineReplies() {}

    public static ReplySender on(ChatGateway gateway, SendBudget budget, MutableClock clock) {
        return new ReplySender(
                gateway,
                budget,
                clock,
                Runnable::run,
                (wait, then) -> {
                    clock.advance(wait);
                    then.run();
                },
                Duration.ofMinutes(1));
    }
}
