package org.resultsdesk.core.calc;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.CouncilControl;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalContest;

/**
 * A council's declaration on a polling day: seats won by party in the wards up, the make-up before (Open Council
 * Data UK, the year before) and after, and control. When every seat was up the make-up after is the results' own
 * sum; when only some were (a third, a half) it is Open Council Data's figure for that year, and {@code after}'s
 * source says so.
 */
public record CouncilResult(
        Council council,
        LocalDate day,
        List<LocalContest> contests,
        Map<String, Integer> seatsWon,
        int seatsUp,
        Optional<CouncilComposition> before,
        Optional<CouncilComposition> after) {

    public CouncilResult {
        Objects.requireNonNull(council, "council");
        Objects.requireNonNull(day, "day");
        contests = List.copyOf(contests);
        seatsWon = Map.copyOf(seatsWon);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The council's result on a day from what the archive holds; empty contests when it did not vote then. */
    public static CouncilResult of(LocalArchive archive, Council council, LocalDate day) {
        List<LocalContest> contests = archive.contestsOf(council, day).stream()
                .filter(c -> !c.ballot().byElection())
                .toList();
        Map<String, Integer> won = new LinkedHashMap<>();
        contests.forEach(c -> c.seatsByParty().forEach((p, n) -> won.merge(p, n, Integer::sum)));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        won.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        int up = contests.stream().mapToInt(LocalContest::seats).sum();
        Optional<CouncilComposition> before = archive.compositionBefore(council, day);
        Optional<CouncilComposition> published = archive.composition(council, day.getYear());
        int total =
                published.or(() -> before).map(CouncilComposition::totalSeats).orElse(up);
        Optional<CouncilComposition> after = up > 0 && up == total
                ? Optional.of(new CouncilComposition(council, up, ordered, "results, " + day))
                : published.or(
                        () -> up > 0 ? afterSomeSeats(archive, council, day, before, ordered) : Optional.empty());
        return new CouncilResult(council, day, contests, ordered, up, before, after);
    }

    /**
     * For a council electing by thirds or halves on a night with no published make-up after: the make-up before, less
     * the seats whose councillors' terms end that day (Open Council Data's roster), plus the seats won. Empty when the
     * roster names nobody up that day, or everybody (an all-out election), or not all the seats up are in yet, or the
     * sum cannot be right (a party left with fewer than no seats).
     */
    private static Optional<CouncilComposition> afterSomeSeats(
            LocalArchive archive,
            Council council,
            LocalDate day,
            Optional<CouncilComposition> before,
            Map<String, Integer> won) {
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> outgoing = new LinkedHashMap<>();
        List<org.resultsdesk.core.model.Councillor> roster = archive.councillors(council);
        roster.stream()
                .filter(c -> c.nextElection().filter(day::equals).isPresent())
                .forEach(c -> outgoing.merge(c.party().code(), 1, Integer::sum));
        int up = outgoing.values().stream().mapToInt(Integer::intValue).sum();
        int in = won.values().stream().mapToInt(Integer::intValue).sum();
        // Everyone up is an all-out election, whose make-up after is its results once all are in; until the seats up
        // are all in, the make-up after is not known yet.
        if (up == 0 || up == roster.size() || in < up) {
            return Optional.empty();
        }
        Map<String, Integer> seats = new LinkedHashMap<>(folded(before.get().seatsByParty()));
        folded(outgoing).forEach((party, n) -> seats.merge(party, -n, Integer::sum));
        folded(won).forEach((party, n) -> seats.merge(party, n, Integer::sum));
        if (seats.values().stream().anyMatch(n -> n < 0)) {
            return Optional.empty();
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        seats.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Optional.of(new CouncilComposition(
                council,
                before.get().totalSeats(),
                ordered,
                before.get().source() + ", less the seats up (its roster), plus the results"));
    }

    /** Whether every seat was up, so the make-up after is the results' own sum. */
    public boolean allOut() {
        return after.map(a -> a.source().startsWith("results")).orElse(false);
    }

    /** The parties Open Council Data counts by name; it counts every other party and independent as others. */
    public static final java.util.Set<String> NAMED_BY_OPEN_COUNCIL_DATA =
            java.util.Set.of("Con", "Lab", "LD", "Green", "UKIP", "RUK", "PC", "SNP");

    /** Seats by party with the parties Open Council Data does not name folded into others, so the two compare. */
    public static Map<String, Integer> folded(Map<String, Integer> seats) {
        Map<String, Integer> folded = new LinkedHashMap<>();
        seats.forEach((p, n) -> folded.merge(
                NAMED_BY_OPEN_COUNCIL_DATA.contains(p) ? p : org.resultsdesk.core.model.Party.OTHERS_CODE,
                n,
                Integer::sum));
        return folded;
    }

    /**
     * Seats after minus seats before, by party (others folded as Open Council Data counts them), when both are
     * known; the parties after first, then any that won none.
     */
    public Map<String, Integer> change() {
        Map<String, Integer> change = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty()) {
            return change;
        }
        Map<String, Integer> was = folded(before.get().seatsByParty());
        folded(after.get().seatsByParty()).forEach((p, n) -> change.put(p, n - was.getOrDefault(p, 0)));
        was.forEach((p, n) -> change.putIfAbsent(p, -n));
        return change;
    }

    public Optional<CouncilControl> controlBefore() {
        return before.map(CouncilComposition::control);
    }

    public Optional<CouncilControl> controlAfter() {
        return after.map(CouncilComposition::control);
    }

    /** Whether control changed hands (a majority won, lost or passed); empty when either side is unknown. */
    public Optional<Boolean> controlChanged() {
        return controlBefore().flatMap(b -> controlAfter().map(a -> !a.equals(b)));
    }
}
