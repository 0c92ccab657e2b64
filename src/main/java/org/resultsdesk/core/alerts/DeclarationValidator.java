package org.resultsdesk.core.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.ResultsArchive;

/** The checks a declared result, and the file it came in, must pass before anyone is alerted to it. */
final class DeclarationValidator {
    private final ResultsArchive archive;
    private final ResultLimits limits;
    private final Clock clock;

    DeclarationValidator(ResultsArchive archive, ResultLimits limits, Clock clock) {
        this.archive = archive;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Why the whole file must be refused, or empty: one file naming the same contest (seat or ballot) twice is
     * contradictory, whichever copy is right, so neither is used.
     */
    Optional<String> fileProblem(List<FeedMessage> messages) {
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String key = null;
            if (messages.get(i) instanceof FeedMessage.Result r) {
                key = "result for " + r.contest().id() + " ("
                        + r.contest().seat().name() + ")";
            } else if (messages.get(i) instanceof FeedMessage.LocalResult r) {
                key = "result for " + r.contest().id() + " ("
                        + r.contest().ward().label() + ")";
            } else if (messages.get(i) instanceof FeedMessage.Rush r) {
                key = "rush for " + r.election().id() + "/" + r.seat().gss() + " ("
                        + r.seat().name() + ")";
            }
            if (key == null) {
                continue;
            }
            Integer earlier = firstAt.putIfAbsent(key, i + 1);
            if (earlier != null) {
                return Optional.of("the file has the " + key + " twice, as messages " + earlier + " and " + (i + 1)
                        + "; the whole file is refused");
            }
        }
        return Optional.empty();
    }

    /** Why this result cannot be used, or empty if it can. */
    Optional<String> problem(Contest contest) {
        Election election = contest.election();
        if (election.kind() != ElectionKind.GENERAL && election.kind() != ElectionKind.BY_ELECTION) {
            return Optional.of("a " + election.kind() + " result is never declared");
        }
        LocalDate latest = LocalDate.now(clock).plusDays(limits.maxDaysAhead());
        if (election.date().isAfter(latest) || election.date().isBefore(limits.earliestDate())) {
            return Optional.of(
                    "election date " + election.date() + " is outside " + limits.earliestDate() + " to " + latest);
        }
        if (!archive.knowsSeat(contest.seat().gss())) {
            return Optional.of("unknown seat " + contest.seat().gss() + " ("
                    + contest.seat().name() + ")");
        }
        Optional<String> boundaries = notInForce(contest);
        if (boundaries.isPresent()) {
            return boundaries;
        }
        if (contest.candidates().size() > limits.maxCandidates()) {
            return Optional.of(contest.candidates().size() + " candidates, more than " + limits.maxCandidates());
        }
        if (contest.electorate() > limits.maxVotes()) {
            return Optional.of("electorate " + contest.electorate() + " is more than " + limits.maxVotes());
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Candidacy c : contest.candidates()) {
            if (c.votes() > limits.maxVotes()) {
                return Optional.of("votes " + c.votes() + " for one candidate are more than " + limits.maxVotes());
            }
            if (c.displayName().length() > limits.maxNameLength()
                    || c.party().name().length() > limits.maxNameLength()
                    || c.party().code().length() > limits.maxNameLength()) {
                return Optional.of(
                        "a candidate or party name is longer than " + limits.maxNameLength() + " characters");
            }
            if (!seen.add(c.displayName().toLowerCase() + "|" + c.party().code())) {
                return Optional.of("duplicate candidate " + c.displayName() + " ("
                        + c.party().code() + ")");
            }
            total += c.votes();
        }
        if (total != contest.validVotes()) {
            return Optional.of(
                    "candidates' votes add up to " + total + " but the valid vote is " + contest.validVotes());
        }
        if (contest.validVotes() > contest.electorate()) {
            return Optional.of(
                    "valid vote " + contest.validVotes() + " exceeds the electorate " + contest.electorate());
        }
        return Optional.empty();
    }

    /** The most members a ward or division elects at once (a few Scottish wards elect four, but by STV). */
    static final int MAX_LOCAL_SEATS = 3;

