package org.resultsdesk.core.model;

import java.util.Objects;

/** A chat or channel on one platform: a Telegram chat id or a Slack channel id. */
public record ChannelRef(ChatContext.Platform platform, String channelId) {
    public ChannelRef {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(channelId);
        if (channelId.isBlank()) {
            throw new IllegalArgumentException("channel id is blank");
        }
    }

    @Override
    public String toString() {
        return platform.name().toLowerCase() + ":" + channelId;
    }
}
