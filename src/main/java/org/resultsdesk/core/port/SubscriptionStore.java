package org.resultsdesk.core.port;

import java.util.List;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Subscription;

public interface SubscriptionStore {
    /** Adds a subscription; false if the channel already had it. */
    boolean add(Subscription subscription);

    /** Removes matching subscriptions (same channel, kind and target); returns how many. */
    int remove(Subscription subscription);

    /** Removes every subscription of a channel; returns how many. */
    int removeAll(ChannelRef channel);

    List<Subscription> forChannel(ChannelRef channel);

    List<Subscription> all();

    /**
     * A Telegram group upgraded to a supergroup gets a new id: its subscriptions move with it, and so do its own
     * settings (its watch list, whether it takes result cards).
     */
    void moveChannel(ChannelRef from, ChannelRef to);
}
