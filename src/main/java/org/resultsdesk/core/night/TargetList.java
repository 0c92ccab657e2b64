package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A party's targets: the seats it did not win in the baseline but stood in, by the swing it needs from the winner,
 * smallest first. The swing needed is half the gap in share, as uniform swing measures it.
 */
public final class TargetList {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public record Target(BaselineSeat seat, BigDecimal swingNeeded) {}

    private TargetList() {}

    public static List<Target> of(String partyKey, List<BaselineSeat> baseline) {
        return baseline.stream()
                .filter(b -> !b.winnerKey().equals(partyKey) && b.stood(partyKey))
                .map(b -> new Target(
                        b, b.share(b.winnerKey()).subtract(b.share(partyKey)).divide(TWO)))
                .sorted(Comparator.comparing(Target::swingNeeded)
                        .thenComparing(t -> t.seat().seat().name()))
                .toList();
    }
}
