package org.resultsdesk.core.byelections;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resultsdesk.core.calc.ByElectionFigures;
import org.resultsdesk.core.calc.ShareChange;
import org.resultsdesk.core.model.Party;

/**
 * What a week's council by-elections add up to: seats changing hands by party (a GAIN is a gain for the winner and a
 * loss for the defender; a HOLD or a win with nobody known to defend changes nothing), and each party's average change
 * in share over the contests it fought both this time and last time (the unrounded changes averaged, then rounded
 * once when shown).
 */
public record WeekTally(Map<String, SeatsChanging> seats, Map<String, AverageChange> changes) {
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    public record SeatsChanging(Party party, int gains, int losses) {
        public int net() {
            return gains - losses;
        }
    }

    public record AverageChange(Party party, BigDecimal mean, int contests) {}

    public WeekTally {
        seats = Map.copyOf(seats);
        changes = Map.copyOf(changes);
    }

    public static WeekTally of(List<ByElectionFigures> results) {
        Map<String, SeatsChanging> seats = new LinkedHashMap<>();
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, List<BigDecimal>> changes = new LinkedHashMap<>();
        for (ByElectionFigures r : results) {
            if (r.verdict() == ByElectionFigures.Verdict.GAIN) {
                Party winner = r.winner();
                Party loser = r.defence().party().orElseThrow();
                seats.merge(winner.code(), new SeatsChanging(winner, 1, 0), WeekTally::add);
                seats.merge(loser.code(), new SeatsChanging(loser, 0, 1), WeekTally::add);
            }
            for (ByElectionFigures.PartyShare s : r.shares()) {
                if (s.change() instanceof ShareChange.Points p) {
                    parties.putIfAbsent(s.party().code(), s.party());
                    changes.computeIfAbsent(s.party().code(), k -> new ArrayList<>())
                            .add(p.value());
                }
            }
        }
        Map<String, AverageChange> averages = new LinkedHashMap<>();
        changes.forEach((code, list) -> averages.put(
                code,
                new AverageChange(
                        parties.get(code),
                        list.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(list.size()), PRECISION),
                        list.size())));
        return new WeekTally(seats, averages);
    }

    private static SeatsChanging add(SeatsChanging a, SeatsChanging b) {
        return new SeatsChanging(a.party(), a.gains() + b.gains(), a.losses() + b.losses());
    }

    /** Parties by net seats, most gained first, then by name. */
    public List<SeatsChanging> seatsInOrder() {
        return seats.values().stream()
                .sorted(java.util.Comparator.comparingInt(SeatsChanging::net)
                        .reversed()
                        .thenComparing(s -> s.party().code()))
                .toList();
    }

    /** Parties by average change, biggest rise first. */
    public List<AverageChange> changesInOrder() {
        return changes.values().stream()
                .sorted(java.util.Comparator.comparing(AverageChange::mean)
                        .reversed()
                        .thenComparing(a -> a.party().code()))
                .toList();
    }
}
