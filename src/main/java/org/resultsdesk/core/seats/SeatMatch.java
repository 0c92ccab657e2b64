package org.resultsdesk.core.seats;
import java.util.List;
import org.resultsdesk.core.model.Seat;
public sealed interface SeatMatch {
    record Found(String name, List<Seat> seats) implements SeatMatch {}
    record Ambiguous(List<String> names) implements SeatMatch {}
    record Suggestions(List<String> names) implements SeatMatch {}
    record NotFound() implements SeatMatch {}
}
