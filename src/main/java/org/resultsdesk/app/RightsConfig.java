package org.resultsdesk.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.rights.PlatformRights;

/**
 * Reads who holds desk rights on each platform: {@code telegram.editor-user-ids} and {@code telegram.desk-chat-id};
 * {@code slack.editor-user-ids} and {@code slack.desk-channel-id}. On Slack, desk editors also administer every
 * channel, since Slack tells a bot no channel's managers.
 */
final class RightsConfig {
    private RightsConfig() {}

    static PlatformRights telegram(Config config) {
        Set<String> editors = ids(config, "telegram.editor-user-ids");
        editors.forEach(id -> requireNumeric(id, "telegram.editor-user-ids"));
        Optional<String> desk = config.get("telegram.desk-chat-id").map(String::strip);
        desk.ifPresent(id -> requireNumeric(id, "telegram.desk-chat-id"));
        return new PlatformRights(Platform.TELEGRAM, editors, desk, false);
    }

    /** Slack's editors come parsed with the rest of {@link org.resultsdesk.slack.SlackSettings}. */
    static PlatformRights slack(Config config, Set<String> editorUserIds) {
        return new PlatformRights(
                Platform.SLACK,
                editorUserIds,
                config.get("slack.desk-channel-id").map(String::strip),
                true);
    }

    private static Set<String> ids(Config config, String key) {
        return Arrays.stream(config.get(key, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static void requireNumeric(String id, String key) {
        if (!id.matches("-?\\d+")) {
            throw new IllegalArgumentException("configuration key " + key + " (" + Config.envName(key)
                    + ") takes Telegram's numeric ids, not '" + id + "'");
        }
    }
}
