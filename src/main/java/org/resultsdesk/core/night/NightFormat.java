package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Party;

/** How the night desk's commands write times, votes, shares, parties and verdicts. */
final class NightFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(Tonight.LONDON);

    private static final ResultCalculator CALCULATOR = new ResultCalculator();

    private NightFormat() {}

    /** "Lab GAIN from Con", "Con HOLD", "Lab WIN" (nothing to compare with). */
    static String verdict(Tonight tonight, Contest contest) {
        ResultFigures f = CALCULATOR.calculate(contest, tonight.archive().comparisonFor(contest));
        String winner = PartyStyle.of(contest.winner().party()).abbreviation();
        return f.verdict()
                .map(v -> v.gain()
                        ? winner + " GAIN from "
                                + PartyStyle.of(v.previousWinner()).abbreviation()
                        : winner + " HOLD")
                .orElse(winner + " WIN");
    }

    static Set<String> partyKeys(List<BaselineSeat> baseline) {
        return baseline.stream().flatMap(b -> b.shares().keySet().stream()).collect(Collectors.toSet());
    }

    static Party partyOf(String key, List<BaselineSeat> baseline) {
        return baseline.stream()
                .map(b -> b.parties().get(key))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(new Party(key, key));
    }

    static String label(List<BaselineSeat> baseline) {
        return baseline.get(0).comparison().label();
    }

    static String votes(int votes) {
        return String.format(Locale.UK, "%,d", votes);
    }

    static String percent(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString() + "%";
    }

    static String points(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString();
    }
}
