package org.resultsdesk.core.cards;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a result card shows, every figure already formatted as the house style writes it, so a test can check the
 * card without looking at pixels and the drawing only lays it out. Bars are in descending order of votes; each
 * carries its party's label, so colour is never the only way to tell them apart.
 */
public record ResultCard(
        String contestId,
        String seat,
        String election,
        String verdict,
        String verdictColour,
        List<Bar> bars,
        String winnerLine,
        Optional<String> swing,
        String turnout,
        List<String> notes,
        String credit) {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;
    public static final String CREDIT =
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0";

    /** Which way a party's share moved against the comparison result. */
    public enum Direction {
        UP,
        DOWN,
        SAME,
        NEW,
        NONE
    }

    /**
     * One candidate: {@code label} "LAB", {@code party} "Labour", {@code share} the unrounded percentage the bar's
     * length follows, {@code change} "+11.5" / "-21.3" / "new" / "" beside its {@code direction}.
     */
    public record Bar(
            String label,
            String party,
            String candidate,
            String votes,
            double share,
            String shareText,
            String change,
            Direction direction,
            String colour) {
        public Bar {
            Objects.requireNonNull(label);
            Objects.requireNonNull(party);
            Objects.requireNonNull(candidate);
            Objects.requireNonNull(votes);
            Objects.requireNonNull(shareText);
            Objects.requireNonNull(change);
            Objects.requireNonNull(direction);
            Objects.requireNonNull(colour);
        }
    }

    public ResultCard {
        Objects.requireNonNull(contestId);
        Objects.requireNonNull(seat);
        Objects.requireNonNull(election);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(verdictColour);
        bars = List.copyOf(bars);
        Objects.requireNonNull(winnerLine);
        Objects.requireNonNull(swing);
        Objects.requireNonNull(turnout);
        notes = List.copyOf(notes);
        Objects.requireNonNull(credit);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a result card needs at least one bar");
        }
    }

    /** A file name for uploads: "kingswood-2024-02-15.png". */
    public String fileName() {
        return Cards.slug(seat + " " + election) + ".png";
    }
}
