package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.PlainReplyRenderer;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.store.Database;

/** The night desk as the application wires it: configuration keys, the declaration-times file, the stored watch list. */
class NightDeskWiringTest {
    @TempDir
    Path dir;

    final Clock oneInTheMorning = Clock.fixed(Instant.parse("2029-08-16T00:00:00Z"), ZoneOffset.UTC);

    String ask(ResultsDesk desk, String command) {
        return new PlainReplyRenderer().render(desk.commands.handle(command, ChatContext.console()));
    }

    ResultsDesk open(Config config) {
        return TestDesks.following(
                config, oneInTheMorning, TestData.freshArchive(), Database.sqlite(dir.resolve("db")));
    }

    @Test
    void dueReadsTheConfiguredTimesFileAndTheWatchListSurvivesARestart() throws Exception {
        Path times = dir.resolve("times.csv");
        Files.writeString(times, "seat,expected\nBootle,01:30\nRuncorn and Helsby,03:00\n");
        Config config = Config.of(
                Map.of("night.election", "parl.2029-08-15", "night.declaration-times", times.toString()), Map.of());

        try (ResultsDesk desk = open(config)) {
            assertThat(ask(desk, "/watch runcorn and helsby"))
                    .startsWith("This channel now watches Runcorn and Helsby");
            // 01:00 BST: Bootle is due at 01:30; Runcorn and Helsby, watched, later.
            assertThat(ask(desk, "/due"))
                    .contains("Due by 02:00, soonest first: 1 seat")
                    .contains("01:30  Bootle")
                    .contains("Watched here, later: Runcorn and Helsby (due 03:00).")
                    .contains("648 seats have no expected time.");
        }
        try (ResultsDesk desk = open(config)) {
            assertThat(ask(desk, "/watchlist")).contains("Runcorn and Helsby  03:00   not yet");
        }
    }

    @Test
    void aTimesFileNamingAnUnknownSeatStopsTheStartWithTheLine() throws Exception {
        Path times = dir.resolve("times.csv");
        Files.writeString(times, "seat,expected\nAtlantis,01:30\n");
        Config config = Config.of(Map.of("night.declaration-times", times.toString()), Map.of());

        assertThatThrownBy(() -> open(config).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("declaration-times file times.csv, line 2: unknown seat Atlantis");
    }

    @Test
    void dueDatesTheTimesThatAreNotTonightsAndStatusCarriesTheOperatorsAdvice() throws Exception {
        Path times = dir.resolve("times.csv");
        // Bootle tonight (01:30 BST on the 16th); Runcorn and Helsby on the next night, the 17th.
        Files.writeString(times, "seat,expected\nBootle,01:30\nmid beds,2029-08-17 03:00\n");
        Config config = Config.of(
                Map.of("night.election", "parl.2029-08-15", "night.declaration-times", times.toString()), Map.of());
        try (ResultsDesk desk = open(config)) {
            String due = ask(desk, "/due 24");
            assertThat(due)
                    .contains("Due by Fri 17 Aug 01:00, soonest first: 1 seat")
                    .contains("01:30  Bootle")
                    .doesNotContain("Mid Bedfordshire");
            assertThat(ask(desk, "/watch mid beds")).startsWith("This channel now watches Mid Bedfordshire");
            assertThat(ask(desk, "/due")).contains("Watched here, later: Mid Bedfordshire (due Fri 17 Aug 03:00).");
            assertThat(ask(desk, "/watchlist")).contains("Mid Bedfordshire  Fri 17 Aug 03:00   not yet");
            assertThat(ask(desk, "/status"))
                    .contains("Declaration times: 2 seats from times.csv")
                    .doesNotContain("Set NIGHT_DECLARATION_TIMES");
        }
    }

    @Test
    void withoutATimesFileReadersAreNotToldToConfigureTheBotButStatusSaysWhatToSet() throws Exception {
        Config config = Config.of(Map.of("night.election", "parl.2029-08-15"), Map.of());
        try (ResultsDesk desk = open(config)) {
            assertThat(ask(desk, "/due"))
                    .contains("650 seats have no expected time: the desk has no declaration times for tonight yet.")
                    .doesNotContain("night.declaration-times");
            assertThat(ask(desk, "/status"))
                    .contains("Declaration times: no file (night.declaration-times)")
                    .contains(
                            "Set NIGHT_DECLARATION_TIMES (night.declaration-times in the configuration file) to a CSV of seat and"
                                    + " expected time");
        }
    }
}
