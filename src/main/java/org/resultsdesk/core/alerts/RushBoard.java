package org.resultsdesk.core.alerts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resultsdesk.core.model.FeedMessage;

/** Winners announced ahead of their figures, by contest id, until the full result arrives. */
public final class RushBoard {
    private final Map<String, FeedMessage.Rush> rushes = new ConcurrentHashMap<>();

    public void put(String contestId, FeedMessage.Rush rush) {
        rushes.put(contestId, rush);
    }

    public Optional<FeedMessage.Rush> get(String contestId) {
        return Optional.ofNullable(rushes.get(contestId));
    }
}
