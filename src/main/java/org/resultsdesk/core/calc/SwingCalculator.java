package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Party;

/**
 * Butler swing: ((B_now - B_before) - (A_now - A_before)) / 2, where A lost ground and B gained it. For a gain, A is
 * the previous winner and B the new one; for a hold, A is the winner and B the runner-up, and the swing is reported
 * from whichever of the two fell back. No swing is given when either party has no share in either result (a new
 * party winning, as at Rochdale 2024), nor in the Speaker's seat, then or now: the major parties traditionally do not
 * stand against the Speaker, so there is no contest between them to measure.
 */
final class SwingCalculator {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    Optional<Swing> swing(List<CandidateFigures> rows, Verdict verdict, Comparison before) {
        CandidateFigures winner = rows.get(0);
        if (isSpeaker(winner.candidacy().party()) || isSpeaker(before.winner())) {
            return Optional.empty();
        }
        if (verdict.gain()) {
            Optional<CandidateFigures> loser = rows.stream()
                    .filter(r -> PartyContinuity.same(
                            r.candidacy().party(), r.candidacy().displayName(), before.winner(), before.winnerName()))
                    .findFirst();
            return loser.flatMap(a -> between(a, winner, before));
        }
        if (rows.size() < 2) {
            return Optional.empty();
        }
        return between(winner, rows.get(1), before);
    }

    static boolean isSpeaker(Party party) {
        return party.code().equals("Spk");
    }

    /** Swing from a to b, or from b to a when the figure comes out negative. */
    private static Optional<Swing> between(CandidateFigures a, CandidateFigures b, Comparison before) {
        if (!(a.change() instanceof ShareChange.Points aChange)
                || !(b.change() instanceof ShareChange.Points bChange)) {
            return Optional.empty();
        }
        BigDecimal toB = bChange.value().subtract(aChange.value()).divide(TWO);
        Party aParty = a.candidacy().party();
        Party bParty = b.candidacy().party();
        return Optional.of(
                toB.signum() >= 0 ? new Swing(toB, aParty, bParty) : new Swing(toB.negate(), bParty, aParty));
    }
}
