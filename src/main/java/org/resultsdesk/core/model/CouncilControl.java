package org.resultsdesk.core.model;

import java.util.Map;
import java.util.Objects;

/** Who controls a council: a party with more than half its seats, or no overall control (NOC). */
public sealed interface CouncilControl {
    record Majority(String partyCode) implements CouncilControl {
        public Majority {
            Objects.requireNonNull(partyCode, "partyCode");
        }
    }

    record NoOverallControl() implements CouncilControl {}

    /** Control from seats by party code out of {@code totalSeats} (vacancies count towards the total). */
    static CouncilControl of(Map<String, Integer> seatsByParty, int totalSeats) {
        return seatsByParty.entrySet().stream()
                .filter(e -> e.getValue() * 2 > totalSeats)
                .filter(e ->
                        !e.getKey().equals(Party.OTHERS_CODE) && !e.getKey().equals("Ind"))
                .<CouncilControl>map(e -> new Majority(e.getKey()))
                .findFirst()
                .orElse(new NoOverallControl());
    }
}
