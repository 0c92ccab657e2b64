package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.PriorShare;

/** Shares, changes, majority, turnout, GAIN/HOLD and swing for a contest, as DESIGN.md §3 defines them. */
public final class ResultCalculator {
    private final SwingCalculator swingCalculator = new SwingCalculator();

    public ResultFigures calculate(Contest contest, Optional<Comparison> comparison) {
        Map<String, Long> perParty = contest.candidates().stream()
                .collect(Collectors.groupingBy(
                        c -> PartyContinuity.key(c.party(), c.displayName()), Collectors.counting()));
        List<CandidateFigures> rows = contest.candidates().stream()
                .map(c -> new CandidateFigures(
                        c, Percent.of(c.votes(), contest.validVotes()), change(c, contest, comparison, perParty)))
                .toList();

        int majority = contest.winner().votes()
                - contest.runnerUp().map(Candidacy::votes).orElse(0);
        Optional<Verdict> verdict = comparison.map(before -> verdict(contest.winner(), before));
        OptionalInt overturned =
                verdict.filter(Verdict::gain).isPresent() ? comparison.get().majority() : OptionalInt.empty();

        return new ResultFigures(
                contest,
                comparison,
                rows,
                majority,
                Percent.of(majority, contest.validVotes()),
                Turnout.of(contest.electorate(), contest.validVotes(), contest.invalidVotes()),
                verdict,
                verdict.flatMap(v -> swingCalculator.swing(rows, v, comparison.get())),
                overturned);
    }

    public static Optional<BigDecimal> priorShare(Comparison before, Party party, String candidateName) {
        return before.shares().stream()
                .filter(s -> PartyContinuity.same(s.party(), s.candidateName(), party, candidateName))
                .map(PriorShare::percent)
                .reduce(BigDecimal::add);
    }

    private static ShareChange change(
            Candidacy candidacy,
            Contest contest,
            Optional<Comparison> comparison,
            Map<String, Long> candidatesPerParty) {
        if (comparison.isEmpty()) {
            return new ShareChange.NotCompared();
        }
        if (candidatesPerParty.get(PartyContinuity.key(candidacy.party(), candidacy.displayName())) > 1) {
            // Two candidates of one party (rare, e.g. a split ticket) cannot each carry the party's change.
            return new ShareChange.New();
        }
        return priorShare(comparison.get(), candidacy.party(), candidacy.displayName())
                .<ShareChange>map(before -> new ShareChange.Points(
                        Percent.of(candidacy.votes(), contest.validVotes()).subtract(before)))
                .orElseGet(ShareChange.New::new);
    }

    private static Verdict verdict(Candidacy winner, Comparison before) {
        boolean hold = PartyContinuity.same(winner.party(), winner.displayName(), before.winner(), before.winnerName());
        return new Verdict(winner.party(), before.winner(), !hold);
    }
}
