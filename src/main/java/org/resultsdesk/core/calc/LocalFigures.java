package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;

/**
 * A local result worked out: each candidate's party share and change (on the party's leading row; unrounded), the
 * seats each party held or gained against the ward's previous contest on the same ONS code, and turnout.
 *
 * @param previous the contest compared with; empty when none is on file
 * @param seatChanges per party that won a seat, held and gained; empty when there is nothing to compare with or the
 *     previous contest was for a different number of seats (a council electing by thirds)
 */
public record LocalFigures(
        LocalContest contest,
        Optional<LocalContest> previous,
        MultiMemberMethod method,
        List<Row> rows,
        List<SeatChange> seatChanges,
        Optional<Integer> majority) {

    public LocalFigures {
        Objects.requireNonNull(contest, "contest");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(method, "method");
        rows = List.copyOf(rows);
        seatChanges = List.copyOf(seatChanges);
        Objects.requireNonNull(majority, "majority");
    }

    /** A candidate; {@code share} and {@code change} are set on the row that stands for the party. */
    public record Row(LocalCandidacy candidate, Optional<BigDecimal> share, ShareChange change) {}

    /** A party's seats tonight: how many it held and how many it gained, from which parties (one entry a seat). */
    public record SeatChange(String partyCode, int held, List<String> gainedFrom) {
        public SeatChange {
            gainedFrom = List.copyOf(gainedFrom);
        }

        public int gained() {
            return gainedFrom.size();
        }
    }

    /** Whether the seats can be compared one for one with the previous contest. */
    public boolean seatsComparable() {
        return previous.isPresent() && previous.get().seats() == contest.seats();
    }

    public boolean anyGain() {
        return seatChanges.stream().anyMatch(s -> s.gained() > 0);
    }
}
