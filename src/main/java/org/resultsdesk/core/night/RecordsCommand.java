package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.percent;
import static org.resultsdesk.core.night.NightFormat.points;
import static org.resultsdesk.core.night.NightFormat.votes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.ElectionFilter;
import org.resultsdesk.core.history.GeneralElectionHistory;
import org.resultsdesk.core.history.PartyGroupFigures;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Reply;

/**
 * /records [election | since year]: the largest and smallest majorities, swings and turnouts of tonight, of one general
 * election, or of every general election on file from a year. From 2010 the figures are the candidates' (as /result
 * gives them); from 1918 to 2005 they come from each party group's total in the Commons Library's 1918-2019 file, and
 * say so ({@link PartyGroupFigures}: only what the groups prove).
 */
public final class RecordsCommand implements CommandModule {
    private static final int RECORDS_EACH = 3;
    /** The first general election with candidates on file; before it, the party groups' file. */
    private static final int CANDIDATES_FROM = 2010;

    private final Tonight tonight;
    private final Supplier<GeneralElectionHistory> history;
    private final ResultCalculator calculator = new ResultCalculator();

    public RecordsCommand(Tonight tonight) {
        this(tonight, GeneralElectionHistory::bundled);
    }

    public RecordsCommand(Tonight tonight, Supplier<GeneralElectionHistory> history) {
        this.tonight = tonight;
        this.history = history;
    }

    @Override
    public Set<String> names() {
        return Set.of("records");
    }

    @Override
    public String help() {
        return "/records [election | since year]  largest and smallest majorities, swings, turnouts (from 1918)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return records(line.arguments());
    }

    private Reply records(List<String> arguments) {
        if (arguments.size() == 2
                && arguments.get(0).equalsIgnoreCase("since")
                && arguments.get(1).matches("\\d{4}")) {
            return since(Integer.parseInt(arguments.get(1)));
        }
        if (!arguments.isEmpty() && arguments.get(0).equalsIgnoreCase("since")) {
            return Reply.text("Say a year: /records since 1945 (general elections are on file from 1918).");
        }
        ElectionFilter.Split split = ElectionFilter.split(arguments);
        if (!split.query().isBlank()) {
            return Reply.text(
                    "Records cover general elections: try /records 2024, /records 1945 or /records since 1945.");
        }
        ElectionFilter filter = split.filter();
        Optional<Election> election = filter.isAny() && !tonight.declared().isEmpty()
                ? Optional.of(tonight.election())
                : tonight.archive().elections().stream()
                        .filter(Election::isGeneral)
                        .filter(filter::matches)
                        .findFirst();
        if (election.isEmpty()) {
            List<String> labels = filter.year()
                    .filter(y -> y < CANDIDATES_FROM)
                    .map(y -> GeneralElectionHistory.elections().stream()
                            .filter(l -> Integer.parseInt(l.substring(0, 4)) == y)
                            .toList())
                    .orElse(List.of());
            if (!labels.isEmpty() && filter.date().isEmpty() && filter.kind().isEmpty()) {
                List<NightRecords.Entry> entries = fromGroups(labels, labels.size() > 1);
                return table(
                        "Records, general election "
                                + String.join(
                                        " and ",
                                        labels.stream()
                                                .map(RecordsCommand::label)
                                                .toList()) + ": " + entries.size() + " seats counted. " + GROUPS_NOTE,
                        entries);
            }
            return Reply.text(
                    "Records cover general elections: try /records 2024, /records 1945 or /records since 1945.");
        }
        List<NightRecords.Entry> entries = tonight
                .archive()
                .contestsOf(election.get().id())
                .stream()
                .map(c -> entry(calculator.calculate(c, tonight.archive().comparisonFor(c)), false))
                .toList();
        return table(
                "Records, general election " + election.get().date().getYear() + ": " + entries.size()
                        + " seats declared",
                entries);
    }

    static final String GROUPS_NOTE = "Before 2010 the figures are party groups' totals (Commons Library, 1918-2019):"
            + " seats returning one member and contested; a majority only where the runner-up is a named party group;"
            + " swing against the previous election on the same boundaries; turnout on valid votes.";

    /** Records over every general election on file from a year: candidates' results from 2010, party groups' before. */
    private Reply since(int year) {
        List<Election> elections = tonight.archive().elections().stream()
                .filter(Election::isGeneral)
                .filter(e -> e.date().getYear() >= year)
                .toList();
        List<String> earlier = GeneralElectionHistory.elections().stream()
                .filter(l -> {
                    int y = Integer.parseInt(l.substring(0, 4));
                    return y >= year && y < CANDIDATES_FROM;
                })
                .toList();
        if (elections.isEmpty() && earlier.isEmpty()) {
            return Reply.text("No general election since " + year + " is on file yet.");
        }
        boolean several = elections.size() + earlier.size() > 1;
        List<NightRecords.Entry> entries = new ArrayList<>(fromGroups(earlier, several));
        elections.stream()
                .flatMap(e -> tonight.archive().contestsOf(e.id()).stream())
                .map(c -> entry(calculator.calculate(c, tonight.archive().comparisonFor(c)), several))
                .forEach(entries::add);
        int first = earlier.isEmpty()
                ? elections.get(elections.size() - 1).date().getYear()
                : Integer.parseInt(earlier.get(0).substring(0, 4));
        int last = elections.isEmpty()
                ? Integer.parseInt(earlier.get(earlier.size() - 1).substring(0, 4))
                : elections.get(0).date().getYear();
        String title = "Records, general elections " + first + "-" + last + ": " + entries.size() + " seat results";
        if (first > year) {
            title = "General elections are on file from " + first + ". " + title;
        }
        if (!earlier.isEmpty()) {
            title += ". " + GROUPS_NOTE;
        }
        return table(title, entries);
    }

