package org.resultsdesk.core.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.announce.Formats;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.PartyContinuity;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ShareChange;
import org.resultsdesk.core.cards.BoardCard;
import org.resultsdesk.core.cards.PartyColours;
import org.resultsdesk.core.cards.ResultCard;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.PriorShare;
import org.resultsdesk.core.model.ResultsArchive;

/**
 * The night's board from the seats declared so far. A party's change in national share is measured on the same
 * seats: its share now against its share in those seats' comparison results (the previous general election, or the
 * notional result after a boundary review), weighted by each seat's valid votes tonight, as broadcasters show it
 * while the count goes on.
 */
final class BoardCardFactory {
    static final int HOUSE_SEATS = 650;
    static final int MAJORITY_LINE = HOUSE_SEATS / 2 + 1;
    private static final int PARTIES_SHOWN = 7;
    private static final int LINES_SHOWN = 6;

    private final ResultsArchive archive;
    private final Scoreboard scoreboard;

    BoardCardFactory(ResultsArchive archive, Scoreboard scoreboard) {
        this.archive = archive;
        this.scoreboard = scoreboard;
    }

    BoardCard board(Election election) {
        List<Contest> contests = archive.contestsOf(election.id());
        List<Scoreboard.Line> lines = scoreboard.lines(contests);
        long totalVotes = contests.stream().mapToLong(Contest::validVotes).sum();
        Map<String, BigDecimal> before = priorShares(contests, totalVotes);
        List<BoardCard.PartyRow> rows = new ArrayList<>();
        int otherSeats = 0;
        int otherGains = 0;
        int otherLosses = 0;
        long otherVotes = 0;
        for (Scoreboard.Line line : lines) {
            if (rows.size() < PARTIES_SHOWN
                    && (line.seats() > 0 || Percent.of(line.votes(), totalVotes).compareTo(BigDecimal.ONE) >= 0)) {
                BigDecimal share = Percent.of(line.votes(), totalVotes);
                BigDecimal prior = before.get(PartyContinuity.key(line.party(), ""));
                rows.add(new BoardCard.PartyRow(
                        PartyStyle.of(line.party()).label(),
                        PartyStyle.of(line.party()).name(),
                        PartyColours.of(line.party().code()),
                        line.seats(),
                        line.gains(),
                        line.losses(),
                        Formats.percent(share),
                        before.isEmpty()
                                ? ""
                                : Formats.change(
                                        prior == null
                                                ? new ShareChange.New()
                                                : new ShareChange.Points(share.subtract(prior)))));
            } else {
                otherSeats += line.seats();
                otherGains += line.gains();
                otherLosses += line.losses();
                otherVotes += line.votes();
            }
        }
        if (otherVotes > 0) {
            rows.add(new BoardCard.PartyRow(
                    "OTH",
                    "Others",
                    PartyColours.OTHER,
                    otherSeats,
                    otherGains,
                    otherLosses,
                    Formats.percent(Percent.of(otherVotes, totalVotes)),
                    ""));
        }
        String label = contests.stream()
                .map(archive::comparisonFor)
                .flatMap(Optional::stream)
                .map(Comparison::label)
                .findFirst()
                .orElse("");
        return new BoardCard(
                election.id(),
                "General election " + election.date().getYear(),
                contests.size(),
                HOUSE_SEATS,
                MAJORITY_LINE,
                rows,
                label,
                timelines(contests, lines),
                ResultCard.CREDIT);
    }

    /** Each party's share in the declared seats' comparison results, weighted by tonight's valid votes. */
    private Map<String, BigDecimal> priorShares(List<Contest> contests, long totalVotes) {
        Map<String, BigDecimal> weighted = new HashMap<>();
        long compared = 0;
        for (Contest contest : contests) {
            Optional<Comparison> comparison = archive.comparisonFor(contest);
            if (comparison.isEmpty()) {
                continue;
            }
            compared += contest.validVotes();
            for (PriorShare share : comparison.get().shares()) {
                weighted.merge(
                        PartyContinuity.key(share.party(), ""),
                        share.percent().multiply(BigDecimal.valueOf(contest.validVotes())),
                        BigDecimal::add);
            }
        }
        if (compared == 0 || compared != totalVotes) {
            return Map.of();
        }
        BigDecimal whole = BigDecimal.valueOf(compared);
        Map<String, BigDecimal> shares = new HashMap<>();
        weighted.forEach((party, sum) -> shares.put(party, sum.divide(whole, MathContext.DECIMAL64)));
        return shares;
    }

    /** Running seat totals by party in declaration order, for the parties with the most seats. */
    private static List<BoardCard.Timeline> timelines(List<Contest> contests, List<Scoreboard.Line> lines) {
        List<Contest> timed = contests.stream()
                .filter(c -> c.declaredAt().isPresent())
                .sorted(Comparator.comparing(c -> c.declaredAt().get()))
                .toList();
        if (timed.isEmpty()) {
            return List.of();
        }
        Instant first = timed.get(0).declaredAt().get();
        Instant last = timed.get(timed.size() - 1).declaredAt().get();
        Map<String, List<BoardCard.Point>> points = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<Party> shown = lines.stream()
                .filter(l -> l.seats() > 0)
                .limit(LINES_SHOWN)
                .map(Scoreboard.Line::party)
                .toList();
        shown.forEach(p -> points.put(p.code(), new ArrayList<>(List.of(new BoardCard.Point(first, 0)))));
        for (Contest contest : timed) {
            String winner = contest.winner().party().code();
            if (points.containsKey(winner)) {
                int seats = counts.merge(winner, 1, Integer::sum);
                points.get(winner).add(new BoardCard.Point(contest.declaredAt().get(), seats));
            }
        }
        return shown.stream()
                .map(p -> {
                    List<BoardCard.Point> line = points.get(p.code());
                    line.add(new BoardCard.Point(last, counts.getOrDefault(p.code(), 0)));
                    return new BoardCard.Timeline(PartyStyle.of(p).label(), PartyColours.of(p.code()), line);
                })
                .toList();
    }
}
