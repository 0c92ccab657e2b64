package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.resultsdesk.core.calc.PartyContinuity;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.PriorShare;
import org.resultsdesk.core.model.Seat;

/**
 * One seat as it stood before tonight, the result that targets and the swingometer start from: each party's share
 * (percent, unrounded) by its {@link PartyContinuity} key, so the Brexit Party's 2019 share counts as Reform UK's.
 */
public record BaselineSeat(Seat seat, Comparison comparison) {

    public BaselineSeat {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** Shares by party key, summed where one party had two entries. */
    public Map<String, BigDecimal> shares() {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (PriorShare s : comparison.shares()) {
            shares.merge(PartyContinuity.key(s.party(), s.candidateName()), s.percent(), BigDecimal::add);
        }
        return shares;
    }

    /** The party behind each key, as it stood then. */
    public Map<String, Party> parties() {
        Map<String, Party> parties = new LinkedHashMap<>();
        comparison
                .shares()
                .forEach(s -> parties.putIfAbsent(PartyContinuity.key(s.party(), s.candidateName()), s.party()));
        parties.putIfAbsent(winnerKey(), comparison.winner());
        return parties;
    }

    public String winnerKey() {
        return PartyContinuity.key(comparison.winner(), comparison.winnerName());
    }

    public Party winner() {
        return comparison.winner();
    }

    public BigDecimal share(String key) {
        return shares().getOrDefault(key, BigDecimal.ZERO);
    }

    public boolean stood(String key) {
        return shares().containsKey(key);
    }

    /** The winner's lead over the runner-up in points. */
    public BigDecimal majorityPercent() {
        Map<String, BigDecimal> shares = shares();
        BigDecimal winner = shares.getOrDefault(winnerKey(), BigDecimal.ZERO);
        BigDecimal second = shares.entrySet().stream()
                .filter(e -> !e.getKey().equals(winnerKey()))
                .map(Map.Entry::getValue)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
        return winner.subtract(second);
    }
}
