package org.resultsdesk.core.calc;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/**
 * Which earlier result a contest is measured against (DESIGN.md §3): for a general election the notional result on
 * its boundaries where there is one, else the previous general election in the seat; for a by-election the previous
 * general election in the seat. Seats are matched by GSS code, so new boundaries meet only their notionals.
 */
public final class ComparisonFinder {
    private ComparisonFinder() {
    }

    public static Optional<Comparison> find(Contest contest, Collection<Contest> earlier) {
        ElectionKind kind = contest.election().kind();
        if (kind == ElectionKind.NOTIONAL) {
            return Optional.empty();
        }
        Optional<Contest> notional = kind == ElectionKind.GENERAL
                ? latestBefore(contest, earlier, ElectionKind.NOTIONAL) : Optional.empty();
        if (notional.isPresent()) {
            return Optional.of(Comparisons.fromContest(notional.get(), year(notional.get()) + " notional"));
        }
        return latestBefore(contest, earlier, ElectionKind.GENERAL)
                .map(previous -> Comparisons.fromContest(previous, year(previous)));
    }

    private static Optional<Contest> latestBefore(Contest contest, Collection<Contest> all, ElectionKind kind) {
        return all.stream()
                .filter(c -> c.election().kind() == kind)
                .filter(c -> c.seat().gss().equals(contest.seat().gss()))
                .filter(c -> c.election().date().isBefore(contest.election().date()))
                .max(Comparator.comparing((Contest c) -> c.election().date()));
    }

    private static String year(Contest contest) {
        return String.valueOf(contest.election().date().getYear());
    }
}
