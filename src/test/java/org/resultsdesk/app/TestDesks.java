package org.resultsdesk.app;

import java.time.Clock;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.store.Database;

/** Builds the application as Main does, from a configuration, and follows the store: what most app tests start from. */
final class TestDesks {
    private TestDesks() {}

    static ResultsDesk following(Config config, Clock clock, ResultsArchive archive, Database database) {
        ResultsDesk desk = built(config, clock, archive, database);
        desk.followStore();
        return desk;
    }

    static ResultsDesk built(Config config, Clock clock, ResultsArchive archive, Database database) {
        Settings settings = Settings.from(config);
        return new ResultsDesk(settings, clock, archive, database, FeedParsers.tonight(settings.night(), archive));
    }
}
