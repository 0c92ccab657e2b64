package org.resultsdesk.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A local ballot Democracy Club lists as due (a council by-election, mostly): the ward, the seats it fills and the
 * candidates as nominated. No votes: a declared result is a {@link LocalContest} with the same ballot id.
 */
public record DueBallot(BallotId ballot, Ward ward, int seats, List<Nominee> candidates) {
    /** A candidate as nominated, before any votes. */
    public record Nominee(String name, Party party) {
        public Nominee {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(party, "party");
        }
    }

    public DueBallot {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(ward, "ward");
        if (seats < 1) {
            throw new IllegalArgumentException(ward.label() + ": a ballot fills at least one seat");
        }
        candidates = List.copyOf(candidates);
    }
}
