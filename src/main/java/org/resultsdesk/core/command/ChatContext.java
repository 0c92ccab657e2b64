package org.resultsdesk.core.command;

import java.util.Objects;

/**
 * Who asked, and where. {@code editor} is decided by the adapter (Telegram chat administrators, Slack's configured
 * editor list) before the core sees the command.
 */
public record ChatContext(Platform platform, String channelId, String userId, boolean editor) {
    public enum Platform { CONSOLE, TELEGRAM, SLACK }

    public ChatContext {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(channelId);
        Objects.requireNonNull(userId);
    }

    public static ChatContext console() {
        return new ChatContext(Platform.CONSOLE, "console", "console", true);
    }
}
