package org.resultsdesk.core.byelections;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Ward;

/**
 * The by-elections of one week, Monday to Sunday: the council by-elections due or declared, by day, council and ward,
 * and the parliamentary by-elections declared in it.
 */
public record ByElectionWeek(LocalDate monday, List<Council> council, List<Contest> parliamentary) {

    /** A council by-election: as listed (candidates, seats), and its result once in. */
    public record Council(
            BallotId ballot, Ward ward, int seats, List<DueBallot.Nominee> candidates, Optional<LocalContest> result) {
        public Council {
            Objects.requireNonNull(ballot, "ballot");
            Objects.requireNonNull(ward, "ward");
            candidates = List.copyOf(candidates);
            Objects.requireNonNull(result, "result");
        }

        public LocalDate day() {
            return ballot.date();
        }
    }

    public ByElectionWeek {
        Objects.requireNonNull(monday, "monday");
        if (monday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not " + monday.getDayOfWeek());
        }
        council = List.copyOf(council);
        parliamentary = List.copyOf(parliamentary);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public List<Council> declared() {
        return council.stream().filter(c -> c.result().isPresent()).toList();
    }
}
