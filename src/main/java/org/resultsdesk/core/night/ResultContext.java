package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.calc.Swing;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.history.HistoryLines;
import org.resultsdesk.core.model.Contest;

/**
 * One line or two of context a reporter wants with a result, each only where the data proves it:
 * <ul>
 *   <li>the seat's history ({@link HistoryLines}): the winner's first win there, or first since a year, how long a
 *   party has held it, and at a by-election how rare the gain is, over general elections since 1918 and every contest
 *   since 2010;</li>
 *   <li>for tonight's election: the first seat to change hands, and the largest swing of the night so far.</li>
 * </ul>
 */
public final class ResultContext implements ContextSource {
    private final Tonight tonight;
    private final HistoryLines history;
    private final ResultCalculator calculator = new ResultCalculator();
    /** Figures of tonight's results, recomputed only when a contest is replaced (a correction). */
    private final Map<String, Map.Entry<Contest, ResultFigures>> figures = new ConcurrentHashMap<>();

    public ResultContext(Tonight tonight) {
        this.tonight = tonight;
        this.history = new HistoryLines(tonight::archive);
    }

    @Override
    public List<String> lines(Contest contest) {
        List<String> lines = new ArrayList<>(history.lines(contest));
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
}
