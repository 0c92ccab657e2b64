package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uniform national swing, the broadcasters' swingometer: in every seat {@code from} loses {@code points} of share and
 * {@code to} gains them, where each stood (a party gains nothing where it had no candidate, and no share falls below
 * zero). A seat falls when the party with the largest share afterwards is not the one that won it.
 */
public final class Swingometer {

    /** A seat that changes hands on the swing, by party key. */
    public record Fall(BaselineSeat seat, String winnerBefore, String winnerAfter) {}

    /** The seats that fall, and seats by party key before and after, largest first. */
    public record Outcome(List<Fall> falls, Map<String, Integer> before, Map<String, Integer> after) {}

    private Swingometer() {}

    public static Outcome swing(List<BaselineSeat> baseline, BigDecimal points, String fromKey, String toKey) {
        List<Fall> falls = new ArrayList<>();
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        for (BaselineSeat seat : baseline) {
            Map<String, BigDecimal> shares = seat.shares();
            if (shares.containsKey(fromKey)) {
                shares.put(fromKey, shares.get(fromKey).subtract(points).max(BigDecimal.ZERO));
            }
            if (shares.containsKey(toKey)) {
                shares.put(toKey, shares.get(toKey).add(points));
            }
            String held = seat.winnerKey();
            String winner = held;
            // A comparison may lack the winner's share (2017, known only through 2019's candidates): left as held.
            for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
                if (shares.containsKey(held)
                        && e.getValue().compareTo(shares.getOrDefault(winner, BigDecimal.ZERO)) > 0) {
                    winner = e.getKey();
                }
            }
            before.merge(held, 1, Integer::sum);
            after.merge(winner, 1, Integer::sum);
            if (!winner.equals(held)) {
                falls.add(new Fall(seat, held, winner));
            }
        }
        falls.sort(java.util.Comparator.comparing((Fall f) ->
                        f.seat().share(f.winnerBefore()).subtract(f.seat().share(f.winnerAfter())))
                .thenComparing(f -> f.seat().seat().name()));
        return new Outcome(falls, sorted(before), sorted(after));
    }

    private static Map<String, Integer> sorted(Map<String, Integer> seats) {
        Map<String, Integer> out = new LinkedHashMap<>();
        seats.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
