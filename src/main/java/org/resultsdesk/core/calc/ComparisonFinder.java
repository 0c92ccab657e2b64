package org.resultsdesk.core.calc;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/**
 * Which earlier result a contest is measured against (DESIGN.md §3): for a general election the notional result on
 * its boundaries where no general election has been fought on them since, else the previous general election in
 * the seat; for a by-election the previous
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
        Optional<Contest> previous = latestBefore(contest, earlier, ElectionKind.GENERAL);
        Optional<Contest> notional = kind == ElectionKind.GENERAL
                ? latestBefore(contest, earlier, ElectionKind.NOTIONAL) : Optional.empty();
        // A notional result stands in for the election before a boundary change, not for one fought since.
        if (notional.isPresent() && previous.filter(p -> p.election().date().isAfter(
                notional.get().election().date())).isEmpty()) {
            return Optional.of(Comparisons.fromContest(notional.get(), year(notional.get()) + " notional"));
        }
        return previous.map(p -> Comparisons.fromContest(p, year(p)));
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
