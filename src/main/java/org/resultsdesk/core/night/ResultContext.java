package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.PartyContinuity;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.calc.Swing;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;

/**
 * One line or two of context a reporter wants with a result, each only where the data proves it:
 * <ul>
 *   <li>the winner's first win in the seat, or first since a given year, over the results on file. Those are
 *   complete from GE2019 on (that election, the 2019 notionals on the 2024 boundaries, GE2024 and every
 *   by-election since), so nothing earlier is claimed: the 2017 figures are known only as 2019's comparison, and
 *   by-elections of 2017-19 are missing;</li>
 *   <li>for tonight's election: the first seat to change hands, and the largest swing of the night so far.</li>
 * </ul>
 */
public final class ResultContext implements ContextSource {
    /** GE2019: from here on every result in a seat is on file. */
    static final LocalDate RECORD_STARTS = LocalDate.of(2019, 12, 12);

    private final Tonight tonight;
    private final ResultCalculator calculator = new ResultCalculator();
    /** Figures of tonight's results, recomputed only when a contest is replaced (a correction). */
    private final Map<String, Map.Entry<Contest, ResultFigures>> figures = new ConcurrentHashMap<>();

    public ResultContext(Tonight tonight) {
        this.tonight = tonight;
    }

    /** A result on file before the one in question: when, who won (by party key), and whether it is a notional. */
    record Past(LocalDate date, String winnerKey, boolean notional) {}

    @Override
    public List<String> lines(Contest contest) {
        List<String> lines = new ArrayList<>();
        history(contest.winner(), past(contest)).ifPresent(lines::add);
        if (tonight.isTonight(contest)) {
            ResultFigures these = figures(contest);
            List<ResultFigures> others = tonight.declared().stream()
                    .filter(c -> !c.id().equals(contest.id()))
                    .map(this::figures)
                    .toList();
            firstChangeOfHands(these, others).ifPresent(lines::add);
            largestSwing(these, others).ifPresent(lines::add);
        }
        return lines;
    }

    /** Results in this seat from GE2019 on and before this one, oldest first, with the notionals they were measured on. */
    List<Past> past(Contest contest) {
        LocalDate date = contest.election().date();
        List<Past> past = new ArrayList<>();
        List<Contest> earlier = tonight.archive().contestsIn(List.of(contest.seat())).stream()
                .filter(c -> c.election().date().isBefore(date)
                        && !c.election().date().isBefore(RECORD_STARTS))
                .toList();
        earlier.forEach(c -> past.add(new Past(c.election().date(), key(c.winner()), false)));
        List<Contest> measured = new ArrayList<>(earlier);
        measured.add(contest);
        for (Contest c : measured) {
            tonight.archive()
                    .comparisonFor(c)
                    .filter(ResultContext::isNotionalOnFile)
                    .ifPresent(n -> past.add(new Past(RECORD_STARTS, key(n), true)));
        }
        return past.stream().distinct().sorted(Comparator.comparing(Past::date)).toList();
    }

    static Optional<String> history(Candidacy winner, List<Past> past) {
        String key = key(winner);
        if (past.isEmpty()
                || winner.party().code().equals("Spk")
                || past.get(past.size() - 1).winnerKey().equals(key)) {
            return Optional.empty();
        }
        String who = winner.party().isIndependent()
                ? winner.displayName()
                : PartyStyle.of(winner.party()).collective();
        Optional<Past> lastWin =
                past.stream().filter(p -> p.winnerKey().equals(key)).reduce((a, b) -> b);
        if (lastWin.isEmpty()) {
            return Optional.of("First win for " + who + " in this seat in the results on file ("
                    + past.get(0).date().getYear() + " onwards)");
        }
        return Optional.of("First win for " + who + " here since "
                + lastWin.get().date().getYear() + (lastWin.get().notional() ? " (notional result)" : ""));
    }

    static Optional<String> firstChangeOfHands(ResultFigures these, List<ResultFigures> others) {
        if (!isGain(these)) {
            return Optional.empty();
        }
        List<ResultFigures> otherGains =
                others.stream().filter(ResultContext::isGain).toList();
        boolean first = otherGains.stream()
                .allMatch(o -> these.contest().declaredAt().isPresent()
                        && o.contest()
                                .declaredAt()
                                .filter(t ->
                                        t.isAfter(these.contest().declaredAt().get()))
                                .isPresent());
        return first ? Optional.of("The first seat to change hands tonight") : Optional.empty();
    }

    static Optional<String> largestSwing(ResultFigures these, List<ResultFigures> others) {
        if (these.swing().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal points = these.swing().get().points();
        List<BigDecimal> otherSwings = others.stream()
                .flatMap(o -> o.swing().map(Swing::points).stream())
                .toList();
        boolean largest = !otherSwings.isEmpty() && otherSwings.stream().allMatch(s -> points.compareTo(s) > 0);
        return largest ? Optional.of("The largest swing of the night so far") : Optional.empty();
    }

    private ResultFigures figures(Contest contest) {
        Map.Entry<Contest, ResultFigures> cached = figures.get(contest.id());
        if (cached != null && cached.getKey() == contest) {
            return cached.getValue();
        }
        ResultFigures computed = calculator.calculate(contest, tonight.archive().comparisonFor(contest));
        figures.put(contest.id(), Map.entry(contest, computed));
        return computed;
    }

    private static boolean isGain(ResultFigures figures) {
        return figures.verdict().map(Verdict::gain).orElse(false);
    }

    private static boolean isNotionalOnFile(Comparison comparison) {
        return comparison.label().contains("notional") && comparison.label().startsWith("2019");
    }

    private static String key(Candidacy c) {
        return PartyContinuity.key(c.party(), c.displayName());
    }

    private static String key(Comparison c) {
        return PartyContinuity.key(c.winner(), c.winnerName());
    }
}
