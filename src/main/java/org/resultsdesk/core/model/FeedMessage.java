package org.resultsdesk.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one feed file says, in core terms. A file may carry several messages (a HoC "Election manager" pair covers
 * every seat). Revisions are per contest and increase with each correction or recount.
 */
public sealed interface FeedMessage {

    /**
     * A declared result with full figures. A source that numbers no revisions (the Election manager CSV) gives
     * {@link #UNNUMBERED}: the ingest then treats changed figures as the next revision and unchanged ones as a repeat.
     */
    record Result(Contest contest, int revision) implements FeedMessage {
        public static final int UNNUMBERED = 0;

        public Result {
            Objects.requireNonNull(contest);
            if (revision < 0) {
                throw new IllegalArgumentException("revision must not be negative");
            }
        }
    }

    /** The winner is known; the figures follow ("X wins Y, full result to follow"). */
    record Rush(
            Election election, Seat seat, Party winner, Optional<Party> previousWinner, String winnerName, int revision)
            implements FeedMessage {
        public Rush {
            Objects.requireNonNull(election);
            Objects.requireNonNull(seat);
            Objects.requireNonNull(winner);
            Objects.requireNonNull(previousWinner);
            winnerName = winnerName == null ? "" : winnerName;
        }
    }

    /**
     * A declared local result: a ward or division of a council, at a scheduled election or a council by-election
     * (Democracy Club's CSV or API, the Library's handbook layout, PA's local XML). Revisions as for {@link Result};
     * {@link Result#UNNUMBERED} where the source numbers none.
     */
    record LocalResult(LocalContest contest, int revision) implements FeedMessage {
        public LocalResult {
            Objects.requireNonNull(contest);
            if (revision < 0) {
                throw new IllegalArgumentException("revision must not be negative");
            }
        }
    }

    /** A running national total (PA's state of parties); informational, never alerted. */
    record StateOfParties(String electionName, LocalDate date, int declared, int total, List<PartyTally> parties)
            implements FeedMessage {
        public StateOfParties {
            parties = List.copyOf(parties);
        }
    }

    /** One party's line in a state-of-parties message. */
    record PartyTally(Party party, int seats, int gains, int losses, long votes) {}

    /**
     * A council's result as a council-level feed gives it (PA's local results): the seats won tonight and the change
     * by party, and the whole council after, by canonical party code; {@code proportion} is "all", "half" or "third".
     * Informational for now: the wards' results carry the alerts.
     */
    record CouncilTally(
            Council council,
            LocalDate date,
            String proportion,
            java.util.Map<String, Integer> seatsWon,
            java.util.Map<String, Integer> changes,
            java.util.Map<String, Integer> after,
            int revision)
            implements FeedMessage {
        public CouncilTally {
            Objects.requireNonNull(council, "council");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(proportion, "proportion");
            seatsWon = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seatsWon));
            changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
            after = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
            if (revision < 1) {
                throw new IllegalArgumentException("revision must be at least 1");
            }
        }
    }

    /** A message the bot has no use for yet (nominations, candidates only); kept so the log can say what came in. */
    record Ignored(String what) implements FeedMessage {}
}
