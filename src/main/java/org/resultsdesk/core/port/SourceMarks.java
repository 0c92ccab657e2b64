package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * How far each polled source has been read, kept in the store so that a restart (or another instance taking the lead)
 * resumes from it: for Democracy Club's results API, the {@code last_updated} to ask from next.
 */
public interface SourceMarks {
    /** The source's high-water mark; empty when it has never been read through. */
    Optional<Instant> highWater(String source);

    /** Keeps the mark after a complete read; a mark is never moved back. */
    void keepHighWater(String source, Instant mark);
}
