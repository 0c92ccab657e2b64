package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.Objects;

/** One file as a feed source delivered it: its name (or URL), its bytes and when it arrived. */
public record FeedFile(String name, byte[] content, Instant receivedAt) {
    public FeedFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(content);
        Objects.requireNonNull(receivedAt);
    }
}
