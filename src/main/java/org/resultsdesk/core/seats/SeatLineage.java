package org.resultsdesk.core.seats;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which 2024 seat succeeded each seat of the 2010 boundaries: the one holding the largest share of the old seat's
 * population, from mySociety's population overlaps (bundled as {@code data/seat-successors.tsv}; see
 * scripts/seat_successors.py). A seat whose name lives on (Ynys Môn) is the same seat to a reader; one whose name
 * went (Brighton, Kemptown) was abolished, and its successor is where most of its people now vote.
 */
public final class SeatLineage {
    static final String RESOURCE = "/data/seat-successors.tsv";
    public static final SeatLineage NONE = new SeatLineage(Map.of());
    private static volatile SeatLineage bundled;

    /** The new seat and the share (0 to 1) of the old seat's population living in it. */
    public record Successor(String gss, BigDecimal share) {}

    private final Map<String, Successor> successors;

    public SeatLineage(Map<String, Successor> successorsByOldGss) {
        this.successors = Map.copyOf(successorsByOldGss);
    }

    /** The bundled lineage, read once. */
    public static SeatLineage bundled() {
        SeatLineage lineage = bundled;
        if (lineage == null) {
            lineage = load();
            bundled = lineage;
        }
        return lineage;
    }

    public Optional<Successor> successorOf(String oldGss) {
        return Optional.ofNullable(successors.get(oldGss));
    }

    /** True for a seat of the boundaries the lineage starts from (2010), whether or not its name lives on. */
    public boolean isPredecessor(String gss) {
        return successors.containsKey(gss);
    }

    private static SeatLineage load() {
        Map<String, Successor> map = new HashMap<>();
        DataResource.rows(RESOURCE).forEach(f -> map.put(f[0], new Successor(f[1], new BigDecimal(f[2]))));
        return new SeatLineage(map);
    }
}
