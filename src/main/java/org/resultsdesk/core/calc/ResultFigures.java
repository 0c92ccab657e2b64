package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;

/** Everything the house style reports about a result, unrounded. */
public record ResultFigures(
        Contest contest,
        Optional<Comparison> comparison,
        List<CandidateFigures> rows,
        int majority,
        BigDecimal majorityPercent,
        Turnout turnout,
        Optional<Verdict> verdict,
        Optional<Swing> swing,
        OptionalInt overturnedMajority) {

    public CandidateFigures winner() {
        return rows.get(0);
    }

    public Optional<CandidateFigures> runnerUp() {
        return rows.size() > 1 ? Optional.of(rows.get(1)) : Optional.empty();
    }
}
