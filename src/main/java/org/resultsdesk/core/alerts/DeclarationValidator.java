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
