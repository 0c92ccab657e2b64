package org.resultsdesk.core.cards;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The night's board for a general election as it stands: seats declared of the House, seats by party against the
 * majority line, gains and losses, national share and its change, and each party's seats through the night.
 */
public record BoardCard(
        String electionId,
        String title,
        int declared,
        int houseSeats,
        int majorityLine,
        List<PartyRow> parties,
        String comparisonLabel,
        List<Timeline> timelines,
        String credit) {

    /** One party's line; {@code share} "33.7%", {@code change} "+1.6", "new" or "". */
    public record PartyRow(
            String label, String name, String colour, int seats, int gains, int losses, String share, String change) {
        public PartyRow {
            Objects.requireNonNull(label);
            Objects.requireNonNull(name);
            Objects.requireNonNull(colour);
            Objects.requireNonNull(share);
            Objects.requireNonNull(change);
        }

        public int net() {
            return gains - losses;
        }
    }

    /** A party's running seat total, one point per declaration it won. */
    public record Timeline(String label, String colour, List<Point> points) {
        public Timeline {
            Objects.requireNonNull(label);
            Objects.requireNonNull(colour);
            points = List.copyOf(points);
        }
    }

    public record Point(Instant at, int seats) {
        public Point {
            Objects.requireNonNull(at);
        }
    }

    public BoardCard {
        Objects.requireNonNull(electionId);
        Objects.requireNonNull(title);
        parties = List.copyOf(parties);
        Objects.requireNonNull(comparisonLabel);
        timelines = List.copyOf(timelines);
        Objects.requireNonNull(credit);
    }

    public String fileName() {
        return Cards.slug(title) + "-board.png";
    }
}
