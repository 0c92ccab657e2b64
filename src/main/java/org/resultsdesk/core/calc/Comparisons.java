package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.PriorShare;

/** Builds the {@link Comparison} a later contest is measured against. */
public final class Comparisons {
    private Comparisons() {}

    /** A full previous result: shares from votes, its winner, majority and turnout. */
    public static Comparison fromContest(Contest before, String label) {
        List<PriorShare> shares = before.candidates().stream()
                .map(c -> new PriorShare(c.party(), c.displayName(), Percent.of(c.votes(), before.validVotes())))
                .toList();
        int majority = before.winner().votes()
                - before.runnerUp().map(Candidacy::votes).orElse(0);
        Turnout turnout = Turnout.of(before.electorate(), before.validVotes(), before.invalidVotes());
        return new Comparison(
                label,
                before.winner().party(),
                before.winner().displayName(),
                shares,
                OptionalInt.of(majority),
                turnout.basis() == Turnout.Basis.BALLOT_PAPERS ? Optional.of(turnout.percent()) : Optional.empty(),
                Optional.of(Percent.of(before.validVotes(), before.electorate())),
                Optional.empty());
    }

    /**
     * A previous result known only through the changes published with the current one (the Commons Library's 2019
     * file gives each party's change against 2017, but not the 2017 votes): each earlier share is the current share
     * less the published change, and the earlier winner is the one the published result text names.
     */
    public static Comparison fromPublishedChanges(
            Contest now, Map<Candidacy, BigDecimal> changeFractions, Party previousWinner, String label) {
        List<PriorShare> shares = now.candidates().stream()
                .filter(changeFractions::containsKey)
                .map(c -> new PriorShare(
                        c.party(),
                        c.displayName(),
                        Percent.of(c.votes(), now.validVotes()).subtract(Percent.fromFraction(changeFractions.get(c)))))
                .toList();
        return new Comparison(label, previousWinner, "", shares, OptionalInt.empty(), Optional.empty());
    }
}
