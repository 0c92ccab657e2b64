package org.resultsdesk.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * From "kingswood 2019" to one contest, or to the helpful answer when there is none: suggestions for a typo, the
 * list for an ambiguous prefix, the elections held in a seat when the one asked for is not among them.
 */
final class ContestFinder {
    private static final int MAX_BUTTONS = 8;
    private final ResultsArchive archive;
    private final SeatDirectory seats;

    /** Either a contest (with the seat's other contests, newest first) or a reply explaining why not. */
    record Found(Optional<Contest> contest, List<Contest> others, Optional<Reply> problem) {
        static Found problem(Reply reply) {
            return new Found(Optional.empty(), List.of(), Optional.of(reply));
        }
    }

    ContestFinder(ResultsArchive archive, SeatDirectory seats) {
        this.archive = archive;
        this.seats = seats;
    }

    Found find(String command, List<String> arguments) {
        ElectionFilter.Split split = ElectionFilter.split(arguments);
        if (split.query().isBlank()) {
            return Found.problem(Reply.text("Which seat? For example: /" + command + " Kingswood"));
        }
        SeatMatch match = seats.find(split.query());
        if (match instanceof SeatMatch.Found found) {
            return inSeat(command, found.name(), archive.contestsIn(found.seats()), split.filter());
        }
        if (match instanceof SeatMatch.Ambiguous ambiguous) {
            String more = ambiguous.total() > MAX_BUTTONS
                    ? " The first " + MAX_BUTTONS + " are below; type more of the name for the others."
                    : "";
            return Found.problem(Reply.text(
                    "\"" + split.query() + "\" matches " + ambiguous.total() + " seats. Which one?" + more,
                    buttons(command, ambiguous.names())));
        }
        if (match instanceof SeatMatch.Suggestions suggestions
                && !suggestions.names().isEmpty()) {
            return Found.problem(Reply.text(
                    "I don't know a seat called \"" + split.query() + "\". Did you mean "
                            + String.join(
                                    " or ",
                                    suggestions
                                            .names()
                                            .subList(
                                                    0,
                                                    Math.min(
                                                            3,
                                                            suggestions.names().size())))
                            + "?",
                    buttons(command, suggestions.names())));
        }
        return Found.problem(
                Reply.text("I don't know a seat called \"" + split.query() + "\". Try /seats with part of the name."));
    }

    private Found inSeat(String command, String name, List<Contest> contests, ElectionFilter filter) {
        List<Contest> matching =
                contests.stream().filter(c -> filter.matches(c.election())).toList();
        if (matching.isEmpty()) {
            List<Reply.Suggestion> options = contests.stream()
                    .map(c -> suggestion(command, name, c, contests))
                    .toList();
            return Found.problem(Reply.text(
                    contests.isEmpty()
                            ? "I have no results for " + name + " yet."
                            : "I have no result for " + name + " in that election. It has:",
                    options));
        }
        Contest chosen = matching.get(0);
        List<Contest> others = new ArrayList<>(contests);
        others.remove(chosen);
        return new Found(Optional.of(chosen), others, Optional.empty());
    }

    /** A button that asks for exactly this contest, by year where that is unambiguous, else by date. */
    static Reply.Suggestion suggestion(String command, String seatName, Contest contest, List<Contest> all) {
        boolean byElection = contest.election().kind() == ElectionKind.BY_ELECTION;
        int year = contest.election().date().getYear();
        long sameYear =
                all.stream().filter(c -> c.election().date().getYear() == year).count();
        long sameKind = all.stream()
                .filter(c -> c.election().kind() == contest.election().kind())
                .count();
        String qualifier = sameYear == 1
                ? String.valueOf(year)
                : byElection && sameKind == 1
                        ? "by-election"
                        : contest.election().date().toString();
        String label = seatName + " " + (byElection ? "by-election " : "general election ") + year;
        return new Reply.Suggestion(label, "/" + command + " " + seatName + " " + qualifier);
    }

    private List<Reply.Suggestion> buttons(String command, List<String> names) {
        return names.stream()
                .limit(MAX_BUTTONS)
                .map(n -> new Reply.Suggestion(withYears(n), "/" + command + " " + n))
                .toList();
    }

    /** "Brighton, Kemptown (2019)", "Kingswood (2019, 2024 by-election)": the name with the elections held under it. */
    String withYears(String name) {
        List<String> years = archive.contestsIn(seats.seatsNamed(name)).stream()
                .sorted(java.util.Comparator.comparing(c -> c.election().date()))
                .map(c -> c.election().date().getYear()
                        + (c.election().kind() == ElectionKind.BY_ELECTION ? " by-election" : ""))
                .distinct()
                .toList();
        return years.isEmpty() ? name : name + " (" + String.join(", ", years) + ")";
    }
}
