package org.resultsdesk.core.announce;

import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.CouncilControl;

/** How the house style states a council's night: headline, control verdict and where each figure comes from. */
public final class CouncilWords {
    private CouncilWords() {}

    /** "Kent County Council, 1 May 2025: 81 of 81 seats up". */
    public static String headline(CouncilResult result) {
        String total = result.after()
                .or(result::before)
                .map(c -> " of " + c.totalSeats())
                .orElse("");
        return result.council().fullName() + ", " + Formats.date(result.day()) + ": " + result.seatsUp() + total
                + " seats up";
    }

    /**
     * "Reform UK GAIN from Conservative", "Conservative HOLD", "NOC GAIN from Labour", "Labour GAIN from NOC",
     * "NOC, no change"; with the winning party's seats ("Reform UK 57 of 81 seats").
     */
    public static String verdict(CouncilResult result) {
        if (result.controlAfter().isEmpty()) {
            return "Control: not known (no make-up on file after this election)";
        }
        CouncilControl after = result.controlAfter().get();
        String afterName = name(after);
        String seats = after instanceof CouncilControl.Majority m
                ? " (" + result.after().get().seats(m.partyCode()) + " of "
                        + result.after().get().totalSeats() + " seats)"
                : "";
        if (result.controlBefore().isEmpty()) {
            return afterName + (after instanceof CouncilControl.Majority ? " majority" : "") + seats
                    + "; control before not on file";
        }
        CouncilControl before = result.controlBefore().get();
        if (before.equals(after)) {
            return after instanceof CouncilControl.Majority ? afterName + " HOLD" + seats : "NOC, no change";
        }
        return afterName + " GAIN from " + name(before) + seats;
    }

    /** "Conservative majority (59 of 81)" or "no overall control". */
    public static String control(CouncilControl control, CouncilComposition composition) {
        return control instanceof CouncilControl.Majority m
                ? PartyStyle.of(m.partyCode()).name() + " majority (" + composition.seats(m.partyCode()) + " of "
                        + composition.totalSeats() + ")"
                : "no overall control";
    }

    /** "Make-up (Open Council Data UK, 2025): Con 40, Lab 12. Conservative majority (40 of 70)". */
    public static String makeUp(CouncilComposition composition) {
        return "Make-up (" + composition.source() + "): "
                + LocalAnnouncementFactory.tally(composition.seatsByParty()) + ". "
                + Formats.capitalise(control(composition.control(), composition)) + ".";
    }

    /** Where before and after come from, said every time. */
    public static String sources(CouncilResult result) {
        String before = result.before()
                .map(b -> "Before: " + b.source() + ", " + control(b.control(), b) + ".")
                .orElse("Before: no make-up on file.");
        String after = result.after()
                .map(a -> result.allOut()
                        ? " After: the results (every seat was up), " + control(a.control(), a) + "."
                        : " After: " + a.source() + " (only some seats were up), " + control(a.control(), a) + ".")
                .orElse(" After: no make-up on file.");
        return before + after + " Others: parties and independents Open Council Data UK does not name.";
    }

    private static String name(CouncilControl control) {
        return control instanceof CouncilControl.Majority m
                ? PartyStyle.of(m.partyCode()).name()
                : "NOC";
    }
}
