package org.resultsdesk.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Conversation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.ChatDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack says about its channels and people. Slack's Web API names no channel's managers to a bot, so the
 * administrators of every channel are the workspace's admins and owners ({@code users.info} {@code is_admin},
 * {@code is_owner}), remembered for a minute per person. Whether the bot can post comes from
 * {@code conversations.info}: a member may; a public channel it is not in is joined with {@code conversations.join};
 * a private channel or a conversation it is not in (Slack answers {@code channel_not_found}) needs an invitation.
 */
public final class SlackChatDirectory implements ChatDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SlackChatDirectory.class);
    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final MethodsClient methods;
    private final Cache<String, Boolean> admins;

    public SlackChatDirectory(MethodsClient methods, Clock clock) {
        this.methods = methods;
        this.admins = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBERED)
                .maximumSize(10_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public ChatContext.Platform platform() {
        return ChatContext.Platform.SLACK;
    }

    @Override
    public boolean administers(String chatId, String userId) {
        return Boolean.TRUE.equals(admins.get(userId, this::isWorkspaceAdmin));
    }

    /** Whether the user is one of the workspace's admins or owners; null (not remembered) when Slack will not say. */
    private Boolean isWorkspaceAdmin(String userId) {
        try {
            UsersInfoResponse info = methods.usersInfo(r -> r.user(userId));
            if (!info.isOk()) {
                LOG.warn("Slack would not describe user {}: {}", userId, info.getError());
                return null;
            }
            return info.getUser().isAdmin()
                    || info.getUser().isOwner()
                    || info.getUser().isPrimaryOwner();
        } catch (IOException | SlackApiException e) {
            LOG.warn("could not ask Slack about user {}: {}", userId, e.getMessage());
            return null;
        }
    }

    @Override
    public PostingAccess postingAccess(String chatId) {
        try {
            ConversationsInfoResponse info = methods.conversationsInfo(r -> r.channel(chatId));
            if (!info.isOk()) {
                if ("channel_not_found".equals(info.getError())) {
                    return PostingAccess.NEEDS_INVITE;
                }
                // Without an answer the subscription is taken; delivery pauses the channel if it turns out wrong.
                LOG.warn("Slack would not describe channel {}: {}", chatId, info.getError());
                return PostingAccess.CAN_POST;
            }
            Conversation channel = info.getChannel();
            if (channel.isMember() || channel.isIm() || channel.isMpim()) {
                return PostingAccess.CAN_POST;
            }
            if (channel.isPrivate() || channel.isArchived()) {
                return PostingAccess.NEEDS_INVITE;
            }
            var joined = methods.conversationsJoin(r -> r.channel(chatId));
            if (joined.isOk()) {
                LOG.info("joined Slack channel {} to post its alerts", chatId);
                return PostingAccess.JOINED;
            }
            LOG.info("could not join Slack channel {}: {}", chatId, joined.getError());
            return PostingAccess.NEEDS_INVITE;
        } catch (IOException | SlackApiException e) {
            LOG.warn("could not ask Slack about channel {}: {}", chatId, e.getMessage());
            return PostingAccess.CAN_POST;
        }
    }
}
