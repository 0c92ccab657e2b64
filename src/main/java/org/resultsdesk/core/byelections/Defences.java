package org.resultsdesk.core.byelections;

import java.util.function.Supplier;
import org.resultsdesk.core.calc.Defence;
import org.resultsdesk.core.calc.DefenceFinder;
import org.resultsdesk.core.calc.DefenceSource;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.DefenceStore;

/**
 * Who defends a council by-election, as the desk has it: the party an editor set with {@code /defending} (kept in the
 * store, so every instance agrees), else what the ward's last result and the roster settle, else unknown.
 */
public final class Defences implements DefenceSource {
    private final DefenceStore store;
    private final Supplier<LocalArchive> archive;
    private final DefenceFinder finder = new DefenceFinder();

    public Defences(DefenceStore store, Supplier<LocalArchive> archive) {
        this.store = store;
        this.archive = archive;
    }

    @Override
    public Defence defenceOf(BallotId ballot, Ward ward) {
        return store.find(ballot)
                .map(s -> Defence.setBy(s.party(), s.setBy()))
                .orElseGet(() -> finder.derive(archive.get(), ward, ballot.date()));
    }
}
