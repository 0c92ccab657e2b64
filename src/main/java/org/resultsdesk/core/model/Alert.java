package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the outbox: a declaration (or a quote card, keyed "quote/<id>") to post to one channel. The content is
 * rendered when it is sent, from the latest revision in the store, so a queued alert never goes out stale.
 * {@code attempts} counts failed tries; {@code partsSent} how many parts of a long message are already posted.
 */
public record Alert(
        long id,
        ChannelRef channel,
        String contestId,
        int revision,
        Kind kind,
        Instant createdAt,
        int attempts,
        int partsSent) {
    public enum Kind {
        RUSH,
        RESULT,
        CORRECTION,
        QUOTE,
        RETRACTION,
        /** A council's declaration on a local election night, keyed {@code council/<ONS code>/<date>}. */
        COUNCIL,
        /** The week's council by-election summary, posted once the week's results are in, keyed {@code byelections/<Monday>}. */
        SUMMARY
    }

    public Alert {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(contestId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(createdAt);
    }

    /** An alert not yet stored: the store gives it an id. */
    public static Alert pending(ChannelRef channel, String contestId, int revision, Kind kind, Instant createdAt) {
        return new Alert(0, channel, contestId, revision, kind, createdAt, 0, 0);
    }
}
