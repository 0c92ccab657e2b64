package org.resultsdesk.core.alerts;

import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.calc.ComparisonFinder;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.seats.SeatLineage;

/**
 * Keeps this instance's view of the night (the results archive, the rush board, the local results) in step with the store, which
 * is the truth: it applies every stored declaration after the last one it applied, in the order they were stored.
 * The instance that ingests calls it right after each commit; the others when notified, and every second anyway,
 * so a missed notification costs at most a second.
 */
public final class StoreFollower {
    private static final int PAGE = 500;

    private final AlertStore store;
    private final ResultsArchive archive;
    private final RushBoard rushes;
    private final LiveLocalArchive local;
    private long position;
    private Declaration latest;

    public StoreFollower(AlertStore store, ResultsArchive archive, RushBoard rushes) {
        this(store, archive, rushes, LiveLocalArchive.empty());
    }

    /** With the local results, which every local declaration followed from the store joins. */
    public StoreFollower(AlertStore store, ResultsArchive archive, RushBoard rushes, LiveLocalArchive local) {
        this.store = store;
        this.archive = archive;
        this.rushes = rushes;
        this.local = local;
    }

    /** Applies what was stored since the last call; returns how many declarations that was. */
    public synchronized int catchUp() {
        int applied = 0;
        List<AlertStore.Logged> page;
        do {
            page = store.declarationsAfter(position, PAGE);
            for (AlertStore.Logged logged : page) {
                if (logged.declaration().message() instanceof FeedMessage.Result r) {
                    archive.put(r.contest(), comparisonFor(r.contest()));
                } else if (logged.declaration().message() instanceof FeedMessage.LocalResult r) {
                    local.put(r.contest());
                } else if (logged.declaration().message() instanceof FeedMessage.Rush rush) {
                    rushes.put(logged.declaration().contestId(), rush);
                }
                position = logged.seq();
                latest = logged.declaration();
                applied++;
            }
        } while (page.size() == PAGE);
        return applied;
    }

    /** The declaration stored last of those applied so far, by whichever instance stored it. */
    public synchronized Optional<Declaration> latest() {
        return Optional.ofNullable(latest);
    }

    public ResultsArchive archive() {
        return archive;
    }

    /** The local results with the declarations followed so far. */
    public LiveLocalArchive local() {
        return local;
    }

    public RushBoard rushes() {
        return rushes;
    }

    /** The comparison the bundled data already gives this contest, else the one its seat's history gives. */
    public Optional<Comparison> comparisonFor(Contest contest) {
        return comparisonFor(archive, contest);
    }

    static Optional<Comparison> comparisonFor(ResultsArchive archive, Contest contest) {
        return archive.comparisonFor(contest)
                .or(() -> ComparisonFinder.find(contest, archive.contests(), SeatLineage.bundled()));
    }
}
