package org.resultsdesk.core.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.announce.CouncilWords;
import org.resultsdesk.core.announce.Formats;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.CouncilCard;
import org.resultsdesk.core.cards.CouncilCardFactory;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Councillor;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.CouncilDirectory;

/**
 * {@code /council <name>}: the council's make-up before and after its last election on file, control, seats up, when
 * it next votes and its last result; {@code /council <name> <year>} for an earlier one.
 */
public final class CouncilCommand implements CommandModule {
    private static final int MAX_BUTTONS = 8;
    private final LocalResults local;
    private final Optional<Cards> cards;
    private final CouncilCardFactory councilCards = new CouncilCardFactory();

    /** Without pictures: {@code /chart council} answers in text. */
    public CouncilCommand(LocalResults local) {
        this(local, Optional.empty());
    }

    public CouncilCommand(LocalResults local, Optional<Cards> cards) {
        this.local = local;
        this.cards = cards;
    }

    @Override
    public Set<String> names() {
        return Set.of("council", "councils");
    }

    @Override
    public String help() {
        return "/council <name> [year]  a council's make-up, control and last result, e.g. /council kent";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return found(line, "/council", this::council);
    }

    /**
     * {@code /chart council <name> [year]}: the council's declaration as a picture, found as {@code /council} finds
     * it; without pictures (no renderer wired) it answers in text.
     */
    public Reply picture(CommandLine line) {
        return found(line, "/chart council", this::picture);
    }

    /**
     * {@code /board local [year]}: a local night as a picture (councillors and councils by party); without pictures,
     * the night's scoreboard in text.
     */
    public Reply localBoard(List<String> arguments) {
        LocalScoreboard scoreboard = new LocalScoreboard(local);
        return cards.isPresent() ? scoreboard.picture(arguments, cards.get()) : scoreboard.reply(arguments);
    }

    /** Finds the council the line names and answers for it, or says which councils it could be. */
    private Reply found(
            CommandLine line, String command, java.util.function.BiFunction<Council, ElectionFilter, Reply> answer) {
        if (line.argumentText().length() > CommandService.MAX_INPUT_LENGTH) {
            return Reply.text("That is too long for a council name.");
        }
        ElectionFilter.Split split = ElectionFilter.split(line.arguments());
        if (split.query().isBlank()) {
            return Reply.text("Which council? For example: " + command + " kent or " + command + " bucks");
        }
        CouncilDirectory.Match match = local.wards().councils().find(split.query());
        if (match instanceof CouncilDirectory.Match.Found found) {
            return answer.apply(found.council(), split.filter());
        }
        if (match instanceof CouncilDirectory.Match.Ambiguous ambiguous) {
            return Reply.text(
                    "\"" + split.query() + "\" could be " + ambiguous.councils().size() + " councils. Which one?",
                    buttons(command, ambiguous.councils()));
        }
        if (match instanceof CouncilDirectory.Match.Suggestions suggestions) {
            return Reply.text(
                    "I don't know a council called \"" + split.query() + "\". Did you mean "
                            + String.join(
                                    " or ",
                                    suggestions.councils().stream()
                                            .map(Council::name)
                                            .toList())
                            + "?",
                    buttons(command, suggestions.councils()));
        }
        return Reply.text("I don't know a council called \"" + split.query()
                + "\". I have results for English and Welsh councils that voted in 2021, 2022, 2024 and 2025.");
    }

    private Reply picture(Council council, ElectionFilter filter) {
        Optional<LocalDate> day = day(council, filter);
        if (day.isEmpty() || cards.isEmpty()) {
            return council(council, filter);
        }
        CouncilResult result = CouncilResult.of(local.archive(), council, day.get());
        CouncilCard card = councilCards.card(result);
        String alt = String.join("\n", List.of(card.title() + ", " + card.subtitle(), card.verdict(), card.sources()));
        return Reply.picture(
                cards.get().council(card, alt + "\n" + CouncilCardFactory.CREDIT),
                card.title() + ", " + Formats.date(day.get()) + ": " + card.verdict(),
                List.of());
    }

