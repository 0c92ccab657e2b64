package org.resultsdesk.core.announce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.calc.CandidateFigures;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.calc.Turnout;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/** Turns calculated figures into the house-style {@link Announcement} (DESIGN.md §4). */
public final class AnnouncementFactory {

    public Announcement announce(ResultFigures figures) {
        Contest contest = figures.contest();
        Candidacy winner = contest.winner();
        PartyStyle winnerStyle = PartyStyle.of(winner.party());
        return new Announcement(
                contest.id(),
                headline(contest),
                verdict(figures),
                figures.verdict()
                        .map(v -> v.gain() ? Announcement.Outcome.GAIN : Announcement.Outcome.HOLD)
                        .orElse(Announcement.Outcome.WIN),
                winner.displayName() + " (" + winnerStyle.abbreviation() + ") elected, majority "
                        + Formats.votes(figures.majority()) + " ("
                        + Formats.majorityPercent(figures.majority(), figures.majorityPercent()) + ")",
                figures.rows().stream().map(AnnouncementFactory::row).toList(),
                figures.swing()
                        .map(s -> "Swing " + Formats.percent(s.points()) + " "
                                + PartyStyle.of(s.from()).abbreviation() + " to "
                                + PartyStyle.of(s.to()).abbreviation()),
                turnout(figures),
                notes(figures));
    }

    /** "Kingswood by-election, 15 Feb 2024", "Kingswood, general election 12 Dec 2019". */
    public static String headline(Contest contest) {
        String date = Formats.date(contest.election().date());
        return contest.election().kind() == ElectionKind.BY_ELECTION
                ? contest.seat().name() + " by-election, " + date
                : contest.seat().name() + ", " + generalElection(contest);
    }

    /** "general election 12 Dec 2019": what a general election's headlines share after the seat. */
    public static String generalElection(Contest contest) {
        return "general election " + Formats.date(contest.election().date());
    }

    /** "Lab GAIN from Con", "Con HOLD", "Lab WIN" (nothing to compare with): the verdict in lists and summaries. */
    public static String shortVerdict(ResultFigures figures) {
        String winner = PartyStyle.of(figures.contest().winner().party()).abbreviation();
        return figures.verdict()
                .map(v -> v.gain()
                        ? winner + " GAIN from "
                                + PartyStyle.of(v.previousWinner()).abbreviation()
                        : winner + " HOLD")
                .orElse(winner + " WIN");
    }

    /** "Lab GAIN from Con, majority 2,501, swing 16.4% Con to Lab": a result in a digest too long for full lines. */
    public static String shortResult(ResultFigures figures) {
        return shortVerdict(figures) + ", majority " + Formats.votes(figures.majority())
                + figures.swing()
                        .map(s -> ", swing " + Formats.percent(s.points()) + " "
                                + PartyStyle.of(s.from()).abbreviation() + " to "
                                + PartyStyle.of(s.to()).abbreviation())
                        .orElse("");
    }

    private static String verdict(ResultFigures figures) {
        String winner = PartyStyle.of(figures.contest().winner().party()).name();
        return figures.verdict()
                .map(v -> v.gain()
                        ? winner + " GAIN from "
                                + PartyStyle.of(v.previousWinner()).name()
                        : winner + " HOLD")
                .orElse(winner + " WIN");
    }

    private static Announcement.Row row(CandidateFigures f) {
        return new Announcement.Row(
                PartyStyle.of(f.candidacy().party()).label(),
                f.candidacy().displayName(),
                Formats.votes(f.candidacy().votes()),
                Formats.percent(f.sharePercent()),
                Formats.change(f.change()));
    }

    private static String turnout(ResultFigures figures) {
        Turnout turnout = figures.turnout();
        StringBuilder line = new StringBuilder("Turnout ").append(Formats.percent(turnout.percent()));
        boolean validVotes = turnout.basis() == Turnout.Basis.VALID_VOTES;
        // The earlier turnout on the same basis: ballot papers, or valid votes for a feed that gives no rejected
        // ballots.
        Optional<String> earlier = figures.comparison()
                .flatMap(c -> (validVotes ? c.validVoteTurnoutPercent() : c.turnoutPercent())
                        .map(t -> c.label() + ": " + Formats.percent(t)));
        if (validVotes) {
            line.append(" (valid votes")
                    .append(earlier.map(e -> "; " + e).orElse(""))
                    .append(')');
        } else {
            earlier.ifPresent(e -> line.append(" (").append(e).append(')'));
        }
        return line.toString();
    }

    private static List<String> notes(ResultFigures figures) {
        List<String> notes = new ArrayList<>();
        Optional<Verdict> gain = figures.verdict().filter(Verdict::gain);
        if (gain.isPresent() && figures.overturnedMajority().isPresent()) {
            Comparison before = figures.comparison().orElseThrow();
            notes.add("Overturns "
                    + Formats.withArticle(notionalPrefix(before)
                            + PartyStyle.of(gain.get().previousWinner()).name())
                    + " majority of "
                    + Formats.votes(figures.overturnedMajority().getAsInt())
                    + " (" + before.label() + ")");
        }
        figures.comparison()
                .flatMap(Comparison::byElectionHolder)
                .ifPresent(h -> notes.add("Held since the "
                        + Formats.date(h.byElection()) + " by-election by " + h.name() + " ("
                        + PartyStyle.of(h.party()).abbreviation() + ")"));
        if (figures.contest().winner().party().code().equals("Spk")) {
            notes.add("No swing: by convention the major parties do not stand against the Speaker");
        }
        return notes;
    }

    static String notionalPrefix(Comparison comparison) {
        return comparison.label().contains("notional") ? "notional " : "";
    }
}
