package org.resultsdesk.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result a contest is measured against: the previous general election in the seat, or the notional result on
 * new boundaries. {@code label} is how it is named in copy ("2019", "2019 notional"). Shares are always known;
 * votes, majority and turnout only where the source gives them.
 */
public record Comparison(
        String label,
        Party winner,
        String winnerName,
        List<PriorShare> shares,
        OptionalInt majority,
        Optional<BigDecimal> turnoutPercent) {

    public Comparison {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(winner, "winner");
        winnerName = winnerName == null ? "" : winnerName;
        shares = List.copyOf(shares);
        Objects.requireNonNull(majority, "majority");
        Objects.requireNonNull(turnoutPercent, "turnoutPercent");
    }
}
