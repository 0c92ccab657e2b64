package org.resultsdesk.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared result as the house style states it, with every figure already rounded and formatted, so that each
 * platform only lays it out: Telegram as HTML, Slack as Block Kit, the console as plain text.
 *
 * <pre>
 * headline   Kingswood by-election, 15 Feb 2024
 * verdict    Labour GAIN from Conservative
 * winnerLine Damien Egan (Lab) elected, majority 2,501 (10.1%)
 * rows       LAB  Damien Egan  11,176  44.9%  +11.5
 * swing      Swing 16.4% Con to Lab
 * turnout    Turnout 37.1% (2019: 71.7%)
 * notes      Overturns a Conservative majority of 11,220 (2019)
 * </pre>
 */
public record Announcement(
        String contestId,
        String headline,
        String verdict,
        Outcome outcome,
        String winnerLine,
        List<Row> rows,
        Optional<String> swing,
        String turnout,
        List<String> notes) {

    public enum Outcome {
        GAIN,
        HOLD,
        WIN
    }

    /** One candidate line; {@code change} is "+11.5", "-3.5", "new", or empty when there is no comparison. */
    public record Row(String partyLabel, String candidate, String votes, String share, String change) {
        public Row {
            Objects.requireNonNull(partyLabel);
            Objects.requireNonNull(candidate);
            Objects.requireNonNull(votes);
            Objects.requireNonNull(share);
            Objects.requireNonNull(change);
        }
    }

    public Announcement {
        Objects.requireNonNull(contestId);
        Objects.requireNonNull(headline);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(winnerLine);
        rows = List.copyOf(rows);
        Objects.requireNonNull(swing);
        Objects.requireNonNull(turnout);
        notes = List.copyOf(notes);
    }

    /** "Swing 16.4% Con to Lab. Turnout 37.1% (2019: 71.7%)", or the turnout alone. */
    public String swingAndTurnout() {
        return swing.map(s -> s + ". " + turnout).orElse(turnout);
    }
}
