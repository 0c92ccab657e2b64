package org.resultsdesk.core.night;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Seat;

/**
 * One seat contested tonight: when it is expected, who holds it going in, and its result once declared.
 * {@code expected} is empty when neither the declaration-times file nor the previous general election gives a time.
 */
public record NightSeat(Seat seat, Optional<Expected> expected, Holder holder, Optional<Contest> declared) {

    public NightSeat {
        Objects.requireNonNull(seat);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(holder);
        Objects.requireNonNull(declared);
    }

    /** An expected time and where it came from: the file, or the time at a named earlier election ("2019"). */
    public record Expected(Instant at, Optional<String> asAt) {
        public Expected {
            Objects.requireNonNull(at);
            Objects.requireNonNull(asAt);
        }
    }

    /** The party holding the seat going in, its majority there, and the result that says so ("2024"). */
    public record Holder(Party party, OptionalInt majority, String asAt) {
        public Holder {
            Objects.requireNonNull(party);
            Objects.requireNonNull(majority);
            Objects.requireNonNull(asAt);
        }
    }
}
