package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The declared result of one election in one seat. Candidates are kept in descending order of votes.
 * {@code invalidVotes} is absent where the source does not give it (notional results).
 * {@code declaredAt} is absent where the source has no declaration time.
 */
public record Contest(
        Election election,
        Seat seat,
        int electorate,
        int validVotes,
        OptionalInt invalidVotes,
        Optional<Instant> declaredAt,
        List<Candidacy> candidates) {

    public Contest {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(invalidVotes, "invalidVotes");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (candidates.size() < 1) {
            throw new IllegalArgumentException(seat.name() + ": a contest needs at least one candidate");
        }
        if (electorate <= 0 || validVotes <= 0) {
            throw new IllegalArgumentException(seat.name() + ": electorate and valid votes must be positive");
        }
        candidates = candidates.stream()
                .sorted(Comparator.comparingInt(Candidacy::votes).reversed())
                .toList();
    }

    public String id() {
        return election.id() + "/" + seat.gss();
    }

    public Candidacy winner() {
        return candidates.get(0);
    }

    public Optional<Candidacy> runnerUp() {
        return candidates.size() > 1 ? Optional.of(candidates.get(1)) : Optional.empty();
    }

    public int totalCandidateVotes() {
        return candidates.stream().mapToInt(Candidacy::votes).sum();
    }
}
