package org.resultsdesk.core.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.resultsdesk.core.announce.CouncilWords;
import org.resultsdesk.core.announce.Formats;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.model.CouncilControl;
import org.resultsdesk.core.model.Party;

/**
 * The council card for a declaration, with the same figures and words as {@code /council}: before and after where
 * both make-ups are known (others folded as Open Council Data counts them), seats won where they are not.
 */
public final class CouncilCardFactory {
    public static final String CREDIT =
            "Results: House of Commons Library; make-up: Open Council Data UK (CC BY-SA 4.0)";

    public CouncilCard card(CouncilResult result) {
        boolean compare = result.before().isPresent() && result.after().isPresent();
        List<CouncilCard.Row> rows = new ArrayList<>();
        if (compare) {
            Map<String, Integer> before =
                    CouncilResult.folded(result.before().get().seatsByParty());
            Map<String, Integer> after =
                    CouncilResult.folded(result.after().get().seatsByParty());
            result.change()
                    .forEach((party, change) -> rows.add(row(
                            party,
                            OptionalInt.of(before.getOrDefault(party, 0)),
                            after.getOrDefault(party, 0),
                            change == 0 ? "0" : (change > 0 ? "+" : "") + change)));
        } else {
            CouncilResult.folded(result.seatsWon())
                    .forEach((party, won) -> rows.add(row(party, OptionalInt.empty(), won, "")));
        }
        rows.sort((a, b) -> Integer.compare(b.after(), a.after()));
        int total = result.after().or(result::before).map(c -> c.totalSeats()).orElse(result.seatsUp());
        String colour = result.controlAfter()
                .filter(CouncilControl.Majority.class::isInstance)
                .map(c -> PartyColours.of(((CouncilControl.Majority) c).partyCode()))
                .orElse("#5F6673");
        String subtitle = Formats.date(result.day()) + ": " + result.seatsUp() + " of " + total + " seats up"
                + (compare ? "" : "; seats won shown, the make-up after is not on file");
        String verdict = CouncilWords.verdict(result);
        return new CouncilCard(
                result.council().fullName(),
                subtitle,
                verdict,
                verdict.replaceFirst(" \\(.*$", "").replaceFirst(";.*$", ""),
                colour,
                total,
                rows,
                CouncilWords.sources(result),
                CREDIT);
    }

    private static CouncilCard.Row row(String party, OptionalInt before, int after, String change) {
        PartyStyle style = PartyStyle.of(party);
        String name = party.equals(Party.OTHERS_CODE) ? "Others" : style.name();
        return new CouncilCard.Row(style.label(), name, PartyColours.of(party), before, after, change);
    }
}