    /**
     * Why this local result cannot be used, or empty if it can: a date outside the window, an STV count (not
     * supported yet), seats outside 1 to 3, too many candidates, votes beyond what the ballot papers allow, a
     * duplicate candidate, or a name too long or holding control characters.
     */
    Optional<String> problem(LocalContest contest) {
        LocalDate date = contest.ballot().date();
        LocalDate latest = LocalDate.now(clock).plusDays(limits.maxDaysAhead());
        if (date.isAfter(latest) || date.isBefore(limits.earliestDate())) {
            return Optional.of("election date " + date + " is outside " + limits.earliestDate() + " to " + latest);
        }
        if (!contest.votingSystem().supported()) {
            return Optional.of("a " + contest.votingSystem().description() + " count in "
                    + contest.council().name() + ": STV counts are not supported yet");
        }
        if (contest.seats() > MAX_LOCAL_SEATS) {
            return Optional.of(contest.seats() + " seats contested, more than " + MAX_LOCAL_SEATS);
        }
        if (contest.candidates().size() > limits.maxCandidates()) {
            return Optional.of(contest.candidates().size() + " candidates, more than " + limits.maxCandidates());
        }
        for (String name : List.of(contest.ward().name(), contest.council().name())) {
            Optional<String> bad = badName(name);
            if (bad.isPresent()) {
                return bad;
            }
        }
        int electorate = contest.electorate().orElse(limits.maxVotes());
        if (electorate > limits.maxVotes()) {
            return Optional.of("electorate " + electorate + " is more than " + limits.maxVotes());
        }
        if (contest.ballotPapers().isPresent() && contest.ballotPapers().getAsInt() > electorate) {
            return Optional.of(
                    "ballot papers " + contest.ballotPapers().getAsInt() + " exceed the electorate " + electorate);
        }
        if (contest.turnout().isPresent()
                && (contest.turnout().get().signum() < 0
                        || contest.turnout().get().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            return Optional.of("turnout " + contest.turnout().get() + "% is not a percentage");
        }
        // Each voter gives a candidate at most one vote, and up to one vote a seat in all.
        int papers = contest.ballotPapers().orElse(electorate);
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (LocalCandidacy c : contest.candidates()) {
            if (c.votes() > papers) {
                return Optional.of("votes " + c.votes() + " for " + c.displayName() + " are more than the "
                        + (contest.ballotPapers().isPresent() ? "ballot papers " : "electorate ") + papers);
            }
            Optional<String> bad = badName(c.displayName())
                    .or(() -> badName(c.party().name()))
                    .or(() -> badName(c.party().code()));
            if (bad.isPresent()) {
                return bad;
            }
            if (!seen.add(c.displayName().toLowerCase(java.util.Locale.ROOT) + "|"
                    + c.party().code())) {
                return Optional.of("duplicate candidate " + c.displayName() + " ("
                        + c.party().code() + ")");
            }
            total += c.votes();
        }
        if (total > (long) papers * contest.seats()) {
            return Optional.of("candidates' votes add up to " + total + ", more than " + contest.seats()
                    + " a voter on " + papers + (contest.ballotPapers().isPresent() ? " ballot papers" : " electors"));
        }
        return Optional.empty();
    }

    /** Why a name from the feed cannot be shown: too long, or holding control or invisible format characters. */
    private Optional<String> badName(String name) {
        if (name.length() > limits.maxNameLength()) {
            return Optional.of("a candidate, party, ward or council name is longer than " + limits.maxNameLength()
                    + " characters");
        }
        if (name.codePoints()
                .anyMatch(cp ->
                        Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT)) {
            return Optional.of("a candidate, party, ward or council name holds control characters");
        }
        return Optional.empty();
    }

    /**
     * Why the seat was not on the boundaries in force on the election's date: a general election held after the
     * seat's last contest on or before that date, which did not contest it, means the seat had been abolished. A
     * seat first contested at a later general election did not exist yet (a notional result counts, so a rehearsal
     * of the night the boundaries changed still finds the new seats). An election the bundled data does not know (a future
     * general election) is fine for any seat contested at the latest one.
     */
    private Optional<String> notInForce(Contest contest) {
        LocalDate date = contest.election().date();
        String gss = contest.seat().gss();
        Optional<LocalDate> last = archive.contests().stream()
                .filter(c -> c.seat().gss().equals(gss) && !c.election().date().isAfter(date))
                .map(c -> c.election().date())
                .max(LocalDate::compareTo);
        if (last.isEmpty()) {
            // A seat first fought at a later general election (or its notional) is on later boundaries. One with no
            // general result on file at all (a rehearsal of its night, with only later by-elections) is fine.
            return archive.contests().stream()
                    .filter(c -> c.seat().gss().equals(gss) && c.election().kind() != ElectionKind.BY_ELECTION)
                    .map(c -> c.election().date())
                    .min(LocalDate::compareTo)
                    .map(first -> "seat " + gss + " (" + contest.seat().name() + ") was first contested on " + first
                            + ": not on the boundaries in force on " + date);
        }
        return archive.elections().stream()
                .filter(e -> e.isGeneral() && !e.id().equals(contest.election().id()))
                .filter(e -> e.date().isAfter(last.get()) && !e.date().isAfter(date))
                .findFirst()
                .map(e -> "seat " + gss + " (" + contest.seat().name() + ") was not contested at " + e.id()
                        + ": abolished before " + date);
    }
}
