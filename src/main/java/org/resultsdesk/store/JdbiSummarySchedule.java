package org.resultsdesk.store;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.SummarySchedule;

public final class JdbiSummarySchedule implements SummarySchedule {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSummarySchedule(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public boolean add(ChannelRef channel, String setBy) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO byelection_summary_channels (platform, channel_id,"
                                + " set_by, created_at) VALUES (:platform, :channel, :by, :at) ON CONFLICT DO NOTHING")
                        .bind("platform", channel.platform().name())
                        .bind("channel", channel.channelId())
                        .bind("by", setBy)
                        .bind("at", clock.millis())
                        .execute())
                > 0;
    }

    @Override
    public boolean remove(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM byelection_summary_channels WHERE platform ="
                                + " :platform AND channel_id = :channel")
                        .bind("platform", channel.platform().name())
                        .bind("channel", channel.channelId())
                        .execute())
                > 0;
    }

    @Override
    public List<ChannelRef> channels() {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, channel_id FROM byelection_summary_channels"
                        + " ORDER BY created_at, platform, channel_id")
                .map((rs, ctx) -> new ChannelRef(
                        ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")))
                .list());
    }
}
