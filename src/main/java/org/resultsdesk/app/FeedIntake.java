package org.resultsdesk.app;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.resultsdesk.app.ops.DeskMetrics;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.IngestOutcome;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.LeaderLease;

/** Where every feed source hands its files: ingested (fenced by the lease), counted, measured, noted in the store. */
final class FeedIntake {
    private final DeclarationIngest ingest;
    private final DeskMetrics metrics;
    private final LeaderLease lease;
    private final Clock clock;
    private final AtomicInteger files = new AtomicInteger();

    FeedIntake(DeclarationIngest ingest, DeskMetrics metrics, LeaderLease lease, Clock clock) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.lease = lease;
        this.clock = clock;
    }

    void accept(FeedFile file) {
        // Fenced inside the ingest transaction: a deposed leader's write is refused and the file left for the new one.
        IngestOutcome outcome = ingest.accept(file);
        metrics.ingested(outcome);
        lease.noteFeedFile(clock.instant());
        files.incrementAndGet();
    }

    /** Messages from a source that is not a file (the Democracy Club API), ingested, counted and noted the same way. */
    void accept(
            String source,
            java.time.Instant receivedAt,
            java.util.List<org.resultsdesk.core.model.FeedMessage> messages) {
        IngestOutcome outcome = ingest.accept(source, receivedAt, messages);
        metrics.ingested(outcome);
        lease.noteFeedFile(clock.instant());
        files.incrementAndGet();
    }

    /** Feed files taken in so far, whatever became of them. */
    int count() {
        return files.get();
    }
}
