package org.resultsdesk.core.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.history.GeneralElectionHistory.Row;
import org.resultsdesk.core.seats.SeatNames;

/**
 * A general election's figures from the 1918-2019 file, which gives each seat's votes by party group (Con, Lib, Lab,
 * Nat, Oth), not by candidate. Only what the groups prove is given:
 *
 * <ul>
 *   <li>a seat is counted when it returned one member, was contested (no group returned unopposed) and its total
 *       equals the sum of its groups' votes (22 rows of the file do not add up) and is no more than its electorate;
 *   <li>turnout is valid votes over the electorate, the Commons Library's basis (the file gives no rejected ballots);
 *   <li>the majority is the winning group's votes less the next group's, where both are named groups and the "other"
 *       group polled no more than the runner-up (its votes may be several candidates', so where it polled more the
 *       runner-up is not known);
 *   <li>Butler swing is against the previous general election in a seat of the same name on the same boundary set,
 *       between the two named groups that matter (for a gain the previous and the new winner, for a hold the winner
 *       and the runner-up), each having stood both times; it is given from the one that fell back.
 * </ul>
 *
 * A group that fielded two candidates in a seat would read as one; the file cannot show it.
 */
public final class PartyGroupFigures {
    private static final List<String> NAMED = List.of("Con", "Lib", "Lab", "Nat");

    /** One seat at one election: the leading group ("Oth" when the other group leads) and what its votes prove. */
    public record Result(
            Row row,
            String leader,
            OptionalInt majority,
            Optional<BigDecimal> majorityPercent,
            BigDecimal turnout,
            Optional<Swing> swing) {}

    /** Swing in points from one group to another. */
    public record Swing(BigDecimal points, String from, String to) {}

    private PartyGroupFigures() {}

    /** The counted seats of one election of the file ("1945", "1974F"), in name order. */
    public static List<Result> of(GeneralElectionHistory history, String election) {
        int index = GeneralElectionHistory.ELECTIONS.indexOf(election);
        Map<String, List<Row>> before = new HashMap<>();
        if (index > 0) {
            history.rowsOf(GeneralElectionHistory.ELECTIONS.get(index - 1))
                    .forEach(r -> before.computeIfAbsent(SeatNames.normalise(r.name()), k -> new ArrayList<>())
                            .add(r));
        }
        Map<String, Long> namesNow = new HashMap<>();
        history.rowsOf(election).forEach(r -> namesNow.merge(SeatNames.normalise(r.name()), 1L, Long::sum));
        List<Result> results = new ArrayList<>();
        for (Row row : history.rowsOf(election)) {
            if (!counted(row)) {
                continue;
            }
            List<String> order = byVotes(row);
            String leader = order.get(0);
            OptionalInt majority = OptionalInt.empty();
            if (order.size() > 1 && NAMED.contains(leader) && NAMED.contains(order.get(1))) {
                majority = OptionalInt.of(row.votes().get(leader) - row.votes().get(order.get(1)));
            }
            if (majority.isPresent() && majority.getAsInt() == 0) {
                majority = OptionalInt.empty();
            }
            String key = SeatNames.normalise(row.name());
            List<Row> previous = before.getOrDefault(key, List.of());
            Optional<Swing> swing = previous.size() == 1 && namesNow.get(key) == 1
                    ? swing(previous.get(0), row, order)
                    : Optional.empty();
            int total = row.total().getAsInt();
            results.add(new Result(
                    row,
                    leader,
                    majority,
                    majority.isPresent() ? Optional.of(Percent.of(majority.getAsInt(), total)) : Optional.empty(),
                    Percent.of(total, row.electorate().getAsInt()),
                    swing));
        }
        return results;
    }

    /** One member, contested, and its figures add up. */
    static boolean counted(Row row) {
        if (row.seats() != 1
                || row.total().isEmpty()
                || row.electorate().isEmpty()
                || row.votes().size() < 2) {
            return false;
        }
        if (row.votes().values().stream().anyMatch(v -> v < 0)) {
            return false;
        }
        int sum = row.votes().values().stream().mapToInt(Integer::intValue).sum();
        int total = row.total().getAsInt();
        return sum == total && total > 0 && total <= row.electorate().getAsInt();
    }

    /** The groups that polled, most votes first (ties in the file's column order). */
    private static List<String> byVotes(Row row) {
        return GeneralElectionHistory.GROUPS.stream()
                .filter(g -> row.votes().getOrDefault(g, 0) > 0)
                .sorted(Comparator.comparing((String g) -> row.votes().get(g)).reversed())
                .toList();
    }

    private static Optional<Swing> swing(Row then, Row now, List<String> orderNow) {
        if (!counted(then)
                || !then.boundarySet().equals(now.boundarySet())
                || now.boundarySet().isEmpty()) {
            return Optional.empty();
        }
        List<String> orderThen = byVotes(then);
        String winnerNow = orderNow.get(0);
        String winnerThen = orderThen.get(0);
        if (!NAMED.contains(winnerNow) || !NAMED.contains(winnerThen) || orderNow.size() < 2) {
            return Optional.empty();
        }
        String a;
        String b;
        if (!winnerNow.equals(winnerThen)) {
            a = winnerThen;
            b = winnerNow;
        } else {
            a = winnerNow;
            b = orderNow.get(1);
            if (!NAMED.contains(b)) {
                return Optional.empty();
            }
        }
        if (!stood(then, a) || !stood(then, b) || !stood(now, a) || !stood(now, b)) {
            return Optional.empty();
        }
        BigDecimal changeA = share(now, a).subtract(share(then, a));
        BigDecimal changeB = share(now, b).subtract(share(then, b));
        BigDecimal points = changeB.subtract(changeA).divide(BigDecimal.valueOf(2));
        return Optional.of(points.signum() >= 0 ? new Swing(points, a, b) : new Swing(points.negate(), b, a));
    }

    private static boolean stood(Row row, String group) {
        return row.votes().getOrDefault(group, 0) > 0;
    }

    private static BigDecimal share(Row row, String group) {
        return Percent.of(row.votes().get(group), row.total().getAsInt());
    }
}
