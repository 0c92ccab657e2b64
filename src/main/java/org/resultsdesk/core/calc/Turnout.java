package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Turnout on a stated basis. Returning officers and broadcasters count ballot papers (valid plus rejected) over the
 * electorate; the Commons Library often uses valid votes. They differ by up to 0.2 points.
 */
public record Turnout(BigDecimal percent, Basis basis) {
    public enum Basis {
        BALLOT_PAPERS,
        VALID_VOTES
    }

    /** Ballot-paper turnout where rejected ballots are known, valid-vote turnout otherwise. */
    public static Turnout of(int electorate, int validVotes, OptionalInt invalidVotes) {
        if (invalidVotes.isPresent()) {
            return new Turnout(
                    Percent.of((long) validVotes + invalidVotes.getAsInt(), electorate), Basis.BALLOT_PAPERS);
        }
        return new Turnout(Percent.of(validVotes, electorate), Basis.VALID_VOTES);
    }
}
