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
        return "/records [election]  the night's largest and smallest majorities, swings, turnouts";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return records(line.arguments());
    }

    private Reply records(List<String> arguments) {
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
        NightRecords records = NightRecords.of(figures, RECORDS_EACH);
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text("Records, general election "
                + election.get().date().getYear() + ": " + figures.size() + " seats declared"));
        parts.add(recordTable("Largest majorities", records.largestMajorities(), RecordsCommand::majority));
        parts.add(recordTable("Smallest majorities", records.smallestMajorities(), RecordsCommand::majority));
        if (!records.largestSwings().isEmpty()) {
            parts.add(recordTable(
                    "Largest swings",
                    records.largestSwings(),
                    f -> points(f.swing().get().points())
                            + " " + PartyStyle.of(f.swing().get().from()).abbreviation() + " to "
                            + PartyStyle.of(f.swing().get().to()).abbreviation()));
        }
        parts.add(recordTable(
                "Highest turnouts",
                records.highestTurnouts(),
                f -> percent(f.turnout().percent())));
        parts.add(recordTable(
                "Lowest turnouts",
                records.lowestTurnouts(),
                f -> percent(f.turnout().percent())));
        return new Reply(parts, List.of());
    }

    private static Reply.Table recordTable(
            String title, List<ResultFigures> rows, Function<ResultFigures, String> figure) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(
                "Seat",
                "Winner",
                title.contains("turnout") ? "Turnout" : title.contains("swing") ? "Swing" : "Majority"));
        rows.forEach(f -> table.add(List.of(
                f.contest().seat().name(),
                PartyStyle.of(f.contest().winner().party()).abbreviation(),
                figure.apply(f))));
        return new Reply.Table(title, table);
    }

    private static String majority(ResultFigures f) {
        return votes(f.majority()) + " (" + percent(f.majorityPercent()) + ")";
    }
}
