package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedRejected;

class ReplayFeedTest {

    @Test
    void playsTheGe2019NightInDeclarationOrderAtTheGivenSpeedAsReadableFeedFiles() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        List<Duration> waits = new ArrayList<>();
        List<FeedFile> files = new ArrayList<>();
        List<Contest> night = TestData.archive().contestsOf("parl.2019-12-12");

        int played = new ReplayFeed(night, 60, clock, d -> {
                    waits.add(d);
                    clock.advance(d);
                })
                .play(files::add);

        assertThat(played).isEqualTo(650);
        assertThat(files.get(0).name()).isEqualTo("newcastle-upon-tyne-central_1.tsv");
        // The real night ran from 23:27 to the last declaration the next afternoon; at 60x that is minutes.
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20));

        BundledFeedParser parser = new BundledFeedParser();
        List<Contest> parsed = new ArrayList<>();
        for (FeedFile f : files) {
            parsed.add(((FeedMessage.Result) parser.parse(f).get(0)).contest());
        }
        assertThat(parsed).containsExactlyInAnyOrderElementsOf(night);
    }

    @Test
    void theBundledFeedParserRejectsBadFilesWithAReason() {
        BundledFeedParser parser = new BundledFeedParser();
        Contest kingswood = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");
        String good = BundledFeedParser.write(kingswood);

        assertThat(revisionOf(parser, "kingswood_3.tsv", good)).isEqualTo(3);
        assertRejected(parser, good.substring(0, good.length() - 20), "line 8");
        assertRejected(parser, good.replace("\t11176\t", "\t-11176\t"), "negative votes");
        assertRejected(parser, "", "no contest");
        assertRejected(parser, "<xml/>", "unknown record type");
    }

    private static int revisionOf(BundledFeedParser parser, String name, String body) {
        try {
            return ((FeedMessage.Result) parser.parse(file(name, body)).get(0)).revision();
        } catch (FeedRejected e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRejected(BundledFeedParser parser, String body, String reason) {
        try {
            parser.parse(file("bad_1.tsv", body));
            throw new AssertionError("accepted a bad file: " + body);
        } catch (FeedRejected e) {
            assertThat(e.getMessage()).contains(reason);
        }
    }

    private static FeedFile file(String name, String body) {
        return new FeedFile(name, body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }
}
