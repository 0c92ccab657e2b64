package org.resultsdesk.core.port;

/** A feed file that cannot be used: corrupt, truncated, of an unknown format or inconsistent. */
public final class FeedRejected extends Exception {
    public FeedRejected(String reason) {
        super(reason);
    }

    public FeedRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
