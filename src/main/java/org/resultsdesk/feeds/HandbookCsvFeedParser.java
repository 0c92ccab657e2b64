package org.resultsdesk.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;

/**
 * The Commons Library's Local Election Handbook candidates layout (the 2025 file's columns: ward name and ONS code,
 * upper and lower tier authority, authority type, seats contested, candidate, party name, votes cast, elected,
 * first and last names, incumbent), dropped in the feed folder to rehearse a night: one result a ward, its ballot id
 * made as Democracy Club makes it from the council's and ward's names and the polling day, which the layout does not
 * carry and {@code feeds.handbook.date} gives. Rows of one ward must agree on its seats.
 */
public final class HandbookCsvFeedParser implements FeedParser {
    /** The header's first column, by which the format is told apart. */
    public static final String FIRST_COLUMN = "Ward/ County Electoral District name";

    static final List<String> REQUIRED = List.of(
            FIRST_COLUMN,
            "ONS ward code",
            "Upper tier authority",
            "Lower tier authority",
            "Local authority type",
            "Seats contested",
            "Votes cast",
            "Elected",
            "Party name",
            "Candidate name");

    private final LocalFeedResolver resolver;
    private final java.time.LocalDate pollingDay;

    public HandbookCsvFeedParser(
            java.util.function.Supplier<org.resultsdesk.core.model.LocalArchive> local,
            java.time.LocalDate pollingDay) {
        this.resolver = new LocalFeedResolver(local);
        this.pollingDay = pollingDay;
    }

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        List<Map<String, String>> rows = LocalFeedRows.read(FeedText.decode(file), REQUIRED);
        List<FeedMessage> messages = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> ward :
                LocalFeedRows.groupBy(rows, "ONS ward code").entrySet()) {
            messages.add(result(ward.getKey(), ward.getValue()));
        }
        return messages;
    }

    private FeedMessage.LocalResult result(String code, List<Map<String, String>> rows) throws FeedRejected {
        Map<String, String> first = rows.get(0);
        String councilName = first.get("Local authority type").equals("CC")
                ? first.get("Upper tier authority")
                : first.get("Lower tier authority");
        String wardName = first.get(FIRST_COLUMN);
        String label = code + " (" + wardName + ")";
        if (councilName.isBlank() || wardName.isBlank()) {
            throw new FeedRejected(label + ": no council or ward name");
        }
        BallotId draft = BallotId.scheduled(councilName, wardName, pollingDay);
        Council council = resolver.council(label, draft.organisation(), councilName);
        Ward ward = resolver.ward(label, council, code, wardName, draft.ward());
        int seats = LocalFeedRows.count(label, "seats contested", first.get("Seats contested"));
        List<LocalCandidacy> candidates = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (LocalFeedRows.count(label, "seats contested", r.get("Seats contested")) != seats) {
                throw new FeedRejected(label + ": its rows disagree on the seats contested");
            }
            String given = r.getOrDefault("First names", "");
            String family = r.getOrDefault("Last names", "");
            if (given.isBlank() && family.isBlank()) {
                String[] split = LocalFeedRows.split(r.get("Candidate name"));
                given = split[0];
                family = split[1];
            }
            candidates.add(new LocalCandidacy(
                    given,
                    family,
                    resolver.party("", r.get("Party name")),
                    LocalFeedRows.count(label, "votes", r.get("Votes cast")),
                    LocalFeedRows.flag(r.get("Elected")),
                    LocalFeedRows.flag(r.getOrDefault("Incumbent", ""))));
        }
        return LocalFeedRows.result(
                BallotId.scheduled(council.name(), ward.name(), pollingDay),
                ward,
                seats,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                candidates,
                false);
    }
}
