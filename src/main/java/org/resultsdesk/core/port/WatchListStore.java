package org.resultsdesk.core.port;

import java.util.List;
import java.util.Objects;
import org.resultsdesk.core.model.ChannelRef;

/** Each channel's watch list: seats by GSS code, with the name they were added under. */
public interface WatchListStore {
    /** Adds a seat; false if the channel already watched it. */
    boolean add(ChannelRef channel, Watched seat);

    /** Removes a seat; false if the channel was not watching it. */
    boolean remove(ChannelRef channel, String gss);

    /** The channel's seats in the order they were added. */
    List<Watched> forChannel(ChannelRef channel);

    record Watched(String gss, String label) {
        public Watched {
            Objects.requireNonNull(gss);
            Objects.requireNonNull(label);
        }
    }
}
