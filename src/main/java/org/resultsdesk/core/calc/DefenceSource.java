package org.resultsdesk.core.calc;

import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Ward;

/** Who defends a council by-election: an editor's setting where there is one, else what the data on file says. */
@FunctionalInterface
public interface DefenceSource {
    DefenceSource UNKNOWN = (ballot, ward) -> Defence.unknown();

    Defence defenceOf(BallotId ballot, Ward ward);
}
