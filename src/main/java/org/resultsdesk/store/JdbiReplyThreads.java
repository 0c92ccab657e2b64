package org.resultsdesk.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.port.ReplyThreads;

public final class JdbiReplyThreads implements ReplyThreads {
    private final Jdbi jdbi;

    public JdbiReplyThreads(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void remember(ChannelRef channel, String key, String messageId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO reply_threads (platform, channel_id, thread_key, message_id,"
                        + " created_at) VALUES (:platform, :channel, :key, :message, :at) ON CONFLICT (platform,"
                        + " channel_id, thread_key) DO UPDATE SET message_id = excluded.message_id,"
                        + " created_at = excluded.created_at")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("key", key)
                .bind("message", messageId)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<String> messageId(ChannelRef channel, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT message_id FROM reply_threads WHERE platform = :platform"
                        + " AND channel_id = :channel AND thread_key = :key")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reply_threads WHERE created_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
