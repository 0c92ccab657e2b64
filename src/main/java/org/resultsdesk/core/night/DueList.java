package org.resultsdesk.core.night;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What is due: the seats not yet declared whose expected time falls before {@code now + window}, soonest first;
 * those whose time has already passed are overdue. Seats with no expected time are only counted.
 */
public record DueList(List<Entry> due, List<Entry> overdue, int withoutTime, int declared) {

    public record Entry(NightSeat seat, boolean watched) {
        public Instant expectedAt() {
            return seat.expected().orElseThrow().at();
        }
    }

    public DueList {
        due = List.copyOf(due);
        overdue = List.copyOf(overdue);
    }

    public static DueList of(List<NightSeat> seats, Instant now, Duration window, Set<String> watchedGss) {
        Instant until = now.plus(window);
        List<Entry> waiting = seats.stream()
                .filter(s -> s.declared().isEmpty() && s.expected().isPresent())
                .map(s -> new Entry(s, watchedGss.contains(s.seat().gss())))
                .sorted(Comparator.comparing(Entry::expectedAt)
                        .thenComparing(e -> e.seat().seat().name()))
                .toList();
        return new DueList(
                waiting.stream()
                        .filter(e ->
                                !e.expectedAt().isBefore(now) && e.expectedAt().isBefore(until))
                        .toList(),
                waiting.stream().filter(e -> e.expectedAt().isBefore(now)).toList(),
                (int) seats.stream()
                        .filter(s -> s.declared().isEmpty() && s.expected().isEmpty())
                        .count(),
                (int) seats.stream().filter(s -> s.declared().isPresent()).count());
    }
}
