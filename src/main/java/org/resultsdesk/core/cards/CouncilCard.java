package org.resultsdesk.core.cards;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A council's declaration as a picture: seats by party before and after (or won, where the make-up after is not
 * known), the line for a majority, control, and where the figures come from.
 */
public record CouncilCard(
        String title,
        String subtitle,
        String verdict,
        String badge,
        String verdictColour,
        int totalSeats,
        List<Row> rows,
        String sources,
        String credit) {

    /** One party: seats before (when known), seats after or won, and the change "+12", "-3", "0" or "". */
    public record Row(String label, String name, String colour, OptionalInt before, int after, String change) {
        public Row {
            Objects.requireNonNull(label);
            Objects.requireNonNull(name);
            Objects.requireNonNull(colour);
            Objects.requireNonNull(before);
            Objects.requireNonNull(change);
        }
    }

    public CouncilCard {
        Objects.requireNonNull(title);
        Objects.requireNonNull(subtitle);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(badge);
        Objects.requireNonNull(verdictColour);
        rows = List.copyOf(rows);
        Objects.requireNonNull(sources);
        Objects.requireNonNull(credit);
    }

    /** Seats a party needs for a majority of the whole council. */
    public int majorityLine() {
        return totalSeats / 2 + 1;
    }

    public String fileName() {
        return Cards.slug(title + " " + subtitle) + "-council.png";
    }
}