    /** The seats the party groups' file counts at these elections ("1945", "1974F"), as record entries. */
    private List<NightRecords.Entry> fromGroups(List<String> labels, boolean withYear) {
        if (labels.isEmpty()) {
            return List.of();
        }
        GeneralElectionHistory file = history.get();
        List<NightRecords.Entry> entries = new ArrayList<>();
        for (String election : labels) {
            for (PartyGroupFigures.Result r : PartyGroupFigures.of(file, election)) {
                String region = r.row().region();
                entries.add(new NightRecords.Entry(
                        r.row().name() + (withYear ? " " + label(election) : ""),
                        group(r.leader(), region, r.row().year()),
                        r.majority(),
                        r.majorityPercent(),
                        r.swing()
                                .map(s -> new NightRecords.Swing(
                                        s.points(),
                                        group(s.from(), region, r.row().year()),
                                        group(s.to(), region, r.row().year()))),
                        r.turnout()));
            }
        }
        return entries;
    }

    /** "1945", "Feb 1974", "Oct 1974". */
    private static String label(String election) {
        return switch (election) {
            case "1974F" -> "Feb 1974";
            case "1974O" -> "Oct 1974";
            default -> election;
        };
    }

    /**
     * A party group as the tables show it: the nationalists by country, the Liberal group as LD from 1992, and the
     * Conservative group in Northern Ireland as the Ulster Unionists, who took the Conservative whip until 1972 and
     * are the file's Conservatives there from 1922 to 1970.
     */
    private static String group(String group, String region, int year) {
        if (group.equals("Con") && region.equals("Northern Ireland")) {
            return "UUP";
        }
        return switch (group) {
            case "Nat" -> region.equals("Scotland") ? "SNP" : region.equals("Wales") ? "PC" : "Nat";
            case "Lib" -> year >= 1992 ? "LD" : "Lib";
            case "Oth" -> "Other";
            default -> group;
        };
    }

    private static NightRecords.Entry entry(ResultFigures f, boolean withYear) {
        return new NightRecords.Entry(
                f.contest().seat().name()
                        + (withYear ? " " + f.contest().election().date().getYear() : ""),
                PartyStyle.of(f.contest().winner().party()).abbreviation(),
                OptionalInt.of(f.majority()),
                Optional.of(f.majorityPercent()),
                f.swing()
                        .map(s -> new NightRecords.Swing(
                                s.points(),
                                PartyStyle.of(s.from()).abbreviation(),
                                PartyStyle.of(s.to()).abbreviation())),
                f.turnout().percent());
    }

    private Reply table(String title, List<NightRecords.Entry> entries) {
        NightRecords records = NightRecords.of(entries, RECORDS_EACH);
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(title));
        parts.add(recordTable("Largest majorities", records.largestMajorities(), RecordsCommand::majority));
        parts.add(recordTable("Smallest majorities", records.smallestMajorities(), RecordsCommand::majority));
        if (!records.largestSwings().isEmpty()) {
            parts.add(recordTable(
                    "Largest swings",
                    records.largestSwings(),
                    e -> points(e.swing().get().points()) + " "
                            + e.swing().get().from() + " to " + e.swing().get().to()));
        }
        parts.add(recordTable("Highest turnouts", records.highestTurnouts(), e -> percent(e.turnout())));
        parts.add(recordTable("Lowest turnouts", records.lowestTurnouts(), e -> percent(e.turnout())));
        return new Reply(parts, List.of());
    }

    private static Reply.Table recordTable(
            String title, List<NightRecords.Entry> rows, Function<NightRecords.Entry, String> figure) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(
                "Seat",
                "Winner",
                title.contains("turnout") ? "Turnout" : title.contains("swing") ? "Swing" : "Majority"));
        rows.forEach(e -> table.add(List.of(e.seat(), e.winner(), figure.apply(e))));
        return new Reply.Table(title, table);
    }

    private static String majority(NightRecords.Entry e) {
        // As /result shows it: "(<0.1%)" for a majority too small for one decimal place.
        return votes(e.majority().getAsInt()) + " ("
                + org.resultsdesk.core.announce.Formats.majorityPercent(
                        e.majority().getAsInt(), e.majorityPercent().orElseThrow())
                + ")";
    }
}
