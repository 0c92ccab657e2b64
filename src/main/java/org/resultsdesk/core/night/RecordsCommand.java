package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.percent;
import static org.resultsdesk.core.night.NightFormat.points;
import static org.resultsdesk.core.night.NightFormat.votes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.ElectionFilter;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Reply;

/** /records [election]: the night's largest and smallest majorities, swings and turnouts. */
public final class RecordsCommand implements CommandModule {
    private static final int RECORDS_EACH = 3;

    private final Tonight tonight;
    private final ResultCalculator calculator = new ResultCalculator();

    public RecordsCommand(Tonight tonight) {
        this.tonight = tonight;
    }

    @Override
    public Set<String> names() {
        return Set.of("records");
    }

    @Override
    public String help() {
        return "/records [election | since year]  largest and smallest majorities, swings, turnouts";
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
        ElectionFilter filter = ElectionFilter.split(arguments).filter();
        Optional<Election> election = filter.isAny() && !tonight.declared().isEmpty()
                ? Optional.of(tonight.election())
                : tonight.archive().elections().stream()
                        .filter(Election::isGeneral)
                        .filter(filter::matches)
                        .findFirst();
        if (election.isEmpty()) {
            return Reply.text("Records cover general elections: try /records 2024 or /records 2019.");
        }
        List<ResultFigures> figures = tonight
                .archive()
                .contestsOf(election.get().id())
                .stream()
                .map(c -> calculator.calculate(c, tonight.archive().comparisonFor(c)))
                .toList();
        return table(
                "Records, general election " + election.get().date().getYear() + ": " + figures.size()
                        + " seats declared",
                figures,
                false);
    }

    /**
     * Records over every general election on file from a year. Candidates' votes are on file from 2010; the results
     * before are party groups' totals, which give no majority or swing, so an earlier year is answered from 2010.
     */
    private Reply since(int year) {
        List<Election> elections = tonight.archive().elections().stream()
                .filter(Election::isGeneral)
                .filter(e -> e.date().getYear() >= year)
                .toList();
        if (elections.isEmpty()) {
            return Reply.text("No general election since " + year + " is on file yet.");
        }
        int first = elections.get(elections.size() - 1).date().getYear();
        int last = elections.get(0).date().getYear();
        List<ResultFigures> figures = elections.stream()
                .flatMap(e -> tonight.archive().contestsOf(e.id()).stream())
                .map(c -> calculator.calculate(c, tonight.archive().comparisonFor(c)))
                .toList();
        String title = "Records, general elections " + first + "-" + last + ": " + figures.size() + " seat results";
        if (first > year) {
            title = "Candidates' votes are on file from " + first + "; before that only each party group's total,"
                    + " which gives no majority or swing. " + title;
        }
        return table(title, figures, elections.size() > 1);
    }

    private Reply table(String title, List<ResultFigures> figures, boolean withYear) {
        NightRecords records = NightRecords.of(figures, RECORDS_EACH);
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(title));
        Function<ResultFigures, String> seat = f -> f.contest().seat().name()
                + (withYear ? " " + f.contest().election().date().getYear() : "");
        parts.add(recordTable("Largest majorities", records.largestMajorities(), RecordsCommand::majority, seat));
        parts.add(recordTable("Smallest majorities", records.smallestMajorities(), RecordsCommand::majority, seat));
        if (!records.largestSwings().isEmpty()) {
            parts.add(recordTable(
                    "Largest swings",
                    records.largestSwings(),
                    f -> points(f.swing().get().points())
                            + " " + PartyStyle.of(f.swing().get().from()).abbreviation() + " to "
                            + PartyStyle.of(f.swing().get().to()).abbreviation(),
                    seat));
        }
        parts.add(recordTable(
                "Highest turnouts",
                records.highestTurnouts(),
                f -> percent(f.turnout().percent()),
                seat));
        parts.add(recordTable(
                "Lowest turnouts",
                records.lowestTurnouts(),
                f -> percent(f.turnout().percent()),
                seat));
        return new Reply(parts, List.of());
    }

    private static Reply.Table recordTable(
            String title,
            List<ResultFigures> rows,
            Function<ResultFigures, String> figure,
            Function<ResultFigures, String> seat) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(
                "Seat",
                "Winner",
                title.contains("turnout") ? "Turnout" : title.contains("swing") ? "Swing" : "Majority"));
        rows.forEach(f -> table.add(List.of(
                seat.apply(f), PartyStyle.of(f.contest().winner().party()).abbreviation(), figure.apply(f))));
        return new Reply.Table(title, table);
    }

    private static String majority(ResultFigures f) {
        // As /result shows it: "(<0.1%)" for a majority too small for one decimal place.
        return votes(f.majority()) + " ("
                + org.resultsdesk.core.announce.Formats.majorityPercent(f.majority(), f.majorityPercent()) + ")";
    }
}
