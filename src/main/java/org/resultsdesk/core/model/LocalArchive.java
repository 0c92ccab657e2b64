package org.resultsdesk.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every local contest the bot knows, with the councils, their make-up from Open Council Data UK and the sitting
 * councillors. Built at start-up from the bundled data; declarations from feeds add or replace contests while it runs
 * ({@link #put}). Reads see an immutable snapshot.
 *
 * <p>The lookups a command or a by-election needs:
 * <ul>
 *   <li>{@link #contest(String)} by ballot id; {@link #contestsOn(String)} by ward ONS code, newest first;
 *   <li>{@link #previous(LocalContest)}: the last earlier contest on the same ONS code in the same council (the only
 *       fair comparison: a code changes at a boundary review);
 *   <li>{@link #councils()}, {@link #council(String)} by ONS code, {@link #wards()} (one per code and name, newest
 *       name first), {@link #contestsOf(Council, LocalDate)} (a council's night);
 *   <li>{@link #compositionBefore(Council, LocalDate)}: the make-up published for the year before a date;
 *   <li>{@link #councillors(Council)}, {@link #councillorsIn(Ward)}: who sits for the council or ward now (who
 *       defends a seat at a by-election).
 * </ul>
 */
public final class LocalArchive {
    private record Snapshot(
            Map<String, LocalContest> contests,
            Map<String, List<LocalContest>> byWardCode,
            Map<String, List<LocalContest>> byCouncilAndDay,
            List<LocalDate> pollingDays) {}

    private final Map<String, Council> councils;
    private final Map<String, Map<Integer, CouncilComposition>> compositions;
    private final Map<String, List<Councillor>> councillors;
    private volatile Snapshot snapshot;
    private volatile int wardsAdded;

    /**
     * @param compositions make-up by council ONS code and the year it describes (Open Council Data's year, which is
     *     the council after that year's May elections)
     */
    public LocalArchive(
            Collection<Council> councils,
            Collection<LocalContest> contests,
            Map<String, Map<Integer, CouncilComposition>> compositions,
            Collection<Councillor> councillors) {
        Map<String, Council> byCode = new LinkedHashMap<>();
        councils.forEach(c -> byCode.put(c.onsCode(), c));
        contests.forEach(c -> byCode.putIfAbsent(c.council().onsCode(), c.council()));
        this.councils = Map.copyOf(byCode);
        this.compositions = Map.copyOf(compositions);
        Map<String, List<Councillor>> sitting = new LinkedHashMap<>();
        councillors.forEach(c -> sitting.computeIfAbsent(c.council().onsCode(), k -> new ArrayList<>())
                .add(c));
        this.councillors = Map.copyOf(sitting);
        Map<String, LocalContest> byId = new LinkedHashMap<>();
        contests.forEach(c -> byId.put(c.id(), c));
        this.snapshot = snapshotOf(byId);
    }

    public static LocalArchive empty() {
        return new LocalArchive(List.of(), List.of(), Map.of(), List.of());
    }

    private static Snapshot snapshotOf(Map<String, LocalContest> byId) {
        Map<String, List<LocalContest>> byWard = new LinkedHashMap<>();
        byId.values().stream()
                .sorted(NEWEST_FIRST)
                .forEach(c -> byWard.computeIfAbsent(c.ward().onsCode(), k -> new ArrayList<>())
                        .add(c));
        byWard.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<LocalContest>> byCouncilAndDay = new LinkedHashMap<>();
        byId.values().stream()
                .sorted(Comparator.comparing((LocalContest c) -> c.ward().name())
                        .thenComparing(LocalContest::id))
                .forEach(c -> byCouncilAndDay
                        .computeIfAbsent(councilDay(c.council(), c.ballot().date()), k -> new ArrayList<>())
                        .add(c));
        byCouncilAndDay.replaceAll((k, v) -> List.copyOf(v));
        List<LocalDate> days = byId.values().stream()
                .map(c -> c.ballot().date())
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        return new Snapshot(Map.copyOf(byId), Map.copyOf(byWard), Map.copyOf(byCouncilAndDay), days);
    }

    private static String councilDay(Council council, LocalDate day) {
        return council.onsCode() + "|" + day;
    }

    private static final Comparator<LocalContest> NEWEST_FIRST = Comparator.comparing(
                    (LocalContest c) -> c.ballot().date())
            .reversed()
            .thenComparing(LocalContest::id);

    public List<LocalContest> contests() {
        return snapshot.contests().values().stream().sorted(NEWEST_FIRST).toList();
    }

    public int size() {
        return snapshot.contests().size();
    }

    /** The contest with this ballot id ({@code local.kent.birchington-rural.2025-05-01}). */
    public Optional<LocalContest> contest(String ballotId) {
        return Optional.ofNullable(snapshot.contests().get(ballotId));
    }

    /** Every contest on this ward ONS code, newest first (more than one ward where a source repeated a code). */
    public List<LocalContest> contestsOn(String wardCode) {
        return snapshot.byWardCode().getOrDefault(wardCode, List.of());
    }

    /** The newest contest in this ward. */
    public Optional<LocalContest> latest(Ward ward) {
        return contestsOn(ward.onsCode()).stream()
                .filter(c -> c.ward().equals(ward))
                .findFirst();
    }

    /** Every contest in this ward, newest first. */
    public List<LocalContest> contestsIn(Ward ward) {
        return contestsOn(ward.onsCode()).stream()
                .filter(c ->
                        c.ward().onsCode().equals(ward.onsCode()) && c.council().equals(ward.council()))
                .toList();
    }

    /**
     * The last contest before this one on the same ward ONS code in the same council: the result it is compared
     * with. Empty when the ward has no earlier result on file (a new ward, or one last fought before the data starts).
     */
    public Optional<LocalContest> previous(LocalContest contest) {
        return contestsIn(contest.ward()).stream()
                .filter(c -> c.ballot().date().isBefore(contest.ballot().date()))
                .findFirst();
    }

    /** Councils by ONS code, whether or not they have results on file. */
    public Optional<Council> council(String onsCode) {
        return Optional.ofNullable(councils.get(onsCode));
    }

    public List<Council> councils() {
        return councils.values().stream()
                .sorted(Comparator.comparing(Council::name))
                .toList();
    }

    /** Every ward with a result on file: one per ONS code and name, the newest contest's spelling first. */
    public List<Ward> wards() {
        return contests().stream().map(LocalContest::ward).distinct().toList();
    }

    /** A council's contests on a polling day, by ward name. */
    public List<LocalContest> contestsOf(Council council, LocalDate date) {
        return snapshot.byCouncilAndDay().getOrDefault(councilDay(council, date), List.of()).stream()
                .filter(c -> c.council().equals(council))
                .toList();
    }

    /** Polling days with contests on file, newest first. */
    public List<LocalDate> pollingDays() {
        return snapshot.pollingDays();
    }

    /** The councils with contests on a polling day, by name. */
    public List<Council> councilsVotingOn(LocalDate date) {
        return snapshot.contests().values().stream()
                .filter(c -> c.ballot().date().equals(date) && !c.ballot().byElection())
                .map(LocalContest::council)
                .distinct()
                .sorted(Comparator.comparing(Council::name))
                .toList();
    }

    /** The make-up Open Council Data published for a year. */
    public Optional<CouncilComposition> composition(Council council, int year) {
        return Optional.ofNullable(
                compositions.getOrDefault(council.onsCode(), Map.of()).get(year));
    }

    /** The make-up going into an election on this date: Open Council Data's figure for the year before. */
    public Optional<CouncilComposition> compositionBefore(Council council, LocalDate date) {
        return composition(council, date.getYear() - 1);
    }

    /** The councillors sitting now (Open Council Data UK's 2025 roster), in roster order. */
    public List<Councillor> councillors(Council council) {
        return councillors.getOrDefault(council.onsCode(), List.of());
    }

    /**
     * The councillors sitting for this ward: the roster names wards without codes, so they are matched by name,
     * ignoring case, "&" against "and", and punctuation.
     */
    public List<Councillor> councillorsIn(Ward ward) {
        String wanted = BallotId.slug(ward.name().replace("&", "and"));
        return councillors(ward.council()).stream()
                .filter(c -> BallotId.slug(c.wardName().replace("&", "and")).equals(wanted))
                .toList();
    }

    /** How many wards (ONS code and name) {@link #put} has brought that had no contest before: a lookup rebuilds. */
    public int wardsAdded() {
        return wardsAdded;
    }

    /** Adds or replaces a contest (a declaration or its correction). */
    public synchronized void put(LocalContest contest) {
        if (!latest(contest.ward()).isPresent()) {
            wardsAdded++;
        }
        Map<String, LocalContest> contests = new LinkedHashMap<>(snapshot.contests());
        contests.put(contest.id(), contest);
        snapshot = snapshotOf(contests);
    }

    /** A separate archive as this one stood before a polling day: that day's contests removed (for a rehearsal). */
    public LocalArchive without(LocalDate pollingDay) {
        List<LocalContest> kept = snapshot.contests().values().stream()
                .filter(c -> !c.ballot().date().equals(pollingDay))
                .toList();
        List<Councillor> sitting =
                councillors.values().stream().flatMap(List::stream).toList();
        return new LocalArchive(councils.values(), kept, compositions, sitting);
    }
}
