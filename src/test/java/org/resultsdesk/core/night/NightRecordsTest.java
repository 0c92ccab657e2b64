package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.night.NightCommandsFixture.Desk;

class NightRecordsTest {

    static BigDecimal swingPoints(Contest contest, ResultsArchive archive) {
        return new ResultCalculator()
                .calculate(contest, archive.comparisonFor(contest))
                .swing()
                .map(s -> s.points())
                .orElse(BigDecimal.valueOf(-1));
    }

    /** Majority straight from the votes: the top two candidates' difference. */
    static int majority(Contest c) {
        int[] votes = c.candidates().stream().mapToInt(x -> x.votes()).sorted().toArray();
        return votes.length < 2 ? votes[0] : votes[votes.length - 1] - votes[votes.length - 2];
    }

    /** Ballot papers (valid plus rejected) over the electorate, as a double. */
    static double turnout(Contest c) {
        return 100.0 * (c.validVotes() + c.invalidVotes().orElse(0)) / c.electorate();
    }

    @Test
    void recordsSinceAYearSpanEveryGeneralElectionOnFileAndSayWhereCandidatesStart() {
        CommandService commands = NightCommandsFixture.desk("parl.2029-08-15").commands();
        List<Contest> since2015 = TestData.archive().elections().stream()
                .filter(e -> e.isGeneral() && e.date().getYear() >= 2015)
                .flatMap(e -> TestData.archive().contestsOf(e.id()).stream())
                .toList();
        Contest biggest = since2015.stream()
                .max(Comparator.comparingInt(NightRecordsTest::majority))
                .orElseThrow();

        Reply reply = commands.handle("/records since 2015", ChatContext.console());

        assertThat(NightReplayTest.text(reply))
                .startsWith("Records, general elections 2015-2024: "
                        + String.format(Locale.UK, "%,d", since2015.size()).replace(",", "") + " seat results");
        assertThat(NightReplayTest.tables(reply).get(0).rows().get(1))
                .startsWith(
                        biggest.seat().name() + " " + biggest.election().date().getYear());
        // Before 2010 the party groups' file answers (CenturyRecordsTest); before 1918 nothing is on file.
        assertThat(NightReplayTest.text(commands.handle("/records since 1945", ChatContext.console())))
                .startsWith("Records, general elections 1945-2024")
                .contains("Before 2010 the figures are party groups' totals");
        assertThat(NightReplayTest.text(commands.handle("/records since 1900", ChatContext.console())))
                .startsWith("General elections are on file from 1918. Records, general elections 1918-2024");
    }

    @Test
    void recordsForGe2019MatchTheExtremesOfTheBundledData() {
        CommandService commands = NightCommandsFixture.desk("parl.2029-08-15").commands();
        List<Contest> ge2019 = TestData.archive().contestsOf("parl.2019-12-12");
        Contest biggest = ge2019.stream()
                .max(Comparator.comparingInt(NightRecordsTest::majority))
                .orElseThrow();
        Contest smallest = ge2019.stream()
                .min(Comparator.comparingInt(NightRecordsTest::majority))
                .orElseThrow();
        Contest highest = ge2019.stream()
                .max(Comparator.comparingDouble(NightRecordsTest::turnout))
                .orElseThrow();
        Contest lowest = ge2019.stream()
                .min(Comparator.comparingDouble(NightRecordsTest::turnout))
                .orElseThrow();
        Contest swing = ge2019.stream()
                .max(Comparator.comparing(c -> swingPoints(c, TestData.archive())))
                .orElseThrow();

        Reply reply = commands.handle("/records 2019", ChatContext.console());

        List<Reply.Table> tables = NightReplayTest.tables(reply);
        assertThat(NightReplayTest.text(reply)).contains("general election 2019: 650 seats declared");
        assertThat(tables)
                .extracting(Reply.Table::title)
                .containsExactly(
                        "Largest majorities",
                        "Smallest majorities",
                        "Largest swings",
                        "Highest turnouts",
                        "Lowest turnouts");
        assertThat(tables.get(0).rows().get(1)).startsWith(biggest.seat().name());
        assertThat(tables.get(0).rows().get(1).get(2)).startsWith(String.format(Locale.UK, "%,d", majority(biggest)));
        assertThat(tables.get(1).rows().get(1)).startsWith(smallest.seat().name());
        assertThat(tables.get(1).rows().get(1).get(2)).startsWith(String.format(Locale.UK, "%,d", majority(smallest)));
        assertThat(tables.get(2).rows().get(1)).startsWith(swing.seat().name());
        assertThat(tables.get(3).rows().get(1))
                .containsExactly(
                        highest.seat().name(),
                        NightCommandsFixture.abbreviation(highest),
                        String.format(Locale.UK, "%.1f%%", turnout(highest)));
        assertThat(tables.get(4).rows().get(1))
                .containsExactly(
                        lowest.seat().name(),
                        NightCommandsFixture.abbreviation(lowest),
                        String.format(Locale.UK, "%.1f%%", turnout(lowest)));
        assertThat(tables.get(0).rows()).hasSize(4);
    }

    @Test
    void recordsDefaultToTheLatestGeneralElectionBeforeAnythingDeclaresTonight() {
        Desk desk = NightCommandsFixture.desk("parl.2029-08-15");
        assertThat(NightReplayTest.text(desk.commands().handle("/records", ChatContext.console())))
                .contains("general election 2024: 650 seats declared");
        assertThat(NightReplayTest.text(desk.commands().handle("/records 2015", ChatContext.console())))
                .contains("general election 2015: 650 seats declared");
        assertThat(NightReplayTest.text(desk.commands().handle("/records 2005", ChatContext.console())))
                .startsWith("Records, general election 2005: ")
                .contains("party groups' totals");
        assertThat(NightReplayTest.text(desk.commands().handle("/records 1910", ChatContext.console())))
                .startsWith("Records cover general elections");
        assertThat(NightReplayTest.text(desk.commands().handle("/records 1066", ChatContext.console())))
                .startsWith("Records cover general elections");
        assertThat(NightReplayTest.text(desk.commands().handle("/records kingswood", ChatContext.console())))
                .startsWith("Records cover general elections");
        assertThat(NightReplayTest.text(desk.commands().handle("/records since then", ChatContext.console())))
                .isEqualTo("Say a year: /records since 1945 (general elections are on file from 1918).");
    }
}
