package org.resultsdesk.core.alerts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.SubscriptionStore;

/**
 * Who gets a declaration: every channel with a subscription to its seat, its region, everything, or gains; for a local
 * result, to its ward or council; for a council's declaration, to the council or every council.
 */
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
                case COUNCIL, WARD, COUNCILS, BYELECTIONS -> false;
            };
            if (matches) {
                channels.add(s.channel());
            }
        }
        return List.copyOf(channels);
    }

    /**
     * Who gets a ward's or division's result: channels following its council (its by-elections too) or the ward
     * itself, and, for a council by-election, channels following every by-election. A channel that
     * follows every council gets each council's declaration ({@link #channelsForCouncil}), not its two thousand wards.
     */
    public List<ChannelRef> channelsFor(LocalContest contest) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        for (Subscription s : subscriptions.all()) {
            boolean matches = switch (s.kind()) {
                case COUNCIL -> s.target().equals(contest.council().onsCode());
                case WARD -> s.target().equals(contest.ward().onsCode());
                case BYELECTIONS -> contest.ballot().byElection();
                default -> false;
            };
            if (matches) {
                channels.add(s.channel());
            }
        }
        return List.copyOf(channels);
    }

    /** Who gets a council's declaration (its seats by party and control): its followers and every-council channels. */
    public List<ChannelRef> channelsForCouncil(Council council) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        for (Subscription s : subscriptions.all()) {
            if (s.kind() == Subscription.Kind.COUNCILS
                    || (s.kind() == Subscription.Kind.COUNCIL && s.target().equals(council.onsCode()))) {
                channels.add(s.channel());
            }
        }
        return List.copyOf(channels);
    }
}
