package org.resultsdesk.core.alerts;

import java.util.Optional;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Reply;

/** Renders alerts that are not results (quote cards and their retractions) for the composer. */
public interface CardSource {
    /** The message for one alert, if this source owns its key. */
    Optional<Reply> card(Alert alert);

    /** Its one line in a digest, if this source owns its key. */
    Optional<String> line(Alert alert);

    CardSource NONE = new CardSource() {
        @Override
        public Optional<Reply> card(Alert alert) {
            return Optional.empty();
        }

        @Override
        public Optional<String> line(Alert alert) {
            return Optional.empty();
        }
    };
}
