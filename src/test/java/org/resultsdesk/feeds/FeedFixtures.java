package org.resultsdesk.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.port.FeedFile;

/** The feed samples under src/test/resources/feeds, and parsers wired to the bundled seats. */
final class FeedFixtures {
    static final SeatResolver SEATS = new SeatResolver(TestData.archive());
    static final Election NEXT_GENERAL =
            new Election("parl.2029-05-03", ElectionKind.GENERAL, java.time.LocalDate.of(2029, 5, 3));

    private FeedFixtures() {}

    static FeedFile file(String resource) {
        try (InputStream in = FeedFixtures.class.getResourceAsStream("/feeds/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new FeedFile(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes(), Instant.EPOCH);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static FeedFile file(String name, String body) {
        return new FeedFile(name, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.EPOCH);
    }

    static FeedFormatDetector detector() {
        return new FeedFormatDetector(
                new PaXmlFeedParser(SEATS),
                new BundledFeedParser(),
                new DemocracyClubFeedParser(SEATS),
                new HocElectionManagerFeedParser(NEXT_GENERAL, SEATS));
    }
}
