package org.resultsdesk.core.announce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.calc.LocalFigures;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.CouncilControl;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;

/**
 * Copy for a ward and a council in the house style (DESIGN.md §4): parties in words, one to nine in words, the name
 * people know. "Reform UK has taken control of Kent County Council from the Conservatives, winning 57 of its 81
 * seats."
 */
public final class LocalSnippetWriter {

    /** A council's night in one or two sentences; empty control knowledge is said, not guessed. */
    public String council(CouncilResult result) {
        String council = result.council().fullName();
        if (result.after().isEmpty()) {
            return council + " declared " + Formats.count(result.seatsUp()) + " seats on " + Formats.date(result.day())
                    + "; its make-up after the election is not on file.";
        }
        CouncilComposition after = result.after().get();
        CouncilControl control = after.control();
        String seats = " of its " + Formats.count(after.totalSeats()) + " seats";
        if (control instanceof CouncilControl.Majority m) {
            String party = subject(m.partyCode());
            String won = " " + Formats.count(after.seats(m.partyCode())) + seats;
            if (result.controlBefore().isEmpty()) {
                return party + " " + has(m.partyCode()) + " a majority on " + council + " with" + won + ".";
            }
            CouncilControl before = result.controlBefore().get();
            if (before.equals(control)) {
                return party + " "
                        + (result.allOut() ? has(m.partyCode()) + " held " : keeps(m.partyCode()) + " control of ")
                        + council + ", winning" + won + ".";
            }
            String from = before instanceof CouncilControl.Majority b
                    ? " from " + PartyStyle.of(b.partyCode()).collective() + ","
                    : ", which had no overall control,";
            return party + " " + has(m.partyCode()) + " taken control of " + council + from + " winning" + won + ".";
        }
        String largest = after.seatsByParty().keySet().stream()
                .filter(p -> !p.equals("Oth") && !p.equals("Ind"))
                .findFirst()
                .orElse("");
        String largestLine = largest.isEmpty()
                ? ""
                : "; " + PartyStyle.of(largest).collective() + " " + is(largest) + " the largest party with "
                        + Formats.count(after.seats(largest)) + seats;
        if (result.controlBefore().orElse(null) instanceof CouncilControl.Majority b) {
            return subject(b.partyCode()) + " " + has(b.partyCode()) + " lost control of " + council
                    + ", which is now under no overall control" + largestLine + ".";
        }
        return council + " remains under no overall control" + largestLine + ".";
    }

    /** A ward's result: who won, for whom, and against whom it was gained or held. */
    public String ward(LocalFigures figures) {
        LocalContest contest = figures.contest();
        String place = contest.ward().name() + " " + contest.ward().areaWord() + " on "
                + contest.council().fullName();
        if (contest.seats() == 1) {
            LocalCandidacy winner = contest.elected().get(0);
            String who = Formats.capitalise(PartyStyle.of(winner.party()).possessive()) + " " + winner.knownName();
            String verb = figures.seatsComparable()
                    ? figures.anyGain()
                            ? "has gained " + place + " from "
                                    + PartyStyle.of(figures.seatChanges()
                                                    .get(0)
                                                    .gainedFrom()
                                                    .get(0))
                                            .collective()
                            : "has held " + place + " for "
                                    + PartyStyle.of(winner.party()).collective()
                    : "has won " + place;
            StringBuilder text = new StringBuilder(who).append(' ').append(verb);
            if (contest.uncontested()) {
                return text.append(", unopposed.").toString();
            }
            LocalCandidacy second = contest.candidates().get(1);
            // A party is named once a phrase: the runner-up's party is not said again when the seat was gained from it.
            boolean named = figures.anyGain()
                    && figures.seatChanges()
                            .get(0)
                            .gainedFrom()
                            .contains(second.party().code());
            text.append(", with ")
                    .append(Formats.count(winner.votes()))
                    .append(" votes to ")
                    .append(second.knownName())
                    .append("'s ")
                    .append(Formats.count(second.votes()))
                    .append(named ? "" : " for " + PartyStyle.of(second.party()).collective())
                    .append(", a majority of ")
                    .append(Formats.count(figures.majority().orElse(0)))
                    .append('.');
            contest.turnout()
                    .ifPresent(t -> text.append(" Turnout was ")
                            .append(Formats.percent(t))
                            .append('.'));
            return text.toString();
        }
        List<String> parts = new ArrayList<>();
        if (figures.seatsComparable()) {
            for (LocalFigures.SeatChange s : figures.seatChanges()) {
                String party = PartyStyle.of(s.partyCode()).collective();
                List<String> did = new ArrayList<>();
                if (s.gained() > 0) {
                    did.add("gained " + Formats.count(s.gained()) + " from "
                            + s.gainedFrom().stream()
                                    .distinct()
                                    .map(p -> PartyStyle.of(p).collective())
                                    .reduce((a, b) -> a + " and " + b)
                                    .orElse(""));
                }
                if (s.held() > 0) {
                    did.add("held " + Formats.count(s.held()));
                }
                parts.add(party + " " + String.join(" and ", did));
            }
        } else {
            for (Map.Entry<String, Integer> e : contest.seatsByParty().entrySet()) {
                parts.add(PartyStyle.of(e.getKey()).collective() + " won " + Formats.count(e.getValue()));
            }
        }
        StringBuilder text = new StringBuilder("In ")
                .append(place)
                .append(", where ")
                .append(Formats.count(contest.seats()))
                .append(" seats were up, ")
                .append(join(parts))
                .append('.');
        contest.turnout()
                .ifPresent(t ->
                        text.append(" Turnout was ").append(Formats.percent(t)).append('.'));
        return Formats.capitalise(text.toString());
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** "Reform UK", "The Conservatives": a party leading a sentence. */
    private static String subject(String partyCode) {
        return Formats.capitalise(PartyStyle.of(partyCode).collective());
    }

    private static boolean plural(String partyCode) {
        String collective = PartyStyle.of(partyCode).collective();
        return collective.startsWith("the ") && collective.endsWith("s");
    }

    private static String has(String partyCode) {
        return plural(partyCode) ? "have" : "has";
    }

    private static String is(String partyCode) {
        return plural(partyCode) ? "are" : "is";
    }

    private static String keeps(String partyCode) {
        return plural(partyCode) ? "keep" : "keeps";
    }
}
