package org.resultsdesk.core.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;

/** Seats, gains, losses and vote share by party for a general election, over the seats declared so far. */
final class Scoreboard {
    /** Parties with no seat and less than this share of the vote are summed into "Others". */
    private static final BigDecimal OTHERS_BELOW = BigDecimal.ONE;

    private final ResultsArchive archive;
    private final ResultCalculator calculator;

    /** One party's line. */
    record Line(Party party, int seats, int gains, int losses, long votes) {}

    Scoreboard(ResultsArchive archive, ResultCalculator calculator) {
        this.archive = archive;
        this.calculator = calculator;
    }

    Reply reply(List<String> arguments) {
        Optional<Election> election = general(arguments);
        if (election.isEmpty()) {
            return generalsOnly("The scoreboard", "scoreboard", arguments);
        }
        List<Contest> contests = archive.contestsOf(election.get().id());
        List<Line> lines = lines(contests);
        long totalVotes = contests.stream().mapToLong(Contest::validVotes).sum();

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Party", "Seats", "Gain", "Loss", "Net", "Vote"));
        long otherVotes = 0;
        int otherGains = 0;
        int otherLosses = 0;
        boolean anyOther = false;
        for (Line line : lines) {
            BigDecimal share = Percent.of(line.votes(), totalVotes);
            if (line.seats() == 0 && share.compareTo(OTHERS_BELOW) < 0) {
                // Folded parties keep their gains and losses (independents lost North Down in 2019).
                otherVotes += line.votes();
                otherGains += line.gains();
                otherLosses += line.losses();
                anyOther = true;
                continue;
            }
            rows.add(List.of(
                    PartyStyle.of(line.party()).label(),
                    String.valueOf(line.seats()),
                    String.valueOf(line.gains()),
                    String.valueOf(line.losses()),
                    signed(line.gains() - line.losses()),
                    Percent.oneDecimal(share).toPlainString() + "%"));
        }
        if (anyOther) {
            rows.add(List.of(
                    "Others",
                    "0",
                    String.valueOf(otherGains),
                    String.valueOf(otherLosses),
                    signed(otherGains - otherLosses),
                    Percent.oneDecimal(Percent.of(otherVotes, totalVotes)).toPlainString() + "%"));
        }
        String title =
                "General election " + election.get().date().getYear() + ": " + contests.size() + " seats declared";
        return new Reply(List.of(new Reply.Table(title, rows)), List.of());
    }

    /** The newest general election the arguments allow ("2019", a date, nothing for the latest). */
    Optional<Election> general(List<String> arguments) {
        ElectionFilter.Split split = ElectionFilter.split(arguments);
        // Words that name no election are not ignored (and the whole count tallied for nothing): the reporter is
        // shown which elections there are.
        if (!split.query().isBlank()) {
            return Optional.empty();
        }
        return archive.elections().stream()
                .filter(e -> e.kind() == ElectionKind.GENERAL)
                .filter(split.filter()::matches)
                .findFirst();
    }

    /**
     * "The scoreboard covers general elections" for words that name none, "No results on file for the 2029 general
     * election yet" for one that has none yet; with a button for each general election on file.
     */
    Reply generalsOnly(String what, String command, List<String> arguments) {
        List<Reply.Suggestion> generals = archive.elections().stream()
                .filter(e -> e.kind() == ElectionKind.GENERAL)
                .map(e -> new Reply.Suggestion(
                        "General election " + e.date().getYear(),
                        "/" + command + " " + e.date().getYear()))
                .toList();
        // A year or a date names an election, which may simply have no results yet (2029).
        if (!arguments.isEmpty()
                && arguments.stream()
                        .allMatch(a -> a.matches("\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}"))) {
            return Reply.text(
                    "No general election results on file for " + String.join(" ", arguments)
                            + " yet. Try one of these:",
                    generals);
        }
        return Reply.text(what + " covers general elections. Try one of these:", generals);
    }

    List<Line> lines(List<Contest> contests) {
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Long> votes = new LinkedHashMap<>();
        for (Contest contest : contests) {
            for (Candidacy c : contest.candidates()) {
                parties.putIfAbsent(c.party().code(), c.party());
                votes.merge(c.party().code(), (long) c.votes(), Long::sum);
                counts.computeIfAbsent(c.party().code(), k -> new int[3]);
            }
            ResultFigures figures = calculator.calculate(contest, archive.comparisonFor(contest));
            String winner = contest.winner().party().code();
            counts.get(winner)[0]++;
            figures.verdict().filter(v -> v.gain()).ifPresent(v -> {
                counts.get(winner)[1]++;
                parties.putIfAbsent(v.previousWinner().code(), v.previousWinner());
                counts.computeIfAbsent(v.previousWinner().code(), k -> new int[3])[2]++;
            });
        }
        return parties.values().stream()
                .map(p -> new Line(
                        p,
                        counts.get(p.code())[0],
                        counts.get(p.code())[1],
                        counts.get(p.code())[2],
                        votes.getOrDefault(p.code(), 0L)))
                .sorted(Comparator.comparingInt(Line::seats)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Line::votes).reversed()))
                .toList();
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }
}
