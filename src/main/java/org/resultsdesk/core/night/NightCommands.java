package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.ElectionFilter;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.WatchListStore;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * The night desk: /due, /targets, /swingometer, /records, and each channel's watch list (/watch, /unwatch,
 * /watchlist). Changing a watch list takes channel rights, as subscribing does (decided by {@link Rights}); anyone
 * may read it.
 */
public final class NightCommands implements CommandModule {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(Tonight.LONDON);
    private static final int DEFAULT_TARGETS = 10;
    private static final int MAX_TARGETS = 50;
    private static final int MAX_FALLS_LISTED = 40;
    private static final int RECORDS_EACH = 3;

    private final Tonight tonight;
    private final WatchListStore watches;
    private final SeatDirectory seats;
    private final Clock clock;
    private final Rights rights;
    private final ResultCalculator calculator = new ResultCalculator();

    public NightCommands(Tonight tonight, WatchListStore watches, SeatDirectory seats, Clock clock, Rights rights) {
        this.tonight = tonight;
        this.watches = watches;
        this.seats = seats;
        this.clock = clock;
        this.rights = rights;
    }

    @Override
    public Set<String> names() {
        return Set.of("due", "targets", "swingometer", "records", "watch", "unwatch", "watchlist");
    }

    @Override
    public String help() {
        return "/due [hours]  seats expected to declare next, with who holds them\n"
                + "/targets <party> [n]  the seats a party needs the smallest swing to win\n"
                + "/swingometer 5 Lab to Ref  what a uniform national swing does to the seats\n"
                + "/records [election]  the night's largest and smallest majorities, swings, turnouts\n"
                + "/watch <seat>, /unwatch <seat>  this channel's watch list (editors); /watchlist  its seats";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        ChannelRef channel = new ChannelRef(context.platform(), context.channelId());
        return switch (line.name()) {
            case "due" -> due(line.arguments(), channel);
            case "targets" -> targets(line.arguments());
            case "swingometer" -> swingometer(line.argumentText());
            case "records" -> records(line.arguments());
            case "watchlist" -> watchlist(channel);
            default -> changeWatchList(line, context, channel);
        };
    }

