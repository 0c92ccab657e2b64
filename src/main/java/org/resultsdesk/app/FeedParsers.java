package org.resultsdesk.app;

import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.night.DueCommand;
import org.resultsdesk.core.night.ExpectedTimes;
import org.resultsdesk.core.night.Tonight;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.DeclarationTimesFile;
import org.resultsdesk.feeds.DemocracyClubCsvFeedParser;
import org.resultsdesk.feeds.DemocracyClubFeedParser;
import org.resultsdesk.feeds.FeedFormatDetector;
import org.resultsdesk.feeds.HandbookCsvFeedParser;
import org.resultsdesk.feeds.HocElectionManagerFeedParser;
import org.resultsdesk.feeds.PaXmlFeedParser;
import org.resultsdesk.feeds.SeatResolver;

/** What the feed settings make of the bundled archive: the parser of every format, and the night with its times. */
final class FeedParsers {
    private FeedParsers() {}

    /** Every feed format the bot reads, told apart by content. */
    static FeedParser of(Settings.Feeds feeds, ResultsArchive archive) {
        return of(feeds, archive, LocalArchive::empty);
    }

    /** With the local results the local formats' councils and wards are resolved against. */
    static FeedParser of(
            Settings.Feeds feeds, ResultsArchive archive, java.util.function.Supplier<LocalArchive> local) {
        SeatResolver seats = new SeatResolver(archive);
        return new FeedFormatDetector(
                new PaXmlFeedParser(seats, local),
                new BundledFeedParser(),
                new DemocracyClubFeedParser(seats, local),
                new HocElectionManagerFeedParser(
                        new Election(
                                "parl." + feeds.electionManagerDate(),
                                ElectionKind.GENERAL,
                                feeds.electionManagerDate()),
                        seats),
                new DemocracyClubCsvFeedParser(local),
                new HandbookCsvFeedParser(local, feeds.handbookDate()));
    }

    /**
     * The election in progress with its expected declaration times, read from night.declaration-times when the desk
     * has that file: read here, before the assembly is built, so a bad file stops the start with its line.
     */
    static Tonight tonight(Settings.Night night, ResultsArchive archive) {
        Election election = Tonight.election(archive, night.election());
        ExpectedTimes times = night.declarationTimes()
                .map(file -> DeclarationTimesFile.read(file, election, new SeatResolver(archive)))
                .orElse(ExpectedTimes.NONE);
        Tonight tonight = new Tonight(archive, election, times);
        org.slf4j.LoggerFactory.getLogger(FeedParsers.class).info("{}", DueCommand.timesStatus(tonight));
        return tonight;
    }
}
