package org.resultsdesk.core.alerts;

import java.util.Optional;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.port.ChannelCards;

/** The picture a result alert carries in a channel, if that channel takes pictures (/cards on). */
@FunctionalInterface
public interface AlertPictures {
    Optional<Picture> forResult(ChannelRef channel, ResultFigures figures, Announcement announcement);

    AlertPictures NONE = (channel, figures, announcement) -> Optional.empty();

    /** Result cards, drawn once per revision and shared by every channel that takes pictures. */
    static AlertPictures cards(ChannelCards channels, Cards cards) {
        return (channel, figures, announcement) ->
                channels.cardsOn(channel) ? Optional.of(cards.resultCard(figures, announcement)) : Optional.empty();
    }
}
