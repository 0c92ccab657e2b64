package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;

/** The night desk is one module a command: each name has one owner, and no module answers a name it does not own. */
class NightModulesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2029-08-15T21:00:00Z"), ZoneOffset.UTC);
    private final NightCommandsFixture.MemoryWatchList watches = new NightCommandsFixture.MemoryWatchList();
    private final CommandModule[] modules = modules();

    private CommandModule[] modules() {
        ResultsArchive archive = TestData.freshArchive();
        Tonight tonight = new Tonight(archive, Tonight.election(archive, "parl.2029-08-15"), ExpectedTimes.NONE);
        return NightCommandsFixture.modules(
                tonight, watches, new SeatDirectory(archive.seats()), clock, new Rights(new MemoryAuditTrail(), clock));
    }

    @Test
    void everyNightCommandHasExactlyOneModule() {
        List<String> names = new ArrayList<>();
        for (CommandModule module : modules) {
            names.addAll(module.names());
        }
        assertThat(names)
                .containsExactlyInAnyOrder("due", "targets", "swingometer", "records", "watch", "unwatch", "watchlist");
    }

    @Test
    void theWatchListModuleRefusesANameItDoesNotOwnRatherThanChangingTheList() {
        WatchListCommands watchList = (WatchListCommands) modules[modules.length - 1];
        ChatContext console = ChatContext.console();

        assertThatThrownBy(() -> watchList.handle(CommandLine.parse("/watches kingswood"), console))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(watches.forChannel(new ChannelRef(console.platform(), console.channelId())))
                .isEmpty();
    }
}
