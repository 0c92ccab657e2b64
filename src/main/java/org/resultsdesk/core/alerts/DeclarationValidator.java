package org.resultsdesk.core.alerts;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;

/** The checks a declared result must pass before anyone is alerted to it. */
final class DeclarationValidator {
    private final ResultsArchive archive;

    DeclarationValidator(ResultsArchive archive) {
        this.archive = archive;
    }

    /** Why this result cannot be used, or empty if it can. */
    Optional<String> problem(Contest contest) {
        if (!archive.knowsSeat(contest.seat().gss())) {
            return Optional.of("unknown seat " + contest.seat().gss() + " (" + contest.seat().name() + ")");
        }
        Set<String> seen = new HashSet<>();
        for (Candidacy c : contest.candidates()) {
            if (!seen.add(c.displayName().toLowerCase() + "|" + c.party().code())) {
                return Optional.of("duplicate candidate " + c.displayName() + " (" + c.party().code() + ")");
            }
        }
        if (contest.totalCandidateVotes() != contest.validVotes()) {
            return Optional.of("candidates' votes add up to " + contest.totalCandidateVotes()
                    + " but the valid vote is " + contest.validVotes());
        }
        if (contest.validVotes() > contest.electorate()) {
            return Optional.of("valid vote " + contest.validVotes() + " exceeds the electorate " + contest.electorate());
        }
        return Optional.empty();
    }
}
