package org.resultsdesk.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The declared result of one local ballot: a ward (or division) electing {@code seats} members, every candidate with
 * votes and an elected flag. Candidates are kept in descending order of votes (the source order among equals).
 * {@code electorate}, {@code ballotPapers} (valid and rejected papers) and {@code turnout} (a percentage as the
 * source published it) are absent where the source does not give them; {@code declaredAt} where it has no time.
 * {@code turnoutFromVotes} marks a turnout the source did not publish, worked out here from the votes cast over the
 * electorate, which the copy then says.
 *
 * <p>In a multi-member ward each voter has up to {@code seats} votes, so {@link #totalVotes()} exceeds the number of
 * voters; shares there need a stated method (see {@code core.calc.MultiMemberMethod}).
 */
public record LocalContest(
        BallotId ballot,
        Ward ward,
        int seats,
        OptionalInt electorate,
        OptionalInt ballotPapers,
        Optional<BigDecimal> turnout,
        Optional<Instant> declaredAt,
        List<LocalCandidacy> candidates,
        boolean turnoutFromVotes) {

    /** A contest whose turnout, if any, is as the source published it. */
    public LocalContest(
            BallotId ballot,
            Ward ward,
            int seats,
            OptionalInt electorate,
            OptionalInt ballotPapers,
            Optional<BigDecimal> turnout,
            Optional<Instant> declaredAt,
            List<LocalCandidacy> candidates) {
        this(ballot, ward, seats, electorate, ballotPapers, turnout, declaredAt, candidates, false);
    }

    public LocalContest {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(ward, "ward");
        Objects.requireNonNull(electorate, "electorate");
        Objects.requireNonNull(ballotPapers, "ballotPapers");
        Objects.requireNonNull(turnout, "turnout");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (seats < 1 || seats > 9) {
            throw new IllegalArgumentException(ward.label() + ": seats contested must be 1 to 9, not " + seats);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(ward.label() + ": a contest needs at least one candidate");
        }
        long elected = candidates.stream().filter(LocalCandidacy::elected).count();
        if (elected != seats) {
            throw new IllegalArgumentException(
                    ward.label() + ": " + elected + " elected for " + seats + " seat" + (seats == 1 ? "" : "s"));
        }
        if (electorate.isPresent() && electorate.getAsInt() <= 0) {
            throw new IllegalArgumentException(ward.label() + ": electorate must be positive");
        }
        candidates = candidates.stream()
                .sorted(Comparator.comparingInt(LocalCandidacy::votes).reversed())
                .toList();
    }

    /** The ballot id, which is also the contest's id. */
    public String id() {
        return ballot.toString();
    }

    public Council council() {
        return ward.council();
    }

    public VotingSystem votingSystem() {
        return VotingSystem.forLocal(ward.council(), ballot.date());
    }

    /** The elected candidates, highest vote first. */
    public List<LocalCandidacy> elected() {
        return candidates.stream().filter(LocalCandidacy::elected).toList();
    }

    /** Votes for all candidates together (in a multi-member ward, more than the number of voters). */
    public int totalVotes() {
        return candidates.stream().mapToInt(LocalCandidacy::votes).sum();
    }

    /**
     * Seats won by party code, most seats first, ties by the party's best-placed winner: the "Lab 2, Con 1" tally.
     */
    public Map<String, Integer> seatsByParty() {
        Map<String, Integer> tally = new LinkedHashMap<>();
        elected().forEach(c -> tally.merge(c.party().code(), 1, Integer::sum));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        tally.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Whether nobody else stood: as many candidates as seats. */
    public boolean uncontested() {
        return candidates.size() == seats;
    }
}
