package org.resultsdesk.core.announce;

import java.util.Optional;
import java.util.stream.Collectors;
import org.resultsdesk.core.calc.ByElectionFigures;
import org.resultsdesk.core.calc.Defence;
import org.resultsdesk.core.calc.ShareChange;
import org.resultsdesk.core.calc.Swing;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;

/**
 * A council by-election in the words the desk uses: the one-line result ("Lab GAIN from Con: Abbey (Buckinghamshire).
 * Lab 45.1% (+12.3), Con 30.2% (-15.0), RUK 20.0% (new). Swing 13.7% Con to Lab since May 2025."), who defends and
 * why, and the pieces the week's list and the Friday summary share.
 */
public final class ByElectionWriter {

    /** The result as one paragraph, ready to paste. */
    public String deskLine(ByElectionFigures by) {
        LocalContest contest = by.figures().contest();
        StringBuilder line = new StringBuilder(verdictShort(by))
                .append(": ")
                .append(contest.ward().name())
                .append(" (")
                .append(contest.council().name())
                .append("). ")
                .append(by.shares().stream().map(ByElectionWriter::share).collect(Collectors.joining(", ")))
                .append('.');
        swing(by).ifPresent(s -> line.append(' ').append(s).append('.'));
        line.append(' ').append(turnout(by)).append('.');
        by.figures()
                .previous()
                .ifPresentOrElse(
                        p -> {
                            if (p.seats() > 1) {
                                line.append(" Changes against the ")
                                        .append(since(p))
                                        .append(" contest for ")
                                        .append(Formats.count(p.seats()))
                                        .append(" seats, by ")
                                        .append(by.figures().method().description())
                                        .append('.');
                            }
                        },
                        () -> line.append(" No previous result on file for this ")
                                .append(contest.ward().areaWord())
                                .append('.'));
        return line.toString();
    }

    /** "Lab GAIN from Con", "Con HOLD", "Lab win". */
    public static String verdictShort(ByElectionFigures by) {
        String winner = abbreviation(by.winner());
        return switch (by.verdict()) {
            case GAIN ->
                winner + " GAIN from " + abbreviation(by.defence().party().orElseThrow());
            case HOLD -> winner + " HOLD";
            case WIN -> winner + " win";
        };
    }

    /** "Labour GAIN from Conservative", "Conservative HOLD", "Labour win". */
    static String verdictLong(ByElectionFigures by) {
        String winner = PartyStyle.of(by.winner()).name();
        return switch (by.verdict()) {
            case GAIN ->
                winner + " GAIN from "
                        + PartyStyle.of(by.defence().party().orElseThrow()).name();
            case HOLD -> winner + " HOLD";
            case WIN -> winner + " win";
        };
    }

    /** "Swing 13.7% Con to Lab since May 2025". */
    static Optional<String> swing(ByElectionFigures by) {
        return by.swing()
                .map(s -> swingWords(s) + " since "
                        + by.figures().previous().map(ByElectionWriter::since).orElse(""));
    }

    private static String swingWords(Swing s) {
        return "Swing " + Formats.percent(s.points()) + " " + abbreviation(s.from()) + " to " + abbreviation(s.to());
    }

    /**
     * "Turnout 24.9% (May 2025: 31.0%)", "Turnout 24.9% from the votes cast (...)" where the source published none,
     * or that it was not published.
     */
    static String turnout(ByElectionFigures by) {
        LocalContest contest = by.figures().contest();
        Optional<String> before = by.figures()
                .previous()
                .flatMap(p -> p.turnout().map(t -> Formats.month(p.ballot().date()) + ": " + Formats.percent(t)));
        return contest.turnout()
                .map(t -> "Turnout " + Formats.percent(t)
                        + (contest.turnoutFromVotes() ? " from the votes cast" : "")
                        + before.map(b -> " (" + b + ")").orElse(""))
                .orElse("Turnout not published"
                        + before.map(b -> " (" + b + ")").orElse(""));
    }

    /** "Lab 45.1% (+12.3)", "RUK 20.0% (new)", "Lab 45.1%" with nothing to compare. */
    public static String share(ByElectionFigures.PartyShare s) {
        String change = Formats.change(s.change());
        return abbreviation(s.party()) + " " + Formats.percent(s.share())
                + (change.isEmpty() ? "" : " (" + change + ")");
    }

    /** "+12.3" or "-4.0" for a change in points; used for averages the summary computes. */
    public static String points(java.math.BigDecimal change) {
        return Formats.change(new ShareChange.Points(change));
    }

    /** "May 2025", "the March 2026 by-election": when the compared contest was. */
    static String since(LocalContest previous) {
        return previous.ballot().byElection()
                ? "the " + Formats.month(previous.ballot().date()) + " by-election"
                : Formats.month(previous.ballot().date());
    }

    /** Why that party defends, or why nobody is known to: "Con defence: all three seats won by the Conservatives in 2025". */
    public static String evidence(Defence defence) {
        String how = "an editor can set it with /defending";
        return switch (defence.basis()) {
            case EDITOR ->
                abbreviation(defence.party().orElseThrow()) + " defence, as set by "
                        + defence.setBy().orElse("an editor");
            case RESULT -> {
                Party party = defence.party().orElseThrow();
                String year = defence.year().map(String::valueOf).orElse("");
                yield abbreviation(party) + " defence: "
                        + (defence.seats() == 1
                                ? "the seat won by " + PartyStyle.of(party).collective() + " in " + year
                                : allOf(defence.seats()) + " seats won by "
                                        + PartyStyle.of(party).collective() + " in " + year);
            }
            case ROSTER -> {
                Party party = defence.party().orElseThrow();
                yield abbreviation(party) + " defence: "
                        + (defence.seats() == 1
                                ? "the ward's councillor on the roster is "
                                        + PartyStyle.of(party).name()
                                : allOf(defence.seats()) + " councillors on the roster are "
                                        + PartyStyle.of(party).name())
                        + " (Open Council Data UK)";
            }
            case SPLIT ->
                "Defence unknown: seats split " + LocalAnnouncementFactory.tally(defence.split())
                        + defence.year().map(y -> " in " + y).orElse(" on the roster") + "; " + how;
            case DISAGREE ->
                "Defence unknown: the roster now lists " + LocalAnnouncementFactory.tally(defence.split())
                        + ", unlike the " + defence.year().orElse(0) + " result; " + how;
            case NONE -> "Defence unknown: no result or councillor on file; " + how;
        };
    }

    /** "both", "all three". */
    private static String allOf(int n) {
        return n == 2 ? "both" : "all " + Formats.count(n);
    }

    /** "Con", "RUK", "Green": the register for swing lines and the desk's one-liners. */
    public static String abbreviation(Party party) {
        return PartyStyle.of(party).abbreviation();
    }
}
