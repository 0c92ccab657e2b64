package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedRejected;

/**
 * One of Democracy Club's council result sets as a local result, in either shape it publishes: the v0.9
 * {@code result_sets} (each candidate under {@code membership}, winners as {@code is_winner}) and the
 * {@code /api/next/results/} one (each candidate's {@code person} and {@code party} beside its votes, winners as
 * {@code elected}). The seats are the winners marked. Nulls are taken as "not given": turnout missing is worked out
 * from the ballot papers, or in a one-seat ward from the votes cast (valid votes plus spoilt papers), over the
 * electorate; without an electorate there is no turnout.
 */
final class DemocracyClubResultSets {
    /** How the turnout of a result was had; the API poller logs the fallback. */
    enum TurnoutBasis {
        PUBLISHED,
        BALLOT_PAPERS,
        SUM_OF_VOTES,
        NONE
    }

    /** A local result and how its turnout was had. */
    record Read(FeedMessage.LocalResult result, TurnoutBasis turnout) {}

    private final LocalFeedResolver resolver;

    DemocracyClubResultSets(LocalFeedResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param wardCode  the post's ONS code where known ("" where not: the ward is then found by the id's slug)
     * @param wardLabel the post's name as Democracy Club gives it ("" where not)
     */
    Read localResult(String id, JsonNode set, String wardCode, String wardLabel) throws FeedRejected {
        BallotId ballot = LocalFeedRows.ballot(id);
        JsonNode results = set.path("candidate_results");
        if (!results.isArray() || results.isEmpty()) {
            throw new FeedRejected(id + ": no candidate results");
        }
        Council council = resolver.council(id, ballot.organisation(), "");
        Ward ward =
                resolver.ward(id, council, wardCode.matches("[ENSW]\\d{8}") ? wardCode : "", wardLabel, ballot.ward());
        List<LocalCandidacy> candidates = new ArrayList<>();
        int winners = 0;
        for (JsonNode c : results) {
            JsonNode membership = c.path("membership");
            JsonNode person = c.has("person") ? c.path("person") : membership.path("person");
            if (!c.path("num_ballots").isInt() || c.path("num_ballots").asInt() < 0) {
                throw new FeedRejected(id + ": candidate " + person.path("name").asText() + " has no vote count");
            }
            boolean elected = isElected(c);
            winners += elected ? 1 : 0;
            String[] name = LocalFeedRows.split(person.path("name").asText(""));
            JsonNode party = c.has("party") ? c.path("party") : membership.path("on_behalf_of");
            String partyId = party.hasNonNull("ec_id")
                    ? party.path("ec_id").asText("")
                    : party.path("id").asText("");
            candidates.add(new LocalCandidacy(
                    name[0],
                    name[1],
                    resolver.party(partyId, party.path("name").asText("")),
                    c.path("num_ballots").asInt(),
                    elected,
                    false));
        }
        OptionalInt electorate = count(set, "total_electorate");
        OptionalInt ballotPapers = count(set, "num_turnout_reported");
        TurnoutBasis basis;
        Optional<BigDecimal> turnout;
        if (set.path("turnout_percentage").isNumber()
                || set.path("turnout_percentage").isTextual()) {
            turnout =
                    LocalFeedRows.percentage(id, set.path("turnout_percentage").asText());
            basis = TurnoutBasis.PUBLISHED;
        } else if (electorate.isPresent() && ballotPapers.isPresent()) {
            turnout = Optional.of(percent(ballotPapers.getAsInt(), electorate.getAsInt()));
            basis = TurnoutBasis.BALLOT_PAPERS;
        } else if (electorate.isPresent() && winners == 1) {
            int votes = candidates.stream().mapToInt(LocalCandidacy::votes).sum()
                    + count(set, "num_spoilt_ballots").orElse(0);
            turnout = Optional.of(percent(votes, electorate.getAsInt()));
            basis = TurnoutBasis.SUM_OF_VOTES;
        } else {
            turnout = Optional.empty();
            basis = TurnoutBasis.NONE;
        }
        return new Read(
                LocalFeedRows.result(
                        ballot,
                        ward,
                        winners,
                        electorate,
                        ballotPapers,
                        turnout,
                        candidates,
                        basis == TurnoutBasis.SUM_OF_VOTES),
                basis);
    }

    /** Winners marked, votes not yet entered: Democracy Club's "elected" before the count's figures are in. */
    static boolean isRush(JsonNode set) {
        boolean anyElected = false;
        boolean anyWithoutVotes = false;
        for (JsonNode c : set.path("candidate_results")) {
            anyElected |= isElected(c);
            anyWithoutVotes |= !c.path("num_ballots").isInt();
        }
        return anyElected && anyWithoutVotes;
    }

    private static boolean isElected(JsonNode c) {
        return c.path("elected").asBoolean(false)
                || c.path("is_winner").asBoolean(false)
                || c.path("membership").path("elected").asBoolean(false);
    }

    private static OptionalInt count(JsonNode set, String field) {
        JsonNode n = set.path(field);
        return n.isInt() && n.asInt() >= 0 ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
    }

    private static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
