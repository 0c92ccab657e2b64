package org.resultsdesk.store;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.port.WatchListStore;

public final class JdbiWatchListStore implements WatchListStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiWatchListStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public boolean add(ChannelRef channel, Watched seat) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "INSERT INTO watch_lists (platform, channel_id, gss, label,"
                                        + " created_at) VALUES (:platform, :channel, :gss, :label, :created) ON CONFLICT DO NOTHING")
                        .bind("platform", channel.platform().name())
                        .bind("channel", channel.channelId())
                        .bind("gss", seat.gss())
                        .bind("label", seat.label())
                        .bind("created", clock.millis())
                        .execute())
                > 0;
    }

    @Override
    public boolean remove(ChannelRef channel, String gss) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM watch_lists WHERE platform = :platform AND"
                                + " channel_id = :channel AND gss = :gss")
                        .bind("platform", channel.platform().name())
                        .bind("channel", channel.channelId())
                        .bind("gss", gss)
                        .execute())
                > 0;
    }

    @Override
    public List<Watched> forChannel(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery("SELECT gss, label FROM watch_lists WHERE platform = :platform"
                        + " AND channel_id = :channel ORDER BY created_at, label, gss")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .map((rs, ctx) -> new Watched(rs.getString("gss"), rs.getString("label")))
                .list());
    }
}
