package org.resultsdesk.core.night;

import java.util.Comparator;
import java.util.List;
import org.resultsdesk.core.calc.ResultFigures;

/**
 * The night's records over the declared results: largest and smallest majorities (in votes), largest swings, highest
 * and lowest turnouts. Ties keep seat-name order.
 */
public record NightRecords(
        List<ResultFigures> largestMajorities,
        List<ResultFigures> smallestMajorities,
        List<ResultFigures> largestSwings,
        List<ResultFigures> highestTurnouts,
        List<ResultFigures> lowestTurnouts) {

    public static NightRecords of(List<ResultFigures> results, int each) {
        Comparator<ResultFigures> byName =
                Comparator.comparing(f -> f.contest().seat().name());
        Comparator<ResultFigures> majority = Comparator.comparingInt(ResultFigures::majority);
        Comparator<ResultFigures> turnout =
                Comparator.comparing(f -> f.turnout().percent());
        Comparator<ResultFigures> swing =
                Comparator.comparing(f -> f.swing().orElseThrow().points());
        return new NightRecords(
                top(results, majority.reversed().thenComparing(byName), each),
                top(results, majority.thenComparing(byName), each),
                top(
                        results.stream().filter(f -> f.swing().isPresent()).toList(),
                        swing.reversed().thenComparing(byName),
                        each),
                top(results, turnout.reversed().thenComparing(byName), each),
                top(results, turnout.thenComparing(byName), each));
    }

    private static List<ResultFigures> top(List<ResultFigures> results, Comparator<ResultFigures> order, int each) {
        return results.stream().sorted(order).limit(each).toList();
    }
}
