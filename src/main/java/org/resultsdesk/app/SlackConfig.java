package org.resultsdesk.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
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
        SlackSettings.Mode mode =
                SlackSettings.Mode.valueOf(config.getChoice("slack.mode", "http", Set.of("HTTP", "SOCKET")));
        SlackSettings.Visibility visibility = SlackSettings.Visibility.valueOf(
                config.getChoice("slack.reply-visibility", "in_channel", Set.of("IN_CHANNEL", "EPHEMERAL")));
        // Each mode asks only for what it uses: HTTP checks every request's signature, Socket Mode connects with the
        // app-level token and receives nothing to sign.
        Optional<String> secret = config.get("slack.signing-secret");
        if (mode == SlackSettings.Mode.HTTP && secret.isEmpty()) {
            throw new IllegalArgumentException("configuration key slack.signing-secret (SLACK_SIGNING_SECRET) is"
                    + " required in http mode: copy it from the app's Basic Information page");
        }
        Optional<String> appToken = config.get("slack.app-token");
        if (mode == SlackSettings.Mode.SOCKET && appToken.isEmpty()) {
            throw new IllegalArgumentException("configuration key slack.app-token (SLACK_APP_TOKEN) is required in"
                    + " socket mode: an app-level token (xapp-...) with the connections:write scope");
        }
        return Optional.of(new SlackSettings(
                token.get(),
                secret.orElse(""),
                appToken,
                config.get("slack.api-url", SlackSettings.DEFAULT_API_URL),
                mode,
                visibility,
                Arrays.stream(config.get("slack.editor-user-ids", "").split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet())));
    }
}
