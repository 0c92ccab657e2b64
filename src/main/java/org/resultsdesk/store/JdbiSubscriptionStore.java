package org.resultsdesk.store;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.SubscriptionStore;

public final class JdbiSubscriptionStore implements SubscriptionStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSubscriptionStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public boolean add(Subscription s) {
        return jdbi.withHandle(
                        h -> h.createUpdate("INSERT INTO subscriptions (platform, channel_id, kind, target, label,"
                                        + " created_at) VALUES (:platform, :channel, :kind, :target, :label, :created)"
                                        + " ON CONFLICT DO NOTHING")
                                .bind("platform", s.channel().platform().name())
                                .bind("channel", s.channel().channelId())
                                .bind("kind", s.kind().name())
                                .bind("target", s.target())
                                .bind("label", s.label())
                                .bind("created", clock.millis())
                                .execute())
                > 0;
    }

    @Override
    public int remove(Subscription s) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM subscriptions WHERE platform = :platform AND"
                        + " channel_id = :channel AND kind = :kind AND target = :target")
                .bind("platform", s.channel().platform().name())
                .bind("channel", s.channel().channelId())
                .bind("kind", s.kind().name())
                .bind("target", s.target())
                .execute());
    }

    @Override
    public int removeAll(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM subscriptions WHERE platform = :platform AND" + " channel_id = :channel")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .execute());
    }

    @Override
    public List<Subscription> forChannel(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, channel_id, kind, target, label FROM subscriptions"
                        + " WHERE platform = :platform AND channel_id = :channel ORDER BY created_at, kind, target")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .map((rs, ctx) -> row(
                        rs.getString("platform"),
                        rs.getString("channel_id"),
                        rs.getString("kind"),
                        rs.getString("target"),
                        rs.getString("label")))
                .list());
    }

    @Override
    public List<Subscription> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, channel_id, kind, target, label FROM subscriptions"
                        + " ORDER BY platform, channel_id, created_at")
                .map((rs, ctx) -> row(
                        rs.getString("platform"),
                        rs.getString("channel_id"),
                        rs.getString("kind"),
                        rs.getString("target"),
                        rs.getString("label")))
                .list());
    }

    @Override
    public void moveChannel(ChannelRef from, ChannelRef to) {
        jdbi.useTransaction(h -> {
            for (Subscription s : forChannel(from)) {
                h.createUpdate(
                                "INSERT INTO subscriptions (platform, channel_id, kind, target, label, created_at)"
                                        + " VALUES (:platform, :channel, :kind, :target, :label, :created) ON CONFLICT DO NOTHING")
                        .bind("platform", to.platform().name())
                        .bind("channel", to.channelId())
                        .bind("kind", s.kind().name())
                        .bind("target", s.target())
                        .bind("label", s.label())
                        .bind("created", clock.millis())
                        .execute();
            }
            h.createUpdate("DELETE FROM subscriptions WHERE platform = :platform AND channel_id = :channel")
                    .bind("platform", from.platform().name())
                    .bind("channel", from.channelId())
                    .execute();
            // The chat's own settings go with it: its watch list, whether it takes result cards, its scheduled summary.
            h.createUpdate("INSERT INTO watch_lists (platform, channel_id, gss, label, created_at)"
                            + " SELECT platform, :to, gss, label, created_at FROM watch_lists"
                            + " WHERE platform = :platform AND channel_id = :from ON CONFLICT DO NOTHING")
                    .bind("platform", from.platform().name())
                    .bind("from", from.channelId())
                    .bind("to", to.channelId())
                    .execute();
            h.createUpdate("INSERT INTO channel_cards (platform, channel_id, cards, changed_at)"
                            + " SELECT platform, :to, cards, changed_at FROM channel_cards"
                            + " WHERE platform = :platform AND channel_id = :from ON CONFLICT DO NOTHING")
                    .bind("platform", from.platform().name())
                    .bind("from", from.channelId())
                    .bind("to", to.channelId())
                    .execute();
            h.createUpdate("INSERT INTO byelection_summary_channels (platform, channel_id, set_by, created_at)"
                            + " SELECT platform, :to, set_by, created_at FROM byelection_summary_channels"
                            + " WHERE platform = :platform AND channel_id = :from ON CONFLICT DO NOTHING")
                    .bind("platform", from.platform().name())
                    .bind("from", from.channelId())
                    .bind("to", to.channelId())
                    .execute();
            for (String table : List.of("watch_lists", "channel_cards", "byelection_summary_channels")) {
                h.createUpdate("DELETE FROM " + table + " WHERE platform = :platform AND channel_id = :channel")
                        .bind("platform", from.platform().name())
                        .bind("channel", from.channelId())
                        .execute();
            }
        });
    }

    private static Subscription row(String platform, String channel, String kind, String target, String label) {
        return new Subscription(
                new ChannelRef(ChatContext.Platform.valueOf(platform), channel),
                Subscription.Kind.valueOf(kind),
                target,
                label);
    }
}
