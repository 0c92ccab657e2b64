package org.resultsdesk.core.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.resultsdesk.core.announce.Formats;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.CouncilCard;
import org.resultsdesk.core.cards.CouncilCardFactory;
import org.resultsdesk.core.cards.PartyColours;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilControl;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;

/**
 * A local election night's tally ({@code /scoreboard local [year]}): councils controlled by party with control won and
 * lost, councillors elected by party with the net change in the councils' make-up, and councils declared of councils
 * with results. It reads the local results as this instance has them, so on the night it counts what has declared.
 */
final class LocalScoreboard {
    /** How NOC is labelled in the councils table. */
    static final String NOC = "NOC";

    private final LocalResults local;

    LocalScoreboard(LocalResults local) {
        this.local = local;
    }

    /** One party's councils: controlled after the night, control gained and lost. */
    record Control(String party, int councils, int gains, int losses) {}

    /** One party's councillors: elected on the night, and the change in the make-up of the councils declared. */
    record Councillors(String party, int won, int change) {}

    /** What the night adds up to; {@code compared} is how many declared councils have a make-up before and after. */
    record Tally(
            LocalDate day,
            int councilsVoting,
            int councilsDeclared,
            int compared,
            List<Control> control,
            List<Councillors> councillors) {}

    Reply reply(List<String> arguments) {
        return night(arguments, "/scoreboard local", day -> render(tally(local.archive(), day)));
    }

    /**
     * {@code /board local [year]}: the night as a picture, councillors elected by party with the net change and the
     * councils each party controls, with the table as its text for those who cannot see it.
     */
    Reply picture(List<String> arguments, Cards cards) {
        return night(arguments, "/board local", day -> {
            Tally tally = tally(local.archive(), day);
            CouncilCard card = card(tally);
            String alt = new PlainReplyRenderer().render(render(tally));
            return Reply.picture(
                    cards.council(card, alt + "\n" + CouncilCardFactory.CREDIT),
                    card.title() + ", " + card.subtitle() + ". " + card.verdict(),
                    List.of());
        });
    }

    /** Finds the night the words name (the newest when they name none) and answers for it, or lists those on file. */
    private Reply night(List<String> arguments, String command, Function<LocalDate, Reply> answer) {
        LocalArchive archive = local.archive();
        List<LocalDate> nights = archive.pollingDays().stream()
                .filter(d -> !archive.councilsVotingOn(d).isEmpty())
                .toList();
        if (nights.isEmpty()) {
            return Reply.text("No local election results on file.");
        }
        String wanted = String.join(" ", arguments).trim();
        Optional<LocalDate> day = nights.stream()
                .filter(d ->
                        wanted.isEmpty() || wanted.equals(d.toString()) || wanted.equals(String.valueOf(d.getYear())))
                .findFirst();
        if (day.isEmpty()) {
            return Reply.text(
                    "No local elections on file for " + wanted + ". Try one of these:",
                    nights.stream()
                            .map(d ->
                                    new Reply.Suggestion("Local elections " + d.getYear(), command + " " + d.getYear()))
                            .toList());
        }
        return answer.apply(day.get());
    }

    /**
     * The board's model: a bar of councillors elected for each party, with the change in the declared councils'
     * make-up; no majority line, since a night elects no one body; the party controlling most councils as the badge.
     */
    static CouncilCard card(Tally tally) {
        List<CouncilCard.Row> rows = tally.councillors().stream()
                .map(c -> new CouncilCard.Row(
                        PartyStyle.of(c.party()).label(),
                        c.party().equals(Party.OTHERS_CODE)
                                ? "Others"
                                : PartyStyle.of(c.party()).name(),
                        PartyColours.of(c.party()),
                        OptionalInt.empty(),
                        c.won(),
                        tally.compared() == 0 ? "" : signed(c.change())))
                .toList();
        int seats = tally.councillors().stream().mapToInt(Councillors::won).sum();
        Optional<Control> first = tally.control().stream().findFirst();
        String verdict = tally.control().isEmpty()
                ? "No council has declared yet"
                : "Councils: "
                        + String.join(
                                ", ",
                                tally.control().stream()
                                        .map(c -> controlLabel(c.party()) + " " + c.councils() + " ("
                                                + signed(c.gains() - c.losses()) + ")")
                                        .toList());
        String badge = first.map(c ->
                        controlLabel(c.party()) + " " + c.councils() + (c.councils() == 1 ? " council" : " councils"))
                .orElse("None declared");
        String colour = first.filter(c -> !c.party().equals(NOC))
                .map(c -> PartyColours.of(c.party()))
                .orElse("#5F6673");
        return new CouncilCard(
                "Local elections, " + Formats.date(tally.day()),
                tally.councilsDeclared() + " of " + tally.councilsVoting() + " councils declared, " + seats
                        + (seats == 1 ? " councillor" : " councillors") + " elected",
                verdict,
                badge,
                colour,
                0,
                rows,
                "Bars: councillors elected so far. Change: each declared council's make-up after against before, over the "
                        + tally.compared() + " with both (Open Council Data UK). Councils: control after, with the net"
                        + " change in control (NOC: no overall control).",
                CouncilCardFactory.CREDIT);
    }

