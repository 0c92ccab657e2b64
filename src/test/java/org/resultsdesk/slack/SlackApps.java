package org.resultsdesk.slack;

import com.slack.api.Slack;
import org.resultsdesk.InlineReplies;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.port.SendBudget;

/** The Slack app as the tests run it: pictures posted inline through the real gateway and the shared budget. */
final class SlackApps {
    private SlackApps() {}

    static SlackApp paced(
            SlackSettings settings, Slack slack, CommandHandler commands, SendBudget budget, MutableClock clock) {
        return new SlackApp(
                settings,
                slack,
                commands,
                InlineReplies.on(new SlackGateway(slack.methods(settings.botToken())), budget, clock));
    }
}
