package org.resultsdesk.core.port;

import java.util.Optional;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.DefenceSetting;

/** The defending parties editors have set for council by-elections, one per ballot; the latest setting wins. */
public interface DefenceStore {
    /** Stores the setting, replacing any earlier one for the same ballot. */
    void set(DefenceSetting setting);

    /** Removes the setting for a ballot; false if there was none. */
    boolean clear(BallotId ballot);

    Optional<DefenceSetting> find(BallotId ballot);
}
