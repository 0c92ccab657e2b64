package org.resultsdesk.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A council's seats by party at a point: from Open Council Data UK for the make-up before an election ({@code
 * source} "Open Council Data UK, 2024"), or summed from the results after it. Party codes are the canonical ones
 * (Con, Lab, LD, Green, RUK, UKIP, PC, SNP; {@link Party#OTHERS_CODE} for every other party and independent the
 * source does not name). Seats not listed (vacancies) make up the difference to {@code totalSeats}.
 */
public record CouncilComposition(Council council, int totalSeats, Map<String, Integer> seatsByParty, String source) {
    public CouncilComposition {
        Objects.requireNonNull(council, "council");
        Objects.requireNonNull(source, "source");
        seatsByParty = orderedBySeats(seatsByParty);
        int filled = seatsByParty.values().stream().mapToInt(Integer::intValue).sum();
        if (totalSeats <= 0 || filled > totalSeats) {
            throw new IllegalArgumentException(
                    council.name() + ": " + filled + " seats by party for a council of " + totalSeats);
        }
        if (seatsByParty.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException(council.name() + ": negative seats");
        }
    }

    public int seats(String partyCode) {
        return seatsByParty.getOrDefault(partyCode, 0);
    }

    public CouncilControl control() {
        return CouncilControl.of(seatsByParty, totalSeats);
    }

    /** Seats needed for a majority: more than half. */
    public int majorityLine() {
        return totalSeats / 2 + 1;
    }

    private static Map<String, Integer> orderedBySeats(Map<String, Integer> seats) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        seats.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