    private static String controlLabel(String party) {
        return party.equals(NOC) ? NOC : PartyStyle.of(party).label();
    }

    static Tally tally(LocalArchive archive, LocalDate day) {
        List<Council> voting = archive.councilsVotingOn(day);
        Map<String, int[]> control = new LinkedHashMap<>();
        Map<String, int[]> councillors = new LinkedHashMap<>();
        int declared = 0;
        int compared = 0;
        for (Council council : voting) {
            CouncilResult result = CouncilResult.of(archive, council, day);
            CouncilResult.folded(result.seatsWon())
                    .forEach((party, won) -> councillors.computeIfAbsent(party, p -> new int[2])[0] += won);
            if (result.controlAfter().isEmpty()) {
                continue;
            }
            declared++;
            String after = label(result.controlAfter().get());
            control.computeIfAbsent(after, p -> new int[3])[0]++;
            if (result.controlBefore().isPresent() && result.controlChanged().orElse(false)) {
                control.get(after)[1]++;
                control.computeIfAbsent(label(result.controlBefore().get()), p -> new int[3])[2]++;
            }
            if (result.before().isPresent()) {
                compared++;
                result.change()
                        .forEach((party, change) -> councillors.computeIfAbsent(party, p -> new int[2])[1] += change);
            }
        }
        List<Control> controls = control.entrySet().stream()
                .map(e -> new Control(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(Control::councils)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(Control::gains).reversed())
                        .thenComparing(Control::party))
                .toList();
        List<Councillors> elected = councillors.entrySet().stream()
                .map(e -> new Councillors(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(Councillors::won).reversed().thenComparing(Councillors::party))
                .toList();
        return new Tally(day, voting.size(), declared, compared, controls, elected);
    }

    private static String label(CouncilControl control) {
        return control instanceof CouncilControl.Majority m ? m.partyCode() : NOC;
    }

    private static Reply render(Tally tally) {
        List<List<String>> councils = new ArrayList<>();
        councils.add(List.of("Party", "Councils", "Gain", "Loss", "Net"));
        for (Control c : tally.control()) {
            councils.add(List.of(
                    c.party().equals(NOC) ? NOC : PartyStyle.of(c.party()).label(),
                    String.valueOf(c.councils()),
                    String.valueOf(c.gains()),
                    String.valueOf(c.losses()),
                    signed(c.gains() - c.losses())));
        }
        List<List<String>> councillors = new ArrayList<>();
        councillors.add(List.of("Party", "Won", "Change"));
        for (Councillors c : tally.councillors()) {
            councillors.add(List.of(PartyStyle.of(c.party()).label(), String.valueOf(c.won()), signed(c.change())));
        }
        int seats = tally.councillors().stream().mapToInt(Councillors::won).sum();
        String title = "Local elections, " + Formats.date(tally.day()) + ": " + tally.councilsDeclared() + " of "
                + tally.councilsVoting() + " councils declared, " + seats
                + (seats == 1 ? " councillor" : " councillors")
                + " elected";
        return new Reply(
                List.of(
                        new Reply.Text(title),
                        new Reply.Table("Control of councils declared", councils),
                        new Reply.Table("Councillors", councillors),
                        new Reply.Text("Won: every councillor elected so far. Change: each declared council's"
                                + " make-up after against before (Open Council Data UK), over the "
                                + tally.compared() + " with both. Control: a party with more than half the seats,"
                                + " else no overall control (NOC). Others: parties and independents Open Council Data"
                                + " UK does not name.")),
                List.of());
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }
}
