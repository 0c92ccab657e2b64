package org.resultsdesk.slack;

import com.slack.api.Slack;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.InlineReplies;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.port.SendBudget;
import org.resultsdesk.slack.fake.FakeSlackApi;

/**
 * The Slack app as the tests run it: settings pointing at the fake Web API, and pictures posted inline through the
 * real gateway and the shared budget.
 */
public final class SlackApps {
    private SlackApps() {}

    /** Settings for an app in HTTP mode whose SDK calls go to {@code api}, with the fake's bot token. */
    public static SlackSettings settings(
            FakeSlackApi api, String signingSecret, SlackSettings.Visibility visibility, Set<String> editorUserIds) {
        return new SlackSettings(
                FakeSlackApi.BOT_TOKEN,
                signingSecret,
                Optional.empty(),
                api.apiUrl(),
                SlackSettings.Mode.HTTP,
                visibility,
                editorUserIds);
    }

    static SlackApp paced(
            SlackSettings settings, Slack slack, CommandHandler commands, SendBudget budget, MutableClock clock) {
        return new SlackApp(
                settings,
                slack,
                commands,
                InlineReplies.on(new SlackGateway(slack.methods(settings.botToken())), budget, clock));
    }
}
