package org.resultsdesk.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resultsdesk.slack.SlackSettings;

/** Reads the slack.* keys; no bot token means Slack is not used. */
final class SlackConfig {
    private SlackConfig() {}

    static Optional<SlackSettings> settings(Config config) {
        Optional<String> token = config.get("slack.bot-token");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String secret = config.get("slack.signing-secret")
                .orElseThrow(() -> new IllegalArgumentException(
                        "configuration key slack.signing-secret (SLACK_SIGNING_SECRET) is required with a bot token"));
        String mode = config.get("slack.mode", "http").toUpperCase(Locale.ROOT);
        String visibility = config.get("slack.reply-visibility", "in_channel").toUpperCase(Locale.ROOT);
        try {
            return Optional.of(new SlackSettings(
                    token.get(),
                    secret,
                    config.get("slack.app-token"),
                    config.get("slack.api-url", SlackSettings.DEFAULT_API_URL),
                    SlackSettings.Mode.valueOf(mode),
                    SlackSettings.Visibility.valueOf(visibility),
                    Arrays.stream(config.get("slack.editor-user-ids", "").split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .collect(Collectors.toSet())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "configuration key slack.mode (SLACK_MODE) must be http or socket and"
                            + " slack.reply-visibility (SLACK_REPLY_VISIBILITY) in_channel or ephemeral: "
                            + e.getMessage(),
                    e);
        }
    }
}
