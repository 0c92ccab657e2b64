package org.resultsdesk;

import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.feeds.BundledResults;

/** The bundled real results, loaded once for the whole test run. */
public final class TestData {
    private static final BundledResults.Loaded LOADED = BundledResults.read();

    private TestData() {}

    public static BundledResults.Loaded loaded() {
        return LOADED;
    }

    public static ResultsArchive archive() {
        return LOADED.archive();
    }

    /** A private copy of the archive, for tests that add declarations to it. */
    public static ResultsArchive freshArchive() {
        return archive().without("");
    }

    public static Contest contest(String electionId, String gss) {
        return archive()
                .contest(electionId + "/" + gss)
                .orElseThrow(() -> new AssertionError("no contest " + electionId + "/" + gss));
    }

    public static ResultFigures figures(String electionId, String gss) {
        Contest contest = contest(electionId, gss);
        return new ResultCalculator().calculate(contest, archive().comparisonFor(contest));
    }

    /** {@code contest} as a recount might leave it: {@code votes} moved from party {@code from} to party {@code to}. */
    public static Contest withVotesMoved(Contest contest, String from, String to, int votes) {
        return new Contest(
                contest.election(),
                contest.seat(),
                contest.electorate(),
                contest.validVotes(),
                contest.invalidVotes(),
                contest.declaredAt(),
                contest.candidates().stream()
                        .map(c -> c.party().code().equals(from)
                                ? new Candidacy(c.givenName(), c.familyName(), c.party(), c.votes() - votes)
                                : c.party().code().equals(to)
                                        ? new Candidacy(c.givenName(), c.familyName(), c.party(), c.votes() + votes)
                                        : c)
                        .toList());
    }
}
