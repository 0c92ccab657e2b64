package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An editor's word on who defends the seat at a council by-election (the party of the councillor who left), for one
 * ballot: set with {@code /defending}, kept in the store, and taken over anything the roster or the last result says.
 */
public record DefenceSetting(BallotId ballot, Party party, String setBy, Instant at) {
    public DefenceSetting {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(at, "at");
    }
}
