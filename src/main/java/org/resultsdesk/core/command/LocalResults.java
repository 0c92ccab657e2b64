package org.resultsdesk.core.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.announce.LocalAnnouncementFactory;
import org.resultsdesk.core.announce.LocalSnippetWriter;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.LocalFigures;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.CouncilDirectory;
import org.resultsdesk.core.seats.WardDirectory;
import org.resultsdesk.core.seats.WardMatch;

/**
 * {@code /result} for wards and divisions: "abbey, buckinghamshire", "abbey bucks 2021", "E05015927", a ballot id.
 * {@link CommandService} asks Westminster first; a query no seat answers comes here, and one nothing here answers
 * goes back to Westminster's suggestions, so Westminster answers exactly as it did.
 */
public final class LocalResults {
    private static final int MAX_BUTTONS = 8;

    private record Loaded(LocalArchive archive, WardDirectory wards, int wardsAdded) {}

    private final java.util.function.Supplier<Loaded> loaded;
    private final LocalCalculator calculator;
    private final org.resultsdesk.core.calc.ByElectionCalculator byElections;
    private final org.resultsdesk.core.calc.DefenceSource defences;
    private final LocalAnnouncementFactory announcements = new LocalAnnouncementFactory();
    private final LocalSnippetWriter snippets = new LocalSnippetWriter();

    public LocalResults(LocalArchive archive, LocalCalculator calculator) {
        this(() -> archive, calculator);
    }

    /**
     * With the archive still loading (start-up reads the bundled local data in the background): the first local
     * query waits for it, Westminster never does.
     */
    public LocalResults(java.util.function.Supplier<LocalArchive> archive, LocalCalculator calculator) {
        this(archive, calculator, org.resultsdesk.core.calc.DefenceSource.UNKNOWN);
    }

    /** @param defences who defends each council by-election: GAIN and HOLD are against that party */
    public LocalResults(
            java.util.function.Supplier<LocalArchive> archive,
            LocalCalculator calculator,
            org.resultsdesk.core.calc.DefenceSource defences) {
        this.calculator = calculator;
        this.byElections = new org.resultsdesk.core.calc.ByElectionCalculator(calculator);
        this.defences = defences;
        this.loaded = memoized(archive);
    }

