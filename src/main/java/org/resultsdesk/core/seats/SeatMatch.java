package org.resultsdesk.core.seats;

import java.util.List;
import java.util.Objects;
import org.resultsdesk.core.model.Seat;

/** What a seat query came to. */
public sealed interface SeatMatch {

    /** One seat name, with every GSS code that goes by it (a seat under old and new boundaries), newest first. */
    record Found(String name, List<Seat> seats) implements SeatMatch {
        public Found {
            Objects.requireNonNull(name, "name");
            seats = List.copyOf(seats);
            if (seats.isEmpty()) {
                throw new IllegalArgumentException("a found seat name needs at least one seat: " + name);
            }
        }
    }

    /**
     * Several seats fit ("birmingham"): the best {@code names} to choose from, and how many fit in all, which may be
     * more than are listed.
     */
    record Ambiguous(List<String> names, int total) implements SeatMatch {
        public Ambiguous {
            names = List.copyOf(names);
            if (names.size() < 2 || total < names.size()) {
                throw new IllegalArgumentException(
                        "ambiguous needs two or more names and total >= listed: " + names + ", " + total);
            }
        }

        public Ambiguous(List<String> names) {
            this(names, names.size());
        }
    }

    /** Nothing fits exactly, but these names are close (a typo: "kingswod"), best first. */
    record Suggestions(List<String> names) implements SeatMatch {
        public Suggestions {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("suggestions need at least one name");
            }
        }
    }

    record NotFound() implements SeatMatch {}
}
