package org.resultsdesk.core.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.announce.CopySnippetWriter;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.Abolitions;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatLineage;

/** Answers the commands every platform shares: /result, /snippet, /seats, /scoreboard, /help, /about. */
public final class CommandService implements CommandHandler {
    /** Longer than any seat name with an election after it; anything longer is refused, not searched. */
    public static final int MAX_INPUT_LENGTH = 200;
    /** Commands that carry text (quotes) check their own limits below this one. */
    public static final int MAX_MODULE_INPUT_LENGTH = 4000;

    static final String ATTRIBUTION = "Results from the House of Commons Library: general elections since 1918 (party"
            + " groups; candidates from 2010), by-elections since 2010, and the 2010-to-2024 seat overlaps behind"
            + " the history lines. Contains Parliamentary information"
            + " licensed under the Open Parliament Licence v3.0. Successors of abolished seats and Welsh seat names from"
            + " mySociety's 2025-constituencies data (CC BY 4.0). Council make-up and councillors from Open Council Data UK"
            + " (CC BY-SA 4.0).";

    private final ResultsArchive archive;
    private final SeatDirectory seats;
    private final ContestFinder finder;
    private final ResultCalculator calculator = new ResultCalculator();
    private final AnnouncementFactory announcements = new AnnouncementFactory();
    private final CopySnippetWriter snippets;
    private final Scoreboard scoreboard;
    private final LocalScoreboard localScoreboard;
    private final List<CommandModule> modules;
    private final ResultAddenda addenda;
    private final Abolitions abolitions;
    private final LocalResults local;

    public CommandService(ResultsArchive archive, SeatDirectory seats, CommandModule... modules) {
        this(archive, seats, ResultAddenda.NONE, modules);
    }

    public CommandService(
            ResultsArchive archive, SeatDirectory seats, ResultAddenda addenda, CommandModule... modules) {
        this(archive, seats, Clock.systemUTC(), addenda, LocalResults.none(), modules);
    }

    /** @param clock what "today" is for copy, which dates a contest that is not this week's */
    public CommandService(
            ResultsArchive archive, SeatDirectory seats, Clock clock, ResultAddenda addenda, CommandModule... modules) {
        this(archive, seats, clock, addenda, LocalResults.none(), modules);
    }

    /**
     * With local results: /result and /snippet answer wards and divisions that no Westminster seat answers.
     *
     * @param clock what "today" is for copy, which dates a contest that is not this week's
     */
    public CommandService(
            ResultsArchive archive,
            SeatDirectory seats,
            Clock clock,
            ResultAddenda addenda,
            LocalResults local,
            CommandModule... modules) {
        this.snippets = new CopySnippetWriter(clock);
        this.local = local;
        this.archive = archive;
        this.seats = seats;
        this.addenda = addenda;
        this.modules = List.of(modules);
        this.finder = new ContestFinder(archive, seats);
        this.abolitions = new Abolitions(SeatLineage.bundled(), archive::seats);
        this.scoreboard = new Scoreboard(archive, calculator);
        this.localScoreboard = new LocalScoreboard(local);
    }

    @Override
    public Reply handle(String text, ChatContext context) {
        if (text == null || text.isBlank()) {
            return help(context);
        }
        CommandLine line = CommandLine.parse(text.length() > MAX_MODULE_INPUT_LENGTH ? text.substring(0, 100) : text);
        if (text.length() <= MAX_MODULE_INPUT_LENGTH) {
            for (CommandModule module : modules) {
                if (module.names().contains(line.name())) {
                    return module.handle(line, context);
                }
            }
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            return Reply.text("That is too long for a command (" + text.length() + " characters; " + MAX_INPUT_LENGTH
                    + " at most). Try /result followed by a seat name.");
        }
        return switch (line.name()) {
            case "result", "results", "r" -> result(line);
            case "snippet" -> snippet(line);
            case "seats", "seat", "search" -> seats(line);
            case "scoreboard" ->
                !line.arguments().isEmpty() && line.arguments().get(0).equalsIgnoreCase("local")
                        ? localScoreboard.reply(
                                line.arguments().subList(1, line.arguments().size()))
                        : scoreboard.reply(line.arguments());
            case "help", "start" -> help(context);
            case "about" -> about();
            default -> unknown(line);
        };
    }

    /** The commands answered here, besides the modules'. */
    private static final List<String> BUILT_IN =
            List.of("result", "results", "snippet", "seats", "scoreboard", "help", "about");

