package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * Who asked, and where, as the platform reports it: the chat, what kind of chat it is, and the person (or, for a
 * Telegram anonymous administrator or a channel post, the chat itself: {@code sentAsChat}, with {@code userId} the
 * sending chat's id). What they may do is decided in {@code core.rights}, never by the adapter.
 */
public record ChatContext(
        Platform platform, String channelId, ChatKind chatKind, String userId, String userName, boolean sentAsChat) {
    public enum Platform {
        CONSOLE,
        TELEGRAM,
        SLACK
    }

    /** A one-to-one chat with the bot, a group or channel people talk in, or a broadcast channel. */
    public enum ChatKind {
        PRIVATE,
        GROUP,
        CHANNEL
    }

    public ChatContext {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(channelId);
        Objects.requireNonNull(chatKind);
        Objects.requireNonNull(userId);
        userName = userName == null ? "" : userName.strip();
    }

    /** A person writing in a chat, name unknown. */
    public static ChatContext person(Platform platform, String channelId, ChatKind kind, String userId) {
        return new ChatContext(platform, channelId, kind, userId, "", false);
    }

    public static ChatContext console() {
        return new ChatContext(Platform.CONSOLE, "console", ChatKind.PRIVATE, "console", "console", false);
    }

    /** The name to show for whoever asked: their name, else their id. */
    public String who() {
        return userName.isEmpty() ? "user " + userId : userName;
    }
}