    private Reply due(List<String> arguments, ChannelRef channel) {
        BigDecimal hours;
        try {
            hours = arguments.isEmpty() ? BigDecimal.ONE : new BigDecimal(arguments.get(0));
        } catch (NumberFormatException e) {
            hours = BigDecimal.ZERO;
        }
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            return Reply.text("Say how many hours ahead, from 0.5 to 24: /due or /due 2.");
        }
        Instant now = clock.instant();
        Duration window =
                Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue());
        List<NightSeat> night = tonight.seats();
        Set<String> watched = watched(channel);
        DueList list = DueList.of(night, now, window, watched);
        Instant until = now.plus(window);
        List<Reply.Part> parts = new ArrayList<>();
        if (list.due().isEmpty()) {
            parts.add(new Reply.Text("Nothing is expected to declare by " + TIME.format(until) + "."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Due", "Seat", "Held by", "Majority"));
            for (DueList.Entry e : list.due()) {
                NightSeat.Holder holder = e.seat().holder();
                rows.add(List.of(
                        TIME.format(e.expectedAt()),
                        (e.watched() ? "★ " : "") + e.seat().seat().name(),
                        PartyStyle.of(holder.party()).abbreviation() + " (" + holder.asAt() + ")",
                        holder.majority().isPresent() ? votes(holder.majority().getAsInt()) : "-"));
            }
            parts.add(new Reply.Table(
                    "Due by " + TIME.format(until) + ", soonest first: "
                            + list.due().size() + " seat" + (list.due().size() == 1 ? "" : "s"),
                    rows));
        }
        List<String> notes = new ArrayList<>();
        if (!list.overdue().isEmpty()) {
            notes.add("Overdue, not yet declared: "
                    + list.overdue().stream()
                            .limit(15)
                            .map(e -> e.seat().seat().name() + " (" + TIME.format(e.expectedAt()) + ")")
                            .collect(Collectors.joining(", "))
                    + (list.overdue().size() > 15 ? " and " + (list.overdue().size() - 15) + " more" : "") + ".");
        }
        List<String> later = night.stream()
                .filter(s -> watched.contains(s.seat().gss()) && s.declared().isEmpty())
                .filter(s -> s.expected().map(x -> !x.at().isBefore(until)).orElse(true))
                .map(s -> s.seat().name() + " ("
                        + s.expected().map(x -> "due " + TIME.format(x.at())).orElse("no expected time") + ")")
                .toList();
        if (!later.isEmpty()) {
            notes.add("Watched here, later: " + String.join(", ", later) + ".");
        }
        night.stream()
                .flatMap(s -> s.expected().flatMap(NightSeat.Expected::asAt).stream())
                .findFirst()
                .ifPresent(year -> notes.add("Seats without a time in a declaration-times file are expected at"
                        + " their declaration time in " + year + ", moved to tonight."));
        if (list.withoutTime() > 0) {
            notes.add(list.withoutTime() + " seat" + (list.withoutTime() == 1 ? " has" : "s have")
                    + " no expected time"
                    + (list.withoutTime() == night.size()
                            ? ": there is no declaration-times file, and the previous general election's times are not on"
                                    + " file for these seats (the Commons Library's GE2024 results give none)."
                                    + " Set night.declaration-times to a CSV of seat and expected time."
                            : "."));
        }
        notes.add(list.declared() + " of " + night.size() + " declared so far.");
        parts.add(new Reply.Text(String.join("\n", notes)));
        return new Reply(parts, List.of());
    }

    private Reply targets(List<String> arguments) {
        if (arguments.isEmpty()) {
            return Reply.text(
                    "Name a party: /targets Labour or /targets Reform 20. For the seats a uniform national"
                            + " swing would change, try /swingometer 5 Lab to Ref.",
                    List.of(new Reply.Suggestion("Swingometer 5 Lab to Ref", "/swingometer 5 Lab to Ref")));
        }
        int count = DEFAULT_TARGETS;
        List<String> words = new ArrayList<>(arguments);
        if (words.size() > 1 && words.get(words.size() - 1).matches("\\d{1,3}")) {
            count = Math.min(MAX_TARGETS, Math.max(1, Integer.parseInt(words.remove(words.size() - 1))));
        }
        List<BaselineSeat> baseline = tonight.baseline();
        if (baseline.isEmpty()) {
            return Reply.text("There is no earlier result to measure targets from for "
                    + tonight.election().id() + ".");
        }
        Optional<String> party = PartyNames.key(String.join(" ", words), partyKeys(baseline));
        if (party.isEmpty()) {
            return Reply.text("I don't know the party \"" + String.join(" ", words) + "\". Try Lab, Con, LD, Reform,"
                    + " Green, SNP or Plaid.");
        }
        List<TargetList.Target> targets = TargetList.of(party.get(), baseline);
        String name = PartyStyle.of(partyOf(party.get(), baseline)).name();
        if (targets.isEmpty()) {
            return Reply.text(name + " has no target seats in the " + label(baseline) + " results.");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Seat", "Held by", "Swing needed", "Majority", "Tonight"));
        for (TargetList.Target t : targets.stream().limit(count).toList()) {
            BaselineSeat b = t.seat();
            OptionalInt majority = b.comparison().majority();
            rows.add(List.of(
                    b.seat().name(),
                    PartyStyle.of(b.winner()).abbreviation(),
                    points(t.swingNeeded()),
                    majority.isPresent() ? votes(majority.getAsInt()) : points(b.majorityPercent()) + " pts",
                    tonight.declared(b.seat().gss()).map(this::verdict).orElse("-")));
        }
        return new Reply(
                List.of(new Reply.Table(
                        name + " targets on the " + label(baseline)
                                + " results, smallest swing needed first (" + Math.min(count, targets.size()) + " of "
                                + targets.size() + ")",
                        rows)),
                List.of());
    }

    private Reply swingometer(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?i)\\s*(\\d{1,2}(?:\\.\\d+)?)\\s*(?:%|points?|pts)?\\s+(?:from\\s+)?(.+?)\\s+to\\s+(.+?)\\s*")
                .matcher(text);
        String usage = "Give a swing in points from one party to another: /swingometer 5 Lab to Ref.";
        if (!m.matches()) {
            return Reply.text(usage);
        }
        List<BaselineSeat> baseline = tonight.baseline();
        Optional<String> from = PartyNames.key(m.group(2), partyKeys(baseline));
        Optional<String> to = PartyNames.key(m.group(3), partyKeys(baseline));
        if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
            return Reply.text("I need two different parties. " + usage);
        }
        BigDecimal points = new BigDecimal(m.group(1));
        Swingometer.Outcome outcome = Swingometer.swing(baseline, points, from.get(), to.get());
        String fromName = PartyStyle.of(partyOf(from.get(), baseline)).collective();
        String toName = PartyStyle.of(partyOf(to.get(), baseline)).collective();
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(
                "A uniform swing of " + points.stripTrailingZeros().toPlainString() + " points from "
                        + fromName + " to " + toName + " on the " + label(baseline) + " results: "
                        + outcome.falls().size()
                        + " seat" + (outcome.falls().size() == 1 ? "" : "s") + " change hands."));
        List<List<String>> tally = new ArrayList<>();
        tally.add(List.of("Party", "Before", "After", "Change"));
        Map<String, Integer> seatsBefore = independentsTogether(outcome.before());
        Map<String, Integer> seatsAfter = independentsTogether(outcome.after());
        Set<String> parties = new LinkedHashSet<>();
        seatsAfter.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parties.add(e.getKey()));
        parties.addAll(seatsBefore.keySet());
        for (String key : parties) {
            int before = seatsBefore.getOrDefault(key, 0);
            int after = seatsAfter.getOrDefault(key, 0);
            tally.add(List.of(
                    PartyStyle.of(partyOf(key, baseline)).label(),
                    String.valueOf(before),
                    String.valueOf(after),
                    after > before ? "+" + (after - before) : String.valueOf(after - before)));
        }
        parts.add(new Reply.Table("Seats", tally));
        if (!outcome.falls().isEmpty()) {
            List<List<String>> falls = new ArrayList<>();
            falls.add(List.of("Seat", "From", "To"));
            outcome.falls().stream()
                    .limit(MAX_FALLS_LISTED)
                    .forEach(f -> falls.add(List.of(
                            f.seat().seat().name(),
                            PartyStyle.of(partyOf(f.winnerBefore(), baseline)).abbreviation(),
                            PartyStyle.of(partyOf(f.winnerAfter(), baseline)).abbreviation())));
            parts.add(new Reply.Table(
                    "Seats that fall, closest first"
                            + (outcome.falls().size() > MAX_FALLS_LISTED
                                    ? " (first " + MAX_FALLS_LISTED + " of "
                                            + outcome.falls().size() + ")"
                                    : ""),
                    falls));
        }
        return new Reply(parts, List.of());
    }

    /** Independents are keyed by name (each is their own party); a tally counts them as one line. */
    private static Map<String, Integer> independentsTogether(Map<String, Integer> seats) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        seats.forEach((key, n) -> merged.merge(key.startsWith("Ind:") ? "Ind" : key, n, Integer::sum));
        return merged;
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
        parts.add(recordTable("Largest majorities", records.largestMajorities(), NightCommands::majority));
        parts.add(recordTable("Smallest majorities", records.smallestMajorities(), NightCommands::majority));
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
            String title, List<ResultFigures> rows, java.util.function.Function<ResultFigures, String> figure) {
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

    private Reply watchlist(ChannelRef channel) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        watches.forChannel(channel)
                .forEach(w -> byLabel.computeIfAbsent(w.label(), k -> new ArrayList<>())
                        .add(w.gss()));
        if (byLabel.isEmpty()) {
            return Reply.text("This channel watches no seats yet. Add one with /watch <seat>.");
        }
        Map<String, NightSeat> night = new LinkedHashMap<>();
        tonight.seats().forEach(s -> night.put(s.seat().gss(), s));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Seat", "Due", "Declared", "Result"));
        byLabel.forEach((label, codes) -> {
            Optional<NightSeat> seat = codes.stream()
                    .map(night::get)
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
            if (seat.isEmpty()) {
                rows.add(List.of(label, "not contested tonight", "-", "-"));
                return;
            }
            NightSeat s = seat.get();
            rows.add(List.of(
                    label,
                    s.expected().map(x -> TIME.format(x.at())).orElse("no expected time"),
                    s.declared()
                            .map(c -> c.declaredAt().map(TIME::format).orElse("yes"))
                            .orElse("not yet"),
                    s.declared().map(this::verdict).orElse("-")));
        });
        return new Reply(List.of(new Reply.Table("Watched in this channel", rows)), List.of());
    }

    private Reply changeWatchList(CommandLine line, ChatContext context, ChannelRef channel) {
        boolean watch = line.name().equals("watch");
        Action action = watch ? Action.WATCH : Action.UNWATCH;
        if (rights.decide(context, action, channel) instanceof Decision.Refused refused) {
            return Reply.text(refused.message() + " /watchlist shows it.");
        }
        if (line.arguments().isEmpty()) {
            return Reply.text(
                    watch
                            ? "Watch a seat with /watch <seat>, e.g. /watch kingswood."
                            : "Stop watching a seat with /unwatch <seat>.");
        }
        SeatMatch match = seats.find(line.argumentText());
        if (match instanceof SeatMatch.Found found) {
            List<String> codes =
                    found.seats().stream().map(Seat::gss).distinct().toList();
            boolean changed = false;
            for (String gss : codes) {
                changed |= watch
                        ? watches.add(channel, new WatchListStore.Watched(gss, found.name()))
                        : watches.remove(channel, gss);
            }
            if (changed) {
                rights.record(context, action, found.name());
            }
            if (watch) {
                return Reply.text(
                        changed
                                ? "This channel now watches " + found.name() + ". /watchlist shows the list;"
                                        + " /due marks watched seats with ★."
                                : "This channel already watches " + found.name() + ".");
            }
            return Reply.text(
                    changed
                            ? "This channel no longer watches " + found.name() + "."
                            : "This channel was not watching " + found.name() + ".");
        }
        List<String> names = match instanceof SeatMatch.Ambiguous a
                ? a.names()
                : match instanceof SeatMatch.Suggestions s ? s.names() : List.of();
        if (names.isEmpty()) {
            return Reply.text("I don't know a seat called \"" + line.argumentText() + "\".");
        }
        return Reply.text(
                "Which seat did you mean?",
                names.stream()
                        .limit(8)
                        .map(n -> new Reply.Suggestion(n, "/" + line.name() + " " + n))
                        .toList());
    }

    private Set<String> watched(ChannelRef channel) {
        return watches.forChannel(channel).stream()
                .map(WatchListStore.Watched::gss)
                .collect(Collectors.toSet());
    }

    /** "Lab GAIN from Con", "Con HOLD", "Lab WIN" (nothing to compare with). */
    private String verdict(Contest contest) {
        ResultFigures f = calculator.calculate(contest, tonight.archive().comparisonFor(contest));
        String winner = PartyStyle.of(contest.winner().party()).abbreviation();
        return f.verdict()
                .map(v -> v.gain()
                        ? winner + " GAIN from "
                                + PartyStyle.of(v.previousWinner()).abbreviation()
                        : winner + " HOLD")
                .orElse(winner + " WIN");
    }

    private static Set<String> partyKeys(List<BaselineSeat> baseline) {
        return baseline.stream().flatMap(b -> b.shares().keySet().stream()).collect(Collectors.toSet());
    }

    private static Party partyOf(String key, List<BaselineSeat> baseline) {
        return baseline.stream()
                .map(b -> b.parties().get(key))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(new Party(key, key));
    }

    private static String label(List<BaselineSeat> baseline) {
        return baseline.get(0).comparison().label();
    }

    private static String majority(ResultFigures f) {
        return votes(f.majority()) + " (" + percent(f.majorityPercent()) + ")";
    }

    private static String votes(int votes) {
        return String.format(Locale.UK, "%,d", votes);
    }

    private static String percent(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString() + "%";
    }

    private static String points(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString();
    }
}
