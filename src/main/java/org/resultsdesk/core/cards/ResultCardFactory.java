package org.resultsdesk.core.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.CandidateFigures;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Announcement;

/** A result card from the same figures and house-style wording as the text announcement, so the two never differ. */
public final class ResultCardFactory {

    public ResultCard card(ResultFigures figures, Announcement announcement) {
        List<CandidateFigures> rows = figures.rows();
        if (rows.size() != announcement.rows().size()) {
            throw new IllegalArgumentException("figures and announcement disagree on " + announcement.contestId());
        }
        List<ResultCard.Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CandidateFigures f = rows.get(i);
            Announcement.Row row = announcement.rows().get(i);
            bars.add(new ResultCard.Bar(
                    row.partyLabel(),
                    PartyStyle.of(f.candidacy().party()).name(),
                    row.candidate(),
                    row.votes(),
                    f.sharePercent().doubleValue(),
                    row.share(),
                    row.change(),
                    direction(row.change()),
                    PartyColours.of(f.candidacy().party().code())));
        }
        String seat = figures.contest().seat().name();
        return new ResultCard(
                announcement.contestId(),
                seat,
                election(announcement.headline(), seat),
                announcement.verdict(),
                PartyColours.of(figures.contest().winner().party().code()),
                bars,
                announcement.winnerLine(),
                announcement.swing(),
                announcement.turnout(),
                announcement.notes(),
                ResultCard.CREDIT);
    }

    /** "Kingswood by-election, 15 Feb 2024" gives "By-election, 15 Feb 2024". */
    static String election(String headline, String seat) {
        String rest = headline.startsWith(seat) ? headline.substring(seat.length()) : headline;
        rest = rest.replaceFirst("^[, ]+", "");
        return rest.isEmpty() ? rest : rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
    }

    static ResultCard.Direction direction(String change) {
        if (change.isEmpty()) {
            return ResultCard.Direction.NONE;
        }
        if (change.equals("new")) {
            return ResultCard.Direction.NEW;
        }
        return change.startsWith("+")
                ? ResultCard.Direction.UP
                : change.startsWith("-") ? ResultCard.Direction.DOWN : ResultCard.Direction.SAME;
    }
}
