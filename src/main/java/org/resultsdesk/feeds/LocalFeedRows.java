package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedRejected;

/** Reading a local results CSV: rows by header, grouped by ballot, numbers and flags checked, one contest a ballot. */
final class LocalFeedRows {
    private LocalFeedRows() {}

    /** The rows of a CSV with a header, headers and values stripped; a row with fewer fields refuses the file. */
    static List<Map<String, String>> read(String text, List<String> required) throws FeedRejected {
        List<Map<String, String>> out = new ArrayList<>();
        try {
            MappingIterator<Map<String, String>> rows = new CsvMapper()
                    .readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(text);
            while (rows.hasNext()) {
                Map<String, String> clean = new LinkedHashMap<>();
                rows.next().forEach((k, v) -> clean.put(k.strip(), v == null ? "" : v.strip()));
                out.add(clean);
            }
        } catch (IOException | RuntimeException e) {
            throw new FeedRejected("unreadable CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (out.isEmpty()) {
            throw new FeedRejected("no rows under the header");
        }
        for (String column : required) {
            if (!out.get(0).containsKey(column)) {
                throw new FeedRejected("no column " + column);
            }
        }
        return out;
    }

    /** Rows by the value of a column, in the order each value first appears. */
    static Map<String, List<Map<String, String>>> groupBy(List<Map<String, String>> rows, String column)
            throws FeedRejected {
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String key = row.getOrDefault(column, "");
            if (key.isEmpty()) {
                throw new FeedRejected("a row has no " + column);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    static int count(String ballot, String what, String value) throws FeedRejected {
        try {
            int n = Integer.parseInt(value.replace(",", ""));
            if (n < 0) {
                throw new FeedRejected(ballot + ": negative " + what);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FeedRejected(ballot + ": " + what + " is not a number");
        }
    }

    static OptionalInt optionalCount(String ballot, String what, String value) throws FeedRejected {
        return value == null || value.isBlank() ? OptionalInt.empty() : OptionalInt.of(count(ballot, what, value));
    }

    static Optional<BigDecimal> percentage(String ballot, String value) throws FeedRejected {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.replace("%", "").strip()));
        } catch (NumberFormatException e) {
            throw new FeedRejected(ballot + ": turnout is not a number");
        }
    }

    /** "t", "true", "True", "yes", "1", "Y" are true; anything else false. */
    static boolean flag(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("t") || v.equals("true") || v.equals("yes") || v.equals("y") || v.equals("1");
    }

    /** "T. Wye" is given "T.", family "Wye": the last word is the family name. */
    static String[] split(String name) {
        String s = name.strip().replaceAll("\\s+", " ");
        int space = s.lastIndexOf(' ');
        return space > 0 ? new String[] {s.substring(0, space), s.substring(space + 1)} : new String[] {"", s};
    }

    static BallotId ballot(String id) throws FeedRejected {
        return BallotId.parse(id).orElseThrow(() -> new FeedRejected("not a local ballot id: " + id));
    }

    /**
     * The contest, its model's checks turned into the file's refusal naming the ballot; {@code turnoutFromVotes} when
     * the turnout was worked out from the votes cast, not published.
     */
    static FeedMessage.LocalResult result(
            BallotId ballot,
            Ward ward,
            int seats,
            OptionalInt electorate,
            OptionalInt ballotPapers,
            Optional<BigDecimal> turnout,
            List<LocalCandidacy> candidates,
            boolean turnoutFromVotes)
            throws FeedRejected {
        try {
            return new FeedMessage.LocalResult(
                    new LocalContest(
                            ballot,
                            ward,
                            seats,
                            electorate,
                            ballotPapers,
                            turnout,
                            Optional.empty(),
                            candidates,
                            turnoutFromVotes),
                    FeedMessage.Result.UNNUMBERED);
        } catch (IllegalArgumentException e) {
            throw new FeedRejected(ballot + ": " + e.getMessage());
        }
    }
}
