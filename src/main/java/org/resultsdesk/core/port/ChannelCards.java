package org.resultsdesk.core.port;

import org.resultsdesk.core.model.ChannelRef;

/** Which channels take their alerts as pictures; every instance reads the same answer from the store. */
public interface ChannelCards {
    boolean cardsOn(ChannelRef channel);

    void setCards(ChannelRef channel, boolean on);

    ChannelCards NONE = new ChannelCards() {
        @Override
        public boolean cardsOn(ChannelRef channel) {
            return false;
        }

        @Override
        public void setCards(ChannelRef channel, boolean on) {
            throw new UnsupportedOperationException("pictures are not set up");
        }
    };
}
