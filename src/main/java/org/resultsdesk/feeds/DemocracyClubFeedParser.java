package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;

/**
 * Democracy Club's results API (v0.9 {@code result_sets}, paginated or a bare list). Parliamentary ballots
 * ({@code parl.*}) become results; with the local results, council ballots ({@code local.*}) become local results,
 * multi-member by the winners marked; other ballots are ignored.
 * Results carry no revision: they are handed on unnumbered and the ingest numbers them against what it has stored,
 * so a corrected result is a correction. Data from Democracy Club, CC BY 4.0.
 */
public final class DemocracyClubFeedParser implements FeedParser {
    /** Democracy Club's party ids for the parties with canonical codes; others keep their names. */
    private static final Map<String, String> PARTY_CODES = Map.of(
            "party:52",
            "Con",
            "party:53",
            "Lab",
            "party:90",
            "LD",
            "party:63",
            "Green",
            "party:102",
            "SNP",
            "party:77",
            "PC",
            "party:7931",
            "RUK",
            "party:85",
            "UKIP",
            "ynmp-party:2",
            "Ind",
            "ynmp-party:12522",
            "Spk");

    private final SeatResolver seats;
    private final Optional<LocalFeedResolver> local;
    private final ObjectMapper mapper = new ObjectMapper();

    public DemocracyClubFeedParser(SeatResolver seats) {
        this.seats = seats;
        this.local = Optional.empty();
    }

    /** With the local results: {@code local.*} ballots become local results, multi-member by the winners marked. */
    public DemocracyClubFeedParser(
            SeatResolver seats, java.util.function.Supplier<org.resultsdesk.core.model.LocalArchive> local) {
        this.seats = seats;
        this.local = Optional.of(new LocalFeedResolver(local));
    }

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        JsonNode root;
        try {
            root = mapper.readTree(FeedText.decode(file));
        } catch (IOException e) {
            throw new FeedRejected("corrupt or truncated JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode sets = root.isArray() ? root : root.path("results");
        if (!sets.isArray()) {
            throw new FeedRejected("no result sets (expected a 'results' list)");
        }
        List<FeedMessage> messages = new ArrayList<>();
        for (JsonNode set : sets) {
            String ballot = set.path("ballot_paper_id").asText("");
            if (ballot.isEmpty()) {
                throw new FeedRejected("a result set has no ballot_paper_id");
            }
            if (ballot.startsWith("local.") && local.isPresent()) {
                messages.add(localResult(ballot, set, local.get()));
                continue;
            }
            messages.add(
                    ballot.startsWith("parl.")
                            ? result(ballot, set)
                            : new FeedMessage.Ignored("Democracy Club ballot " + ballot + " (not parliamentary)"));
        }
        return messages;
    }

    /** A council ballot: the ward from the post's ONS code ("gss:E05..." or "MTW:E05..."), seats by winners marked. */
    private FeedMessage localResult(String id, JsonNode set, LocalFeedResolver resolver) throws FeedRejected {
        JsonNode post = set.path("candidate_results").path(0).path("membership").path("post");
        String postId = post.path("id").asText("");
        String code = postId.contains(":") ? postId.substring(postId.indexOf(':') + 1) : "";
        return new DemocracyClubResultSets(resolver)
                .localResult(id, set, code, post.path("label").asText(""))
                .result();
    }

    private FeedMessage.Result result(String ballot, JsonNode set) throws FeedRejected {
        String[] parts = ballot.split("\\.");
        LocalDate date = LocalDate.parse(parts[parts.length - 1]);
        boolean byElection = ballot.contains(".by.");
        Election election = byElection
                ? new Election(ballot, ElectionKind.BY_ELECTION, date)
                : new Election("parl." + date, ElectionKind.GENERAL, date);
        List<Candidacy> candidates = new ArrayList<>();
        Optional<Seat> seat = Optional.empty();
        for (JsonNode c : set.path("candidate_results")) {
            JsonNode membership = c.path("membership");
            String post = membership.path("post").path("id").asText("");
            if (seat.isEmpty() && post.startsWith("gss:")) {
                seat = seats.byGss(post.substring(4));
            }
            if (!c.path("num_ballots").isInt()) {
                throw new FeedRejected(ballot + ": candidate "
                        + membership.path("person").path("name").asText() + " has no vote count");
            }
            int votes = c.path("num_ballots").asInt();
            if (votes < 0) {
                throw new FeedRejected(ballot + ": negative votes");
            }
            String name = membership.path("person").path("name").asText().strip();
            int space = name.lastIndexOf(' ');
            JsonNode party = membership.path("on_behalf_of");
            String partyName = party.path("name").asText("Independent");
            candidates.add(new Candidacy(
                    space > 0 ? name.substring(0, space) : "",
                    space > 0 ? name.substring(space + 1) : name,
                    new Party(PARTY_CODES.getOrDefault(party.path("id").asText(), partyName), partyName),
                    votes));
        }
        Seat resolved = seat.orElseThrow(() -> new FeedRejected(ballot + ": unknown seat"));
        if (!set.path("total_electorate").isInt()) {
            throw new FeedRejected(ballot + ": no electorate given");
        }
        int valid = candidates.stream().mapToInt(Candidacy::votes).sum();
        OptionalInt spoilt = set.path("num_spoilt_ballots").isInt()
                ? OptionalInt.of(set.path("num_spoilt_ballots").asInt())
                : OptionalInt.empty();
        try {
            return new FeedMessage.Result(
                    new Contest(
                            election,
                            resolved,
                            set.path("total_electorate").asInt(),
                            valid,
                            spoilt,
                            Optional.empty(),
                            candidates),
                    FeedMessage.Result.UNNUMBERED);
        } catch (IllegalArgumentException e) {
            throw new FeedRejected(ballot + ": " + e.getMessage(), e);
        }
    }
}
