package org.resultsdesk.core.port;

import java.util.List;
import org.resultsdesk.core.model.ChannelRef;

/** The channels an editor has scheduled the week's by-election summary for. */
public interface SummarySchedule {
    /** Schedules it for a channel; false if it already was. */
    boolean add(ChannelRef channel, String setBy);

    /** Stops it for a channel; false if it was not scheduled. */
    boolean remove(ChannelRef channel);

    List<ChannelRef> channels();
}