    private static java.util.function.Supplier<Loaded> memoized(java.util.function.Supplier<LocalArchive> archive) {
        java.util.concurrent.atomic.AtomicReference<Loaded> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            Loaded now = value.get();
            // Built again when a declaration brought a ward the lookup has not seen (a feed on new boundaries).
            if (now == null || now.archive().wardsAdded() != now.wardsAdded()) {
                synchronized (value) {
                    now = value.get();
                    if (now == null || now.archive().wardsAdded() != now.wardsAdded()) {
                        LocalArchive a = archive.get();
                        int added = a.wardsAdded();
                        now = new Loaded(a, new WardDirectory(a.wards(), new CouncilDirectory(a.councils())), added);
                        value.set(now);
                    }
                }
            }
            return now;
        };
    }

    public static LocalResults none() {
        return new LocalResults(
                LocalArchive.empty(), new LocalCalculator(org.resultsdesk.core.calc.MultiMemberMethod.TOP_CANDIDATE));
    }

    /** The local results as this instance has them (the bundled data and the declarations followed since). */
    public LocalArchive archive() {
        return loaded.get().archive();
    }

    /** Ward and council lookup over the local results this instance has. */
    public WardDirectory wards() {
        return loaded.get().wards();
    }

    public LocalCalculator calculator() {
        return calculator;
    }

    /** Whether this query names a ward outright (an ONS ward code or a ballot id), so Westminster need not try. */
    boolean claims(String query) {
        String q = query.strip();
        return BallotId.parse(q).isPresent()
                || q.toUpperCase(java.util.Locale.ROOT).matches("[EWSN](05|58)\\d{6}");
    }

    /** The reply for a ward query, or empty when no ward fits (Westminster's answer stands). */
    Optional<Reply> result(String command, List<String> arguments) {
        ElectionFilter.Split split = ElectionFilter.split(arguments);
        Optional<LocalContest> byBallot =
                BallotId.parse(split.query()).flatMap(b -> archive().contest(b.toString()));
        if (byBallot.isPresent()) {
            return Optional.of(reply(command, byBallot.get()));
        }
        WardMatch match = wards().find(split.query());
        if (match instanceof WardMatch.Found found) {
            List<LocalContest> contests = archive().contestsIn(found.ward());
            List<LocalContest> matching =
                    contests.stream().filter(c -> matches(split.filter(), c)).toList();
            if (matching.isEmpty()) {
                return Optional.of(Reply.text(
                        contests.isEmpty()
                                ? "I have no results for " + found.ward().label() + " yet."
                                : "I have no result for " + found.ward().label() + " in that election. It has:",
                        contests.stream().map(c -> button(command, c)).toList()));
            }
            return Optional.of(reply(command, matching.get(0)));
        }
        if (match instanceof WardMatch.Ambiguous ambiguous) {
            String more = ambiguous.wards().size() > MAX_BUTTONS
                    ? " The first " + MAX_BUTTONS + " are below; add the council's name for the others, e.g. /"
                            + command + " " + ambiguous.name() + ", "
                            + ambiguous.wards().get(0).council().name() + "."
                    : "";
            return Optional.of(Reply.text(
                    ambiguous.name() + " is a ward or division in "
                            + ambiguous.wards().size() + " councils. Which one?" + more,
                    ambiguous.wards().stream()
                            .limit(MAX_BUTTONS)
                            .map(w -> new Reply.Suggestion(w.label(), "/" + command + " " + w.label()))
                            .toList()));
        }
        if (match instanceof WardMatch.CouncilAmbiguous ambiguous) {
            return Optional.of(Reply.text(
                    "Which council's " + ambiguous.wardName() + "?",
                    ambiguous.councils().stream()
                            .limit(MAX_BUTTONS)
                            .map(c -> new Reply.Suggestion(
                                    ambiguous.wardName() + ", " + c.name(),
                                    "/" + command + " " + ambiguous.wardName() + ", " + c.name()))
                            .toList()));
        }
        if (match instanceof WardMatch.NotInCouncil notIn) {
            return Optional.of(Reply.text(
                    "I don't know a ward or division of " + notIn.council().fullName() + " called \""
                            + split.query()
                                    .substring(0, Math.max(0, split.query().indexOf(',')))
                                    .strip()
                            + "\"."
                            + (notIn.closest().isEmpty()
                                    ? " Try /council " + notIn.council().name() + " for its wards."
                                    : " Did you mean one of these?"),
                    notIn.closest().stream()
                            .map(w -> new Reply.Suggestion(w.label(), "/" + command + " " + w.label()))
                            .toList()));
        }
        return Optional.empty();
    }

    /**
     * {@code /snippet} for a ward ("abbey, bucks") or a council ("council kent", or a council name no ward has): the
     * copy paragraph; empty when neither fits (Westminster's answer stands).
     */
    Optional<Reply> snippet(List<String> arguments) {
        boolean councilAsked = !arguments.isEmpty() && arguments.get(0).equalsIgnoreCase("council");
        if (!councilAsked) {
            Optional<Reply> ward = result("snippet", arguments);
            if (ward.isPresent()) {
                return ward;
            }
        }
        ElectionFilter.Split split =
                ElectionFilter.split(councilAsked ? arguments.subList(1, arguments.size()) : arguments);
        if (split.query().isBlank()) {
            return councilAsked
                    ? Optional.of(Reply.text("Which council? For example: /snippet council kent"))
                    : Optional.empty();
        }
        if (!(wards().councils().find(split.query()) instanceof CouncilDirectory.Match.Found found)) {
            return Optional.empty();
        }
        Optional<LocalDate> day = archive().pollingDays().stream()
                .filter(d -> !archive().contestsOf(found.council(), d).isEmpty())
                .filter(d -> split.filter().year().map(y -> y == d.getYear()).orElse(true))
                .findFirst();
        return Optional.of(day.map(d -> Reply.text(
                        snippets.council(org.resultsdesk.core.calc.CouncilResult.of(archive(), found.council(), d))))
                .orElseGet(() ->
                        Reply.text("I have no results for " + found.council().fullName() + " on file.")));
    }

    /** The ward's result (or, for /snippet, its copy), with buttons for its other contests. */
    Reply reply(String command, LocalContest contest) {
        if (!contest.votingSystem().supported()) {
            return Reply.text(contest.ward().label() + " (" + contest.id() + ") is counted by "
                    + contest.votingSystem().description() + ". STV counts are not supported yet.");
        }
        if (command.equals("snippet")) {
            return Reply.text(
                    contest.ballot().byElection()
                            ? new org.resultsdesk.core.announce.ByElectionWriter().deskLine(byElection(contest))
                            : snippets.ward(
                                    calculator.calculate(contest, archive().previous(contest))));
        }
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.AnnouncementPart(announcement(contest)));
        List<LocalContest> others = archive().contestsIn(contest.ward()).stream()
                .filter(c -> !c.equals(contest))
                .toList();
        if (!others.isEmpty()) {
            parts.add(new Reply.Text("Other results for " + contest.ward().label() + ":"));
        }
        return new Reply(parts, others.stream().map(c -> button(command, c)).toList());
    }

    /** A ward's result as {@code /result} shows it, for an alert: the same figures, method and notes. */
    public org.resultsdesk.core.model.Announcement announcement(LocalContest contest) {
        if (contest.ballot().byElection()) {
            org.resultsdesk.core.calc.ByElectionFigures by = byElection(contest);
            return announcements.announce(
                    by, by.figures().previous().isEmpty() ? newWardSince(contest) : Optional.empty());
        }
        return announcement(calculator.calculate(contest, archive().previous(contest)));
    }

    /** A council by-election worked out against the party defending it. */
    public org.resultsdesk.core.calc.ByElectionFigures byElection(LocalContest contest) {
        return byElections.calculate(
                contest, archive().previous(contest), defences.defenceOf(contest.ballot(), contest.ward()));
    }

    /** Who defends a by-election in this ward, as the desk has it. */
    public org.resultsdesk.core.calc.Defence defenceOf(BallotId ballot, org.resultsdesk.core.model.Ward ward) {
        return defences.defenceOf(ballot, ward);
    }

    private org.resultsdesk.core.model.Announcement announcement(LocalFigures figures) {
        Optional<Integer> newSince = figures.previous().isEmpty() ? newWardSince(figures.contest()) : Optional.empty();
        return announcements.announce(figures, newSince);
    }

    /**
     * A new ward: the year the council last voted on a polling day on file without this ward's ONS code (its
     * boundaries were redrawn since). Empty when the council has no earlier polling day on file.
     */
    Optional<Integer> newWardSince(LocalContest contest) {
        Council council = contest.council();
        return archive().pollingDays().stream()
                .filter(d -> d.isBefore(contest.ballot().date()))
                .filter(d -> !archive().contestsOf(council, d).isEmpty())
                .findFirst()
                .map(LocalDate::getYear);
    }

    static boolean matches(ElectionFilter filter, LocalContest contest) {
        LocalDate day = contest.ballot().date();
        return filter.kind()
                        .map(k -> k == ElectionKind.BY_ELECTION
                                ? contest.ballot().byElection()
                                : k != ElectionKind.NOTIONAL
                                        && !contest.ballot().byElection())
                        .orElse(true)
                && filter.year().map(y -> y == day.getYear()).orElse(true)
                && filter.date().map(day::equals).orElse(true);
    }

    private static Reply.Suggestion button(String command, LocalContest c) {
        String when = c.ballot().byElection()
                ? c.ballot().date().toString()
                : String.valueOf(c.ballot().date().getYear());
        return new Reply.Suggestion(
                c.ward().name() + " " + (c.ballot().byElection() ? "by-election " : "")
                        + c.ballot().date().getYear(),
                "/" + command + " " + c.ward().label() + " " + when);
    }
}
