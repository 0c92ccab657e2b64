package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.LocalBundledData;

/**
 * What a reporter reads for a ward, a division and a council, from the bundled handbooks, as plain text (the same
 * Announcement the Telegram and Slack renderers lay out). A mismatch writes what was produced to target/golden-local.
 */
class LocalGoldenTest {
    private static CommandService commands;

    @BeforeAll
    static void load() {
        LocalResults local = new LocalResults(
                LocalBundledData.read().archive(), new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
        ResultsArchive westminster = new ResultsArchive(java.util.List.of(), java.util.Map.of());
        commands = new CommandService(
                westminster,
                new SeatDirectory(westminster.seats()),
                java.time.Clock.systemUTC(),
                ResultAddenda.NONE,
                local,
                new CouncilCommand(local));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a one-seat ward (a unitary), compared with 2021 on the same ONS code
                "/result bude, cornwall|one-seat-ward-bude",
                // three seats split between parties: the tally, GAIN/HOLD per seat, the method stated
                "/result armthorpe, doncaster|three-seat-split-armthorpe",
                // a county division, typed without a comma
                "/result birchington and rural kent|county-division-birchington",
                // a name many councils have: the councils as buttons
                "/result abbey|ambiguous-abbey",
                // a ward on new boundaries: no previous result on file, said as such
                "/result abbey, bucks|no-previous-abbey-buckinghamshire",
                // a council changing hands
                "/council kent|council-gain-kent",
                // a council in no overall control
                "/council gloucestershire|council-noc-gloucestershire",
                // copy: a council taken, a council falling into NOC, a one-seat gain, a three-seat split
                "/snippet council kent|snippet-council-kent",
                "/snippet council gloucestershire|snippet-council-gloucestershire",
                "/snippet bude, cornwall|snippet-ward-bude",
                "/snippet armthorpe doncaster|snippet-ward-armthorpe"
            })
    void replyMatchesGoldenFile(String command, String golden) throws IOException {
        String actual = new PlainReplyRenderer().render(commands.handle(command, ChatContext.console()));

        String expected = golden(golden + ".txt");
        if (!actual.equals(expected)) {
            Path out = Path.of("target/golden-local");
            Files.createDirectories(out);
            Files.writeString(out.resolve(golden + ".txt"), actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theLocalElectionsPageShowsTheThreeSeatResultAsTheBotGivesIt() throws IOException {
        String golden = golden("three-seat-split-armthorpe.txt");
        String announcement = golden.substring(0, golden.indexOf("Other results for"));

        assertThat(Files.readString(Path.of("docs/local-elections.md"))).contains(announcement);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LocalGoldenTest.class.getResourceAsStream("/golden/local/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
