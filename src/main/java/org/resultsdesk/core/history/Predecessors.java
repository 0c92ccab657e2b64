package org.resultsdesk.core.history;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.seats.DataResource;

/**
 * For each seat of the 2024 boundaries, the seat of the 2010 boundaries most of its people come from, by the Commons
 * Library's population overlaps (bundled as {@code data/seat-predecessors.tsv}). A 2024 seat takes the history of that
 * seat only where it holds more than half of the new seat's people: a seat formed from several, none of them a
 * majority, takes none. Read on first use.
 */
public final class Predecessors {
    static final String RESOURCE = "/data/seat-predecessors.tsv";
    /** More than this share of the new seat's people must come from the old seat. */
    static final BigDecimal MOST = new BigDecimal("0.5");
    /** At or above this share both ways, the old seat and the new are the same seat to a reader. */
    static final BigDecimal WHOLE = new BigDecimal("0.99");

    /** The old seat, the share of the new seat's people from it, and the share of its people now in the new seat. */
    public record Predecessor(String gss, BigDecimal shareOfNew, BigDecimal shareOfOld) {
        /** Whether the new seat is the old one, give or take a street or two (else "on its old boundaries"). */
        public boolean whole() {
            return shareOfNew.compareTo(WHOLE) >= 0 && shareOfOld.compareTo(WHOLE) >= 0;
        }
    }

    private static volatile Predecessors bundled;
    private final Map<String, Predecessor> byNewGss;

    public Predecessors(Map<String, Predecessor> byNewGss) {
        this.byNewGss = Map.copyOf(byNewGss);
    }

    public static Predecessors bundled() {
        Predecessors p = bundled;
        if (p == null) {
            Map<String, Predecessor> map = new HashMap<>();
            DataResource.rows(RESOURCE)
                    .forEach(f -> map.put(f[0], new Predecessor(f[1], new BigDecimal(f[2]), new BigDecimal(f[3]))));
            p = new Predecessors(map);
            bundled = p;
        }
        return p;
    }

    /** True for a seat of the 2024 boundaries. */
    public boolean isNewSeat(String gss) {
        return byNewGss.containsKey(gss);
    }

    /** The predecessor whose history the seat takes, if one holds most of its people. */
    public Optional<Predecessor> of(String newGss) {
        return Optional.ofNullable(byNewGss.get(newGss))
                .filter(p -> p.shareOfNew().compareTo(MOST) > 0);
    }

    /** The largest predecessor whatever its share, for saying why no history is claimed. */
    public Optional<Predecessor> largest(String newGss) {
        return Optional.ofNullable(byNewGss.get(newGss));
    }
}
