package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.store.Database;

/** The console as a new user meets it, on the desk as it is wired: what they type and what comes back. */
class ConsolePolishTest {
    @TempDir
    Path dir;

    ResultsDesk desk;

    @BeforeEach
    void setUp() {
        Config config = Config.of(Map.of(), Map.of());
        desk = TestDesks.built(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        desk.close();
    }

    String console(String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConsoleApp(desk.commands)
                .run(
                        new BufferedReader(new StringReader(typed)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        false);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainTextIsASeatLookupAsInAPrivateChat() throws Exception {
        assertThat(console("kingswood\n"))
                .isEqualTo(console("/result kingswood\n"))
                .contains("Kingswood by-election");
    }

    @Test
    void aMisspeltCommandGetsDidYouMeanWithItsArgumentsKept() throws Exception {
        assertThat(console("/resul kingswood\n"))
                .contains("I don't know the command /resul. Did you mean /result?")
                .contains("/result kingswood");
        assertThat(console("/watchlst\n")).contains("Did you mean /watchlist?");
        assertThat(console("/xyzzy\n")).contains("I don't know the command /xyzzy. Try /help.");
    }

    @Test
    void aGeneralElectionWithNoResultsYetIsNotToldScoreboardsCoverGeneralElections() throws Exception {
        assertThat(console("/scoreboard 2029\n"))
                .contains("No general election results on file for 2029 yet")
                .doesNotContain("covers general elections");
        assertThat(console("/scoreboard kingswood\n")).contains("The scoreboard covers general elections");
    }

    @Test
    void recordsShowATinyMajorityAsResultDoes() throws Exception {
        ResultCalculator calculator = new ResultCalculator();
        ResultFigures smallest = TestData.archive().contestsOf("parl.2024-07-04").stream()
                .map(c -> calculator.calculate(c, TestData.archive().comparisonFor(c)))
                .min(java.util.Comparator.comparingInt(ResultFigures::majority))
                .orElseThrow();
        assertThat(smallest.majorityPercent()).isLessThan(new BigDecimal("0.05"));

        String records = console("/records 2024\n");
        assertThat(records)
                .contains(smallest.contest().seat().name())
                .contains("(<0.1%)")
                .doesNotContain("(0.0%)");
        assertThat(console("/result " + smallest.contest().seat().name() + " 2024\n"))
                .contains("(<0.1%)");
    }
}
