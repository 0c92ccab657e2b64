package org.resultsdesk.store;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.port.ChannelCards;

/** The /cards switch per channel, in table channel_cards. */
public final class JdbiChannelCards implements ChannelCards {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiChannelCards(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public boolean cardsOn(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT cards FROM channel_cards" + " WHERE platform = :platform AND channel_id = :channel")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    @Override
    public void setCards(ChannelRef channel, boolean on) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO channel_cards (platform, channel_id, cards, changed_at)"
                        + " VALUES (:platform, :channel, :cards, :at) ON CONFLICT (platform, channel_id)"
                        + " DO UPDATE SET cards = excluded.cards, changed_at = excluded.changed_at")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("cards", on)
                .bind("at", clock.millis())
                .execute());
    }
}
