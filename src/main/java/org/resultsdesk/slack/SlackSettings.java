package org.resultsdesk.slack;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Slack: the bot token, the signing secret that proves a request came from Slack, the app-level token
 * for Socket Mode (in Socket Mode no request is signed, so the secret may be empty), the Web API base URL (Slack's, or GovSlack's), whether replies go to the channel or only to the
 * asker, and the desk's editors (handed to core.rights).
 */
public record SlackSettings(
        String botToken,
        String signingSecret,
        Optional<String> appToken,
        String apiUrl,
        Mode mode,
        Visibility replyVisibility,
        Set<String> editorUserIds) {
    public enum Mode {
        HTTP,
        SOCKET
    }

    public enum Visibility {
        IN_CHANNEL,
        EPHEMERAL
    }

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        Objects.requireNonNull(botToken);
        Objects.requireNonNull(signingSecret);
        Objects.requireNonNull(appToken);
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        Objects.requireNonNull(mode);
        Objects.requireNonNull(replyVisibility);
        editorUserIds = Set.copyOf(editorUserIds);
        if (mode == Mode.HTTP && signingSecret.isBlank()) {
            throw new IllegalArgumentException("slack.signing-secret (SLACK_SIGNING_SECRET) is required in http mode");
        }
        if (mode == Mode.SOCKET && appToken.isEmpty()) {
            throw new IllegalArgumentException("slack.app-token (SLACK_APP_TOKEN) is required in socket mode");
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", mode=" + mode + ", replyVisibility=" + replyVisibility
                + ", editors=" + editorUserIds.size() + ", botToken=***, signingSecret=***]";
    }
}
