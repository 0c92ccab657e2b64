package org.resultsdesk.core.calc;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.seats.SeatLineage;
import org.resultsdesk.core.seats.SeatNames;

/**
 * Which earlier result a contest is measured against (DESIGN.md §3): for a general election the notional result on
 * its boundaries where no general election has been fought on them since, else the previous general election in
 * the seat; for a by-election the previous
 * general election in the seat. Seats are matched by GSS code, so new boundaries meet only their notionals.
 *
 * <p>It also finds who held the seat on the day: the winner of the latest by-election since that result, in the same
 * seat, a seat of the same name on the old boundaries, or the old seat most of whose people live in this one
 * (Rochdale, Mid Bedfordshire and Blackpool South in 2024; Selby and Ainsty became Selby).
 */
public final class ComparisonFinder {
    /** An old seat is this one's predecessor when most of its people live here (Kingswood, split three ways, is not). */
    private static final java.math.BigDecimal MOSTLY = new java.math.BigDecimal("0.5");

    private ComparisonFinder() {}

    public static Optional<Comparison> find(Contest contest, Collection<Contest> earlier) {
        return find(contest, earlier, SeatLineage.NONE);
    }

    public static Optional<Comparison> find(Contest contest, Collection<Contest> earlier, SeatLineage lineage) {
        ElectionKind kind = contest.election().kind();
        if (kind == ElectionKind.NOTIONAL) {
            return Optional.empty();
        }
        Optional<Contest> previous = latestBefore(contest, earlier, ElectionKind.GENERAL);
        Optional<Contest> notional =
                kind == ElectionKind.GENERAL ? latestBefore(contest, earlier, ElectionKind.NOTIONAL) : Optional.empty();
        // A notional result stands in for the election before a boundary change, not for one fought since.
        boolean notionalStands = notional.isPresent()
                && previous.filter(p -> p.election()
                                .date()
                                .isAfter(notional.get().election().date()))
                        .isEmpty();
        Optional<Contest> base = notionalStands ? notional : previous;
        return base.map(before -> Comparisons.fromContest(
                        before, year(before) + (before.election().kind() == ElectionKind.NOTIONAL ? " notional" : "")))
                .map(c -> withHolder(c, contest, base.get().election().date(), earlier, lineage));
    }

    /** The comparison with who held the seat on the day, if a by-election since the given date says so. */
    public static Comparison withHolder(
            Comparison comparison, Contest contest, LocalDate since, Collection<Contest> earlier, SeatLineage lineage) {
        String name = SeatNames.normalise(contest.seat().name());
        return earlier.stream()
                .filter(c -> c.election().kind() == ElectionKind.BY_ELECTION)
                .filter(c -> c.election().date().isAfter(since)
                        && c.election().date().isBefore(contest.election().date()))
                .filter(c -> c.seat().gss().equals(contest.seat().gss())
                        || SeatNames.normalise(c.seat().name()).equals(name)
                        || lineage.successorOf(c.seat().gss())
                                .filter(s -> s.gss().equals(contest.seat().gss())
                                        && s.share().compareTo(MOSTLY) >= 0)
                                .isPresent())
                .max(Comparator.comparing((Contest c) -> c.election().date()))
                .map(by -> comparison.withByElectionHolder(new Comparison.Holder(
                        by.winner().party(),
                        by.winner().knownName(),
                        by.election().date())))
                .orElse(comparison);
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