    /** The polling days the council has results for, latest first. */
    private List<LocalDate> days(Council council) {
        return local.archive().pollingDays().stream()
                .filter(d -> !local.archive().contestsOf(council, d).isEmpty())
                .toList();
    }

    private Optional<LocalDate> day(Council council, ElectionFilter filter) {
        return days(council).stream()
                .filter(d -> filter.year().map(y -> y == d.getYear()).orElse(true)
                        && filter.date().map(d::equals).orElse(true))
                .findFirst();
    }

    private Reply council(Council council, ElectionFilter filter) {
        List<LocalDate> days = days(council);
        Optional<LocalDate> day = day(council, filter);
        List<Reply.Part> parts = new ArrayList<>();
        if (day.isEmpty()) {
            parts.add(new Reply.Text(council.fullName() + ": "
                    + (days.isEmpty() ? "no results on file." : "no results on file for that election.")));
            local.archive()
                    .composition(council, 2025)
                    .ifPresent(c -> parts.add(new Reply.Text(CouncilWords.makeUp(c))));
            return new Reply(parts, dayButtons(council, days));
        }
        CouncilResult result = CouncilResult.of(local.archive(), council, day.get());
        parts.add(new Reply.Text(CouncilWords.headline(result)));
        parts.add(new Reply.Text(CouncilWords.verdict(result)));
        parts.add(new Reply.Table("Seats by party", table(result)));
        parts.add(new Reply.Text(CouncilWords.sources(result)));
        nextElection(council).ifPresent(next -> parts.add(new Reply.Text("Next election: " + next + ".")));
        List<LocalDate> others = days.stream().filter(d -> !d.equals(day.get())).toList();
        List<Reply.Suggestion> buttons = new ArrayList<>();
        if (cards.isPresent()) {
            buttons.add(new Reply.Suggestion(
                    "Picture",
                    "/chart council " + council.name() + " " + day.get().getYear()));
        }
        buttons.addAll(dayButtons(council, others));
        return new Reply(parts, buttons);
    }

    /** Seats by party: won tonight, and before, after and change where both make-ups are known. */
    public static List<List<String>> table(CouncilResult result) {
        List<List<String>> rows = new ArrayList<>();
        boolean compare = result.before().isPresent() && result.after().isPresent();
        rows.add(compare ? List.of("Party", "Won", "Before", "After", "Change") : List.of("Party", "Won"));
        Map<String, Integer> won = CouncilResult.folded(result.seatsWon());
        Set<String> parties = new LinkedHashSet<>();
        parties.addAll(compare ? result.change().keySet() : won.keySet());
        for (String party : parties) {
            String label = PartyStyle.of(party).label();
            String seatsWon = String.valueOf(won.getOrDefault(party, 0));
            if (compare) {
                int before = CouncilResult.folded(result.before().get().seatsByParty())
                        .getOrDefault(party, 0);
                int after = CouncilResult.folded(result.after().get().seatsByParty())
                        .getOrDefault(party, 0);
                int change = after - before;
                rows.add(List.of(
                        label,
                        seatsWon,
                        String.valueOf(before),
                        String.valueOf(after),
                        change == 0 ? "0" : (change > 0 ? "+" : "") + change));
            } else {
                rows.add(List.of(label, seatsWon));
            }
        }
        return rows;
    }

    /** The next election date most of the council's sitting councillors face (Open Council Data UK's roster). */
    private Optional<String> nextElection(Council council) {
        return local.archive().councillors(council).stream()
                .map(Councillor::nextElection)
                .flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.stream.Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<LocalDate, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Formats.date(e.getKey()) + " (Open Council Data UK roster)");
    }

    private static List<Reply.Suggestion> buttons(String command, List<Council> councils) {
        return councils.stream()
                .limit(MAX_BUTTONS)
                .map(c -> new Reply.Suggestion(c.fullName(), command + " " + c.name()))
                .toList();
    }

    private static List<Reply.Suggestion> dayButtons(Council council, List<LocalDate> days) {
        return days.stream()
                .map(d -> new Reply.Suggestion(
                        council.name() + " " + d.getYear(), "/council " + council.name() + " " + d.getYear()))
                .toList();
    }
}
