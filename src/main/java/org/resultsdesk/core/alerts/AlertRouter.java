package org.resultsdesk.core.alerts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.SubscriptionStore;

/** Who gets a declaration: every channel with a subscription to its seat, its region, everything, or gains. */
public final class AlertRouter {
    private final SubscriptionStore subscriptions;

    public AlertRouter(SubscriptionStore subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Channels that follow every declaration: where national material goes. */
    public List<ChannelRef> channelsFollowingEverything() {
        return subscriptions.all().stream()
                .filter(s -> s.kind() == Subscription.Kind.ALL)
                .map(Subscription::channel)
                .distinct()
                .toList();
    }

    public List<ChannelRef> channelsFor(Seat seat, boolean gain) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        String region = Subscription.regionKey(seat.region());
        String country = Subscription.regionKey(seat.country());
        for (Subscription s : subscriptions.all()) {
            boolean matches = switch (s.kind()) {
                case SEAT -> s.target().equals(seat.gss());
                case REGION -> s.target().equals(region) || s.target().equals(country);
                case ALL -> true;
                case GAINS -> gain;
            };
            if (matches) {
                channels.add(s.channel());
            }
        }
        return List.copyOf(channels);
    }
}
