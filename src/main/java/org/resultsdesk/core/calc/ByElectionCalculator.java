package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;

/**
 * A council by-election against the party defending the vacancy (DESIGN.md §3a): GAIN when another party wins, HOLD
 * when the defender does, a plain win with no verdict when nobody is known to defend. Butler swing as at Westminster:
 * for a gain between the defender and the winner, otherwise between the winner and the runner-up, reported from
 * whichever fell back; none when either party has no share to compare.
 */
public final class ByElectionCalculator {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final LocalCalculator local;

    public ByElectionCalculator(LocalCalculator local) {
        this.local = local;
    }

    public ByElectionFigures calculate(LocalContest contest, Optional<LocalContest> previous, Defence defence) {
        LocalFigures figures = local.calculate(contest, previous);
        List<ByElectionFigures.PartyShare> shares = figures.rows().stream()
                .filter(r -> r.share().isPresent())
                .map(r -> new ByElectionFigures.PartyShare(
                        r.candidate().party(), r.share().get(), r.change()))
                .toList();
        Party winner = contest.elected().get(0).party();
        ByElectionFigures.Verdict verdict = defence.party()
                .map(d -> d.code().equals(winner.code())
                        ? ByElectionFigures.Verdict.HOLD
                        : ByElectionFigures.Verdict.GAIN)
                .orElse(ByElectionFigures.Verdict.WIN);
        Optional<Swing> swing;
        if (verdict == ByElectionFigures.Verdict.GAIN) {
            String defender = defence.party().orElseThrow().code();
            swing = shares.stream()
                    .filter(s -> s.party().code().equals(defender))
                    .findFirst()
                    .flatMap(a -> between(a, shares.get(0)));
        } else {
            swing = shares.size() < 2 ? Optional.empty() : between(shares.get(0), shares.get(1));
        }
        return new ByElectionFigures(figures, defence, verdict, winner, shares, swing);
    }

    /** Swing from a to b, or from b to a when the figure comes out negative. */
    private static Optional<Swing> between(ByElectionFigures.PartyShare a, ByElectionFigures.PartyShare b) {
        if (!(a.change() instanceof ShareChange.Points aChange)
                || !(b.change() instanceof ShareChange.Points bChange)) {
            return Optional.empty();
        }
        BigDecimal toB = bChange.value().subtract(aChange.value()).divide(TWO);
        return Optional.of(
                toB.signum() >= 0
                        ? new Swing(toB, a.party(), b.party())
                        : new Swing(toB.negate(), b.party(), a.party()));
    }
}
