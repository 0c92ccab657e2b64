package org.resultsdesk.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every contest the bot knows, with the comparison each is measured against. Built at start-up from the bundled
 * data; declarations from feeds replace or add contests while it runs. Reads see an immutable snapshot.
 */
public final class ResultsArchive {
    private record Snapshot(Map<String, Contest> contests, Map<String, Comparison> comparisons) {}

    private final Set<Seat> seats = new LinkedHashSet<>();
    private volatile Snapshot snapshot;

    public ResultsArchive(List<Contest> contests, Map<String, Comparison> comparisonsByContestId) {
        this(contests, comparisonsByContestId, List.of());
    }

    /** With seats known beyond those that have contests here (a rehearsal starts before its election's results). */
    public ResultsArchive(
            List<Contest> contests, Map<String, Comparison> comparisonsByContestId, Collection<Seat> knownSeats) {
        Map<String, Contest> byId = new LinkedHashMap<>();
        contests.forEach(c -> byId.put(c.id(), c));
        this.snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(comparisonsByContestId));
        // Newest first, so a directory that keeps the first name it meets shows today's spelling.
        contests.stream()
                .sorted(Comparator.comparing((Contest c) -> c.election().date()).reversed())
                .forEach(c -> seats.add(c.seat()));
        seats.addAll(knownSeats);
    }

    public List<Contest> contests() {
        return List.copyOf(snapshot.contests().values());
    }

    public Optional<Contest> contest(String contestId) {
        return Optional.ofNullable(snapshot.contests().get(contestId));
    }

    /** Contests held in any of these seats (GSS codes), newest first. */
    public List<Contest> contestsIn(List<Seat> seats) {
        List<String> codes = seats.stream().map(Seat::gss).toList();
        return snapshot.contests().values().stream()
                .filter(c -> c.election().kind() != ElectionKind.NOTIONAL)
                .filter(c -> codes.contains(c.seat().gss()))
                .sorted(Comparator.comparing((Contest c) -> c.election().date()).reversed())
                .toList();
    }

    public List<Contest> contestsOf(String electionId) {
        return snapshot.contests().values().stream()
                .filter(c -> c.election().id().equals(electionId))
                .toList();
    }

    /** Declared elections (general and by-elections), newest first. */
    public List<Election> elections() {
        return snapshot.contests().values().stream()
                .map(Contest::election)
                .filter(e -> e.kind() != ElectionKind.NOTIONAL)
                .distinct()
                .sorted(Comparator.comparing(Election::date).reversed())
                .toList();
    }

    /** Every seat on every boundary set, for the seat directory. */
    public synchronized List<Seat> seats() {
        return List.copyOf(seats);
    }

    public synchronized boolean knowsSeat(String gss) {
        return seats.stream().anyMatch(s -> s.gss().equals(gss));
    }

    public Optional<Comparison> comparisonFor(Contest contest) {
        return Optional.ofNullable(snapshot.comparisons().get(contest.id()));
    }

    /** The comparison held for a contest id, whether or not the contest has declared ("parl.2019-12-12/W07000049"). */
    public Optional<Comparison> comparisonFor(String contestId) {
        return Optional.ofNullable(snapshot.comparisons().get(contestId));
    }

    /** Adds or replaces a contest (a declaration or its correction), keeping its comparison. */
    public synchronized void put(Contest contest, Optional<Comparison> comparison) {
        Map<String, Contest> contests = new LinkedHashMap<>(snapshot.contests());
        contests.put(contest.id(), contest);
        Map<String, Comparison> comparisons = new LinkedHashMap<>(snapshot.comparisons());
        comparison.ifPresentOrElse(c -> comparisons.put(contest.id(), c), () -> comparisons.remove(contest.id()));
        snapshot = new Snapshot(Map.copyOf(contests), Map.copyOf(comparisons));
        seats.add(contest.seat());
    }

    /**
     * A separate archive as this one stood before an election's results: its contests removed, every comparison and
     * seat kept (a rehearsal declares them afresh). With no such election, a plain copy.
     */
    public ResultsArchive without(String electionId) {
        Snapshot now = snapshot;
        List<Contest> kept = now.contests().values().stream()
                .filter(c -> !c.election().id().equals(electionId))
                .toList();
        return new ResultsArchive(kept, now.comparisons(), seats());
    }

    public int size() {
        return snapshot.contests().size();
    }
}
