package org.resultsdesk.core.alerts;

import java.util.List;

/** What became of one feed file. */
public sealed interface IngestOutcome {
    /** New declarations accepted, and how many alerts they queued. */
    record Accepted(List<String> contestIds, int alertsQueued, List<String> rejectedMessages)
            implements IngestOutcome {}

    /** The file (or every message in it) was refused; the last good data stands and nobody is alerted. */
    record Rejected(String reason) implements IngestOutcome {}

    /** Nothing new: a repeat of a revision already held, or a message the bot does not alert on. */
    record NothingNew(String what) implements IngestOutcome {}
}
