package org.resultsdesk.core.alerts;

import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Reply;

/** Composes a scheduled weekly summary (an {@link Alert.Kind#SUMMARY} alert) from what the store holds now. */
public interface WeeklySummaries {
    /** For a desk that schedules none: a summary alert is never queued, so composing one is a fault. */
    WeeklySummaries NONE = new WeeklySummaries() {
        @Override
        public Reply summary(Alert alert) {
            throw new IllegalStateException("no weekly summaries here: " + alert.contestId());
        }

        @Override
        public String line(Alert alert) {
            throw new IllegalStateException("no weekly summaries here: " + alert.contestId());
        }
    };

    Reply summary(Alert alert);

    /** The summary's first line, for a digest. */
    String line(Alert alert);
}
