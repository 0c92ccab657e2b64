package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;

/**
 * The Commons Library "Election manager" feed: a constituencies file (one row a seat, with its Election_State:
 * Pre-candidates, Candidates only, Winners only, Full results) and a candidacies file, delivered separately. The
 * parser keeps the latest candidacies and joins them when a constituencies file arrives: Full results become
 * results, Winners only rushes, the rest is ignored. The files carry no revision: results are handed on unnumbered
 * and the ingest numbers them against what it has stored, so changed figures are a correction even after a restart.
 */
public final class HocElectionManagerFeedParser implements FeedParser {
    private final Election election;
    private final SeatResolver seats;
    private Map<String, List<Map<String, String>>> candidaciesBySeatElection = Map.of();
    private final Map<String, Integer> revisions = new HashMap<>();
    private final Map<String, Integer> lastContent = new HashMap<>();

    public HocElectionManagerFeedParser(Election election, SeatResolver seats) {
        this.election = election;
        this.seats = seats;
    }

    @Override
    public synchronized List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        List<Map<String, String>> rows = rows(file);
        if (rows.isEmpty()) {
            throw new FeedRejected("no rows");
        }
        if (rows.get(0).containsKey("Candidate_Id")) {
            Map<String, List<Map<String, String>>> grouped = new LinkedHashMap<>();
            rows.forEach(r -> grouped.computeIfAbsent(r.get("Election_Id"), k -> new ArrayList<>())
                    .add(r));
            candidaciesBySeatElection = grouped;
            return List.of(new FeedMessage.Ignored("Election manager candidacies: " + rows.size() + " rows kept"));
        }
        if (!rows.get(0).containsKey("Election_State")) {
            throw new FeedRejected("neither an Election manager constituencies nor candidacies file");
        }
        List<FeedMessage> messages = new ArrayList<>();
        for (Map<String, String> seatRow : rows) {
            String state = seatRow.get("Election_State");
            if (state.equals("Full results")) {
                messages.add(result(seatRow));
            } else if (state.equals("Winners only")) {
                messages.add(rush(seatRow));
            } else {
                messages.add(new FeedMessage.Ignored(seatRow.get("Constituency_Name") + ": " + state));
            }
        }
        return messages;
    }

    private FeedMessage.Result result(Map<String, String> row) throws FeedRejected {
        Seat seat = seat(row);
        List<Candidacy> candidates = new ArrayList<>();
        for (Map<String, String> c : candidacies(row)) {
            int votes = number(c.get("Vote_Count"), "votes of " + c.get("Candidate_Family_Name"));
            if (votes < 0) {
                throw new FeedRejected(seat.name() + ": negative votes for " + c.get("Candidate_Family_Name"));
            }
            candidates.add(
                    new Candidacy(c.get("Candidate_Given_Name"), c.get("Candidate_Family_Name"), party(c), votes));
        }
        try {
            Contest contest = new Contest(
                    election,
                    seat,
                    number(row.get("Electorate"), seat.name() + " electorate"),
                    number(row.get("Valid_Votes"), seat.name() + " valid votes"),
                    row.get("Invalid_Votes").isBlank()
                            ? OptionalInt.empty()
                            : OptionalInt.of(number(row.get("Invalid_Votes"), seat.name() + " invalid votes")),
                    Optional.empty(),
                    candidates);
            return new FeedMessage.Result(contest, FeedMessage.Result.UNNUMBERED);
        } catch (IllegalArgumentException e) {
            throw new FeedRejected(e.getMessage(), e);
        }
    }

    private FeedMessage.Rush rush(Map<String, String> row) throws FeedRejected {
        Seat seat = seat(row);
        Map<String, String> winner = candidacies(row).stream()
                .filter(c -> c.get("Is_Winning_Candidate").equalsIgnoreCase("Yes"))
                .findFirst()
                .orElseThrow(() -> new FeedRejected(seat.name() + ": winners only, but no winning candidate"));
        return new FeedMessage.Rush(
                election,
                seat,
                party(winner),
                Optional.empty(),
                winner.get("Candidate_Given_Name") + " " + winner.get("Candidate_Family_Name"),
                revision(seat.gss() + "/rush", winner.hashCode()));
    }

    private List<Map<String, String>> candidacies(Map<String, String> seatRow) throws FeedRejected {
        List<Map<String, String>> rows = candidaciesBySeatElection.get(seatRow.get("Election_Id"));
        if (rows == null || rows.isEmpty()) {
            throw new FeedRejected(seatRow.get("Constituency_Name") + ": no candidacies received for it yet");
        }
        return rows;
    }

    private Seat seat(Map<String, String> row) throws FeedRejected {
        return seats.byGss(row.get("ONS_Constituency_Id"))
                .orElseThrow(() -> new FeedRejected(
                        "unknown seat " + row.get("ONS_Constituency_Id") + " (" + row.get("Constituency_Name") + ")"));
    }

    private static Party party(Map<String, String> c) {
        if (c.get("Is_Standing_As_Speaker").equalsIgnoreCase("Yes")) {
            return new Party("Spk", "Speaker");
        }
        if (c.get("Is_Standing_As_Independent").equalsIgnoreCase("Yes")
                || c.get("Primary_Party_Abbreviation").isBlank()) {
            return new Party("Ind", "Independent");
        }
        return new Party(c.get("Primary_Party_Abbreviation"), c.get("Primary_Party_Name"));
    }

    private int revision(String key, int contentHash) {
        Integer last = lastContent.put(key, contentHash);
        if (last == null || last != contentHash) {
            return revisions.merge(key, 1, Integer::sum);
        }
        return revisions.get(key);
    }

    private static int number(String value, String what) throws FeedRejected {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new FeedRejected(what + " is not a whole number: '" + value + "'");
        }
    }

    private static List<Map<String, String>> rows(FeedFile file) throws FeedRejected {
        try {
            MappingIterator<Map<String, String>> it = new CsvMapper()
                    .readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(FeedText.decode(file));
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(it.next());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new FeedRejected("unreadable CSV: " + e.getMessage(), e);
        }
    }
}
