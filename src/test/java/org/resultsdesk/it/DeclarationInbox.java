package org.resultsdesk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.SubscriptionStore;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.DirectoryFeedSource;

/**
 * The directory the desk watches for declaration files, with the real ingest behind it: alerts for what lands go
 * into {@code outbox}, routed to the channels {@code subscriptions} names.
 */
final class DeclarationInbox {
    private final Path directory;
    private final MutableClock clock;
    private final DirectoryFeedSource source;

    DeclarationInbox(
            Path directory,
            MutableClock clock,
            AlertStore outbox,
            ResultsArchive archive,
            SubscriptionStore subscriptions)
            throws IOException {
        this.directory = Files.createDirectories(directory);
        this.clock = clock;
        DeclarationIngest ingest = new DeclarationIngest(
                new BundledFeedParser(),
                new StoreFollower(outbox, archive, new RushBoard()),
                outbox,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
        this.source = new DirectoryFeedSource(directory, Duration.ofMillis(200), clock, ingest::accept);
    }

    /**
     * Writes revision {@code revision} of {@code contest} as a feed would (a partial file, then an atomic rename) and
     * has the watcher take it: seen once, then again 300 ms later when it has settled.
     */
    void land(Contest contest, int revision) throws IOException {
        String name = contest.seat().gss() + "_" + revision + ".tsv";
        Path partial = directory.resolve(name + ".part");
        Files.writeString(partial, BundledFeedParser.write(contest), StandardCharsets.UTF_8);
        Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        source.scanOnce();
        clock.advance(Duration.ofMillis(300));
        source.scanOnce();
    }
}
