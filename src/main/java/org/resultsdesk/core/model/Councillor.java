package org.resultsdesk.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A sitting councillor from Open Council Data UK's roster: who holds a seat, for which party, until when. The roster
 * names the ward only (no code), as {@code wardName}.
 */
public record Councillor(Council council, String wardName, String name, Party party, Optional<LocalDate> nextElection) {
    public Councillor {
        Objects.requireNonNull(council, "council");
        Objects.requireNonNull(wardName, "wardName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(nextElection, "nextElection");
    }
}
