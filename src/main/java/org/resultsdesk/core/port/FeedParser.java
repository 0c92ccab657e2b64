package org.resultsdesk.core.port;

import java.util.List;
import org.resultsdesk.core.model.FeedMessage;

/** Turns a feed file into core messages, or rejects it with a reason a log line can carry. */
public interface FeedParser {
    List<FeedMessage> parse(FeedFile file) throws FeedRejected;
}
