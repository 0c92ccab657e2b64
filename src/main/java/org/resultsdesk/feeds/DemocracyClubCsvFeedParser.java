package org.resultsdesk.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;

/**
 * Democracy Club's candidates CSV export with results ({@code candidates.democracyclub.org.uk/data/}: the core
 * columns and {@code votes_cast}, {@code elected}; {@code gss}, {@code organisation_name},
 * {@code total_electorate}, {@code turnout_percentage} and {@code spoilt_ballots} where the export has them). Each
 * {@code local.*} ballot whose every candidate has votes (or an uncontested one with its elected marked) becomes a
 * local result, multi-member by the elected flags; a ballot still counting, and any other kind of ballot, is passed
 * over. Results carry no revision: the ingest numbers them. Data from Democracy Club, CC BY 4.0.
 */
public final class DemocracyClubCsvFeedParser implements FeedParser {
    /** The header's first column, by which the format is told apart. */
    public static final String FIRST_COLUMN = "person_id";

    static final List<String> REQUIRED = List.of(
            "person_name",
            "ballot_paper_id",
            "party_name",
            "party_id",
            "post_label",
            "seats_contested",
            "votes_cast",
            "elected");

    private final LocalFeedResolver resolver;

    public DemocracyClubCsvFeedParser(java.util.function.Supplier<org.resultsdesk.core.model.LocalArchive> local) {
        this.resolver = new LocalFeedResolver(local);
    }

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        List<Map<String, String>> rows = LocalFeedRows.read(FeedText.decode(file), REQUIRED);
        List<FeedMessage> messages = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> ballot :
                LocalFeedRows.groupBy(rows, "ballot_paper_id").entrySet()) {
            String id = ballot.getKey();
            List<Map<String, String>> candidates = ballot.getValue();
            if (!id.startsWith("local.")) {
                messages.add(new FeedMessage.Ignored("Democracy Club ballot " + id + " (not a council's)"));
                continue;
            }
            Map<String, String> first = candidates.get(0);
            boolean uncontested = LocalFeedRows.flag(first.getOrDefault("cancelled_poll", ""));
            if (!uncontested
                    && candidates.stream().anyMatch(r -> r.get("votes_cast").isBlank())) {
                messages.add(new FeedMessage.Ignored("Democracy Club ballot " + id + " (no result yet)"));
                continue;
            }
            messages.add(result(id, candidates, uncontested));
        }
        return messages;
    }

    private FeedMessage.LocalResult result(String id, List<Map<String, String>> rows, boolean uncontested)
            throws FeedRejected {
        BallotId ballot = LocalFeedRows.ballot(id);
        Map<String, String> first = rows.get(0);
        Council council = resolver.council(id, ballot.organisation(), first.getOrDefault("organisation_name", ""));
        Ward ward = resolver.ward(id, council, first.getOrDefault("gss", ""), first.get("post_label"), ballot.ward());
        List<LocalCandidacy> candidates = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String[] name = LocalFeedRows.split(r.get("person_name"));
            int votes = uncontested && r.get("votes_cast").isBlank()
                    ? 0
                    : LocalFeedRows.count(id, "votes", r.get("votes_cast"));
            candidates.add(new LocalCandidacy(
                    name[0],
                    name[1],
                    resolver.party(r.get("party_id"), r.get("party_name")),
                    votes,
                    LocalFeedRows.flag(r.get("elected")),
                    false));
        }
        return LocalFeedRows.result(
                ballot,
                ward,
                LocalFeedRows.count(id, "seats contested", first.get("seats_contested")),
                LocalFeedRows.optionalCount(id, "electorate", first.getOrDefault("total_electorate", "")),
                java.util.OptionalInt.empty(),
                LocalFeedRows.percentage(id, first.getOrDefault("turnout_percentage", "")),
                candidates,
                false);
    }
}
