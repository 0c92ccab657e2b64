package org.resultsdesk.core.announce;

import org.resultsdesk.core.calc.CandidateFigures;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.calc.Swing;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/**
 * The copy snippet: a paragraph a reporter can paste into a story, e.g.
 * "Labour's Damien Egan has won the Kingswood by-election, overturning a Conservative majority of 11,220. ..."
 */
public final class CopySnippetWriter {

    public String write(ResultFigures figures) {
        Contest contest = figures.contest();
        Candidacy winner = contest.winner();
        PartyStyle style = PartyStyle.of(winner.party());
        StringBuilder text = new StringBuilder(Formats.capitalise(style.possessive()))
                .append(' ').append(winner.displayName()).append(' ')
                .append(lead(figures, style)).append(". ");

        text.append(winner.surname()).append(" secured ").append(Formats.votes(winner.votes())).append(" votes");
        figures.runnerUp().map(CandidateFigures::candidacy).ifPresent(second -> text
                .append(" to ").append(PartyStyle.of(second.party()).name()).append(' ')
                .append(second.displayName()).append("'s ").append(Formats.votes(second.votes())));
        text.append(", a majority of ").append(Formats.votes(figures.majority()));
        figures.swing().ifPresent(swing -> text.append(", on a ").append(swingPhrase(swing)));
        text.append(". Turnout was ").append(Formats.percent(figures.turnout().percent())).append('.');
        return text.toString();
    }

    private static String lead(ResultFigures figures, PartyStyle winnerStyle) {
        Contest contest = figures.contest();
        boolean byElection = contest.election().kind() == ElectionKind.BY_ELECTION;
        String seat = contest.seat().name();
        String where = byElection ? "the " + seat + " by-election" : seat + " at the general election";
        if (figures.verdict().isEmpty()) {
            return "has won " + where;
        }
        Verdict verdict = figures.verdict().get();
        if (!verdict.gain()) {
            return byElection
                    ? "has held " + seat + " for " + winnerStyle.collective() + " in the by-election"
                    : "has held " + seat + " for " + winnerStyle.collective() + " at the general election";
        }
        PartyStyle previous = PartyStyle.of(verdict.previousWinner());
        if (figures.overturnedMajority().isPresent()) {
            return "has won " + where + ", overturning a "
                    + AnnouncementFactory.notionalPrefix(figures.comparison().orElseThrow()) + previous.name()
                    + " majority of " + Formats.votes(figures.overturnedMajority().getAsInt());
        }
        return "has won " + where + ", taking the seat from " + previous.collective();
    }

    private static String swingPhrase(Swing swing) {
        return Formats.percent(swing.points()) + " swing from " + PartyStyle.of(swing.from()).collective()
                + " to " + PartyStyle.of(swing.to()).collective();
    }
}