    /** "Did you mean /result?" for a misspelt command, with the nearest as a button; else a pointer to /help. */
    private Reply unknown(CommandLine line) {
        String name = line.name();
        List<String> known = new ArrayList<>(BUILT_IN);
        modules.forEach(m -> known.addAll(m.names()));
        org.apache.commons.text.similarity.LevenshteinDistance distance =
                new org.apache.commons.text.similarity.LevenshteinDistance(2);
        Optional<String> nearest = known.stream()
                .filter(k -> name.length() >= 3 && (k.startsWith(name) || distance.apply(name, k) >= 0))
                .min(java.util.Comparator.comparingInt((String k) -> k.startsWith(name) ? 0 : 1)
                        .thenComparingInt(k -> Math.max(0, distance.apply(name, k)))
                        .thenComparingInt(String::length));
        if (nearest.isPresent()) {
            String asked = "/" + nearest.get() + (line.arguments().isEmpty() ? "" : " " + line.argumentText());
            return Reply.text(
                    "I don't know the command /" + name + ". Did you mean /" + nearest.get()
                            + "? /help lists them all.",
                    List.of(new Reply.Suggestion(asked, asked)));
        }
        return Reply.text("I don't know the command /" + name + ". Try /help.");
    }

    private Reply result(CommandLine line) {
        if (local.claims(ElectionFilter.split(line.arguments()).query())) {
            return local.result("result", line.arguments())
                    .orElseGet(() -> Reply.text("I have no ward or division with that code or ballot id."));
        }
        ContestFinder.Found found = finder.find("result", line.arguments());
        if (found.problem().isPresent()) {
            return local.result("result", line.arguments())
                    .orElse(found.problem().get());
        }
        Contest contest = found.contest().orElseThrow();
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.AnnouncementPart(announcements.announce(figures(contest))));
        parts.addAll(addenda.under(contest));
        List<Reply.Suggestion> others = new ArrayList<>();
        abolitions.of(seats.seatsNamed(contest.seat().name())).ifPresent(gone -> {
            parts.add(new Reply.Text(gone.note()));
            others.add(new Reply.Suggestion(
                    gone.successor().name(), "/result " + gone.successor().name()));
        });
        if (!found.others().isEmpty()) {
            List<Contest> all = new ArrayList<>(found.others());
            all.add(contest);
            found.others()
                    .forEach(c -> others.add(
                            ContestFinder.suggestion("result", contest.seat().name(), c, all)));
            parts.add(new Reply.Text("Other results for " + contest.seat().name() + ":"));
        }
        return new Reply(parts, others);
    }

    private Reply snippet(CommandLine line) {
        if (local.claims(ElectionFilter.split(line.arguments()).query())
                || !line.arguments().isEmpty() && line.arguments().get(0).equalsIgnoreCase("council")) {
            return local.snippet(line.arguments())
                    .orElseGet(() -> Reply.text("I have no ward, division or council by that name or code."));
        }
        ContestFinder.Found found = finder.find("snippet", line.arguments());
        if (found.problem().isPresent()) {
            return local.snippet(line.arguments()).orElse(found.problem().get());
        }
        return found.problem().orElseGet(() -> {
            Contest contest = found.contest().orElseThrow();
            return Reply.text(snippets.write(figures(contest))
                    + abolitions
                            .of(seats.seatsNamed(contest.seat().name()))
                            .map(gone -> " " + gone.sentence())
                            .orElse("")
                    + addenda.sentence(contest).map(s -> " " + s).orElse(""));
        });
    }

    private Reply seats(CommandLine line) {
        if (line.arguments().isEmpty()) {
            return Reply.text("Search for a seat with part of its name, for example: /seats brighton");
        }
        List<String> names = seats.search(line.argumentText(), 15);
        if (names.isEmpty()) {
            return Reply.text("No seat matches \"" + line.argumentText() + "\".");
        }
        return Reply.text(
                "Seats matching \"" + line.argumentText() + "\":\n"
                        + String.join(
                                "\n", names.stream().map(finder::withYears).toList()),
                names.stream()
                        .limit(8)
                        .map(n -> new Reply.Suggestion(n, "/result " + n))
                        .toList());
    }

    private ResultFigures figures(Contest contest) {
        return calculator.calculate(contest, archive.comparisonFor(contest));
    }

    /**
     * Every command, as the platform takes it: Slack has its own /status, so there the desk's commands without a slash
     * command of their own go through /resultsdesk (as the app manifest registers them).
     */
    private Reply help(ChatContext context) {
        StringBuilder extra = new StringBuilder();
        modules.forEach(m -> extra.append('\n').append(m.help()));
        String help = HELP + extra;
        if (context.platform() == ChatContext.Platform.SLACK) {
            help = help.replaceAll("(?m)^/(about|status|audit)\\b", "/resultsdesk $1");
        }
        return Reply.text(help);
    }

    private static final String HELP = """
                Results Desk: declared UK election results, with shares, changes, majority, turnout and swing.
                /result <seat> [election]  the declared result, e.g. /result kingswood or /result kingswood 2019
                /snippet <seat> [election]  a paragraph ready to paste into a story
                /seats <text>  find seats by name
                /scoreboard [election]  seats and votes by party for a general election, e.g. /scoreboard 2019
                /scoreboard local [year]  councils and councillors by party on a local election night
                /about  where the figures come from
                An election can be a year (2019), "by-election", "general" or a date (2024-02-15).""";

    private Reply about() {
        return Reply.text("Results Desk serves declared results for "
                + archive.elections().size() + " elections from its bundled data and live feeds.\n" + ATTRIBUTION);
    }
}
