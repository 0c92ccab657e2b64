package org.resultsdesk.feeds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;
import org.resultsdesk.core.text.LogSafe;

/** Tells the feed formats apart by their first bytes and hands each file to its parser. */
public final class FeedFormatDetector implements FeedParser {
    private final FeedParser paXml;
    private final FeedParser bundled;
    private final FeedParser democracyClub;
    private final FeedParser hocElectionManager;
    private final FeedParser democracyClubCsv;
    private final FeedParser handbookCsv;

    public FeedFormatDetector(
            FeedParser paXml, FeedParser bundled, FeedParser democracyClub, FeedParser hocElectionManager) {
        this(paXml, bundled, democracyClub, hocElectionManager, noLocal(), noLocal());
    }

    /** With the local formats: Democracy Club's candidates CSV and the Library's handbook CSV. */
    public FeedFormatDetector(
            FeedParser paXml,
            FeedParser bundled,
            FeedParser democracyClub,
            FeedParser hocElectionManager,
            FeedParser democracyClubCsv,
            FeedParser handbookCsv) {
        this.paXml = paXml;
        this.bundled = bundled;
        this.democracyClub = democracyClub;
        this.hocElectionManager = hocElectionManager;
        this.democracyClubCsv = democracyClubCsv;
        this.handbookCsv = handbookCsv;
    }

    private static FeedParser noLocal() {
        return file -> {
            throw new FeedRejected("local results are not read by this desk");
        };
    }

    @Override
    public List<FeedMessage> parse(FeedFile file) throws FeedRejected {
        String head = new String(file.content(), 0, Math.min(file.content().length, 512), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .stripLeading();
        if (head.isEmpty()) {
            throw new FeedRejected("empty file");
        }
        if (head.startsWith("<")) {
            return paXml.parse(file);
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return democracyClub.parse(file);
        }
        if (head.startsWith("Election_Id,")) {
            return hocElectionManager.parse(file);
        }
        if (head.startsWith(DemocracyClubCsvFeedParser.FIRST_COLUMN + ",")) {
            return democracyClubCsv.parse(file);
        }
        if (head.startsWith(HandbookCsvFeedParser.FIRST_COLUMN + ",")) {
            return handbookCsv.parse(file);
        }
        if (head.startsWith("E\t") || head.startsWith("#")) {
            return bundled.parse(file);
        }
        // The reason is logged: a short, escaped prefix, never more of a file that may not be meant for us.
        throw new FeedRejected("unknown feed format (starts with '" + LogSafe.prefix(file.content()) + "')");
    }
}
