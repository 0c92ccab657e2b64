package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Records over a set of seat results: largest and smallest majorities (in votes), largest swings, highest and lowest
 * turnouts. A result that cannot give a figure (a majority or swing its source does not prove) is left out of that
 * table only. Ties keep seat-name order.
 */
public record NightRecords(
        List<Entry> largestMajorities,
        List<Entry> smallestMajorities,
        List<Entry> largestSwings,
        List<Entry> highestTurnouts,
        List<Entry> lowestTurnouts) {

    /**
     * One seat result as the records rank it: the seat as shown (with its year when several elections are ranked),
     * the winner's label, and its figures, unrounded.
     */
    public record Entry(
            String seat,
            String winner,
            OptionalInt majority,
            Optional<BigDecimal> majorityPercent,
            Optional<Swing> swing,
            BigDecimal turnout) {}

    /** Swing in points, from one party (or party group) to another, as labels. */
    public record Swing(BigDecimal points, String from, String to) {}

    public static NightRecords of(List<Entry> results, int each) {
        Comparator<Entry> byName = Comparator.comparing(Entry::seat);
        Comparator<Entry> majority = Comparator.comparingInt(e -> e.majority().getAsInt());
        Comparator<Entry> turnout = Comparator.comparing(Entry::turnout);
        Comparator<Entry> swing =
                Comparator.comparing(e -> e.swing().orElseThrow().points());
        List<Entry> withMajority =
                results.stream().filter(e -> e.majority().isPresent()).toList();
        return new NightRecords(
                top(withMajority, majority.reversed().thenComparing(byName), each),
                top(withMajority, majority.thenComparing(byName), each),
                top(
                        results.stream().filter(e -> e.swing().isPresent()).toList(),
                        swing.reversed().thenComparing(byName),
                        each),
                top(results, turnout.reversed().thenComparing(byName), each),
                top(results, turnout.thenComparing(byName), each));
    }

    private static List<Entry> top(List<Entry> results, Comparator<Entry> order, int each) {
        return results.stream().sorted(order).limit(each).toList();
    }
}
