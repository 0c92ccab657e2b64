package org.resultsdesk.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result a contest is measured against: the previous general election in the seat, or the notional result on
 * new boundaries. {@code label} is how it is named in copy ("2019", "2019 notional"). Shares are always known;
 * votes, majority and turnout only where the source gives them. {@code validVoteTurnoutPercent} is its turnout on
 * valid votes, for a result whose own turnout can only be given on that basis (a feed without rejected ballots).
 * {@code byElectionHolder} is who held the seat on the day when a by-election since changed or renewed it: the
 * verdict still follows the comparison, but copy says "regains" or "re-elected" by it.
 */
public record Comparison(
        String label,
        Party winner,
        String winnerName,
        List<PriorShare> shares,
        OptionalInt majority,
        Optional<BigDecimal> turnoutPercent,
        Optional<BigDecimal> validVoteTurnoutPercent,
        Optional<Holder> byElectionHolder) {

    /** The winner of a by-election held since the comparison result, in this seat or the one it replaced. */
    public record Holder(Party party, String name, LocalDate byElection) {
        public Holder {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(byElection, "byElection");
        }
    }

    public Comparison(
            String label,
            Party winner,
            String winnerName,
            List<PriorShare> shares,
            OptionalInt majority,
            Optional<BigDecimal> turnoutPercent) {
        this(label, winner, winnerName, shares, majority, turnoutPercent, Optional.empty(), Optional.empty());
    }

    public Comparison withByElectionHolder(Holder holder) {
        return new Comparison(
                label,
                winner,
                winnerName,
                shares,
                majority,
                turnoutPercent,
                validVoteTurnoutPercent,
                Optional.of(holder));
    }

    public Comparison {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(winner, "winner");
        winnerName = winnerName == null ? "" : winnerName;
        shares = List.copyOf(shares);
        Objects.requireNonNull(majority, "majority");
        Objects.requireNonNull(turnoutPercent, "turnoutPercent");
        Objects.requireNonNull(validVoteTurnoutPercent, "validVoteTurnoutPercent");
        Objects.requireNonNull(byElectionHolder, "byElectionHolder");
    }
}
