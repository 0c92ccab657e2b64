package org.resultsdesk.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;

/**
 * Reads results in the bundled format (see {@link BundledFormat}) arriving as feed files: what the rehearsal replay
 * writes, and a simple format for a newsroom's own tools. The revision is the file name's {@code _N} suffix
 * ({@code kingswood_2.tsv}), 1 without one.
 */
public final class BundledFeedParser implements FeedParser {
    private static final Pattern REVISION = Pattern.compile("_(\\d+)\\.[A-Za-z]+$");

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        Map<Contest, BundledResults.Published> contests = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(FeedText.decode(file)))) {
            BundledResults.parse(reader, file.name(), contests);
        } catch (IOException | RuntimeException e) {
            throw new FeedRejected(e.getMessage(), e);
        }
        if (contests.isEmpty()) {
            throw new FeedRejected("no contest in file");
        }
        int revision = revision(file.name());
        return contests.keySet().stream()
                .<FeedMessage>map(c -> new FeedMessage.Result(c, revision))
                .toList();
    }

    static int revision(String fileName) {
        Matcher m = REVISION.matcher(fileName);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** One contest as a bundled-format feed file. */
    public static String write(Contest contest) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(
                        BundledFormat.SEPARATOR,
                        "E",
                        contest.election().id(),
                        contest.election().kind().name(),
                        contest.election().date().toString(),
                        ""))
                .append('\n');
        out.append(String.join(
                        BundledFormat.SEPARATOR,
                        "C",
                        contest.election().id(),
                        contest.seat().gss(),
                        BundledFormat.clean(contest.seat().name()),
                        BundledFormat.clean(contest.seat().region()),
                        BundledFormat.clean(contest.seat().country()),
                        String.valueOf(contest.electorate()),
                        String.valueOf(contest.validVotes()),
                        contest.invalidVotes().isPresent()
                                ? String.valueOf(contest.invalidVotes().getAsInt())
                                : "",
                        contest.declaredAt().map(Object::toString).orElse(""),
                        "",
                        ""))
                .append('\n');
        contest.candidates()
                .forEach(c -> out.append(String.join(
                                BundledFormat.SEPARATOR,
                                "K",
                                c.party().code(),
                                BundledFormat.clean(c.party().name()),
                                BundledFormat.clean(c.givenName()),
                                BundledFormat.clean(c.familyName()),
                                String.valueOf(c.votes()),
                                "",
                                c.sittingMp() ? "Y" : "",
                                c.formerMp() ? "Y" : ""))
                        .append('\n'));
        return out.toString();
    }
}
