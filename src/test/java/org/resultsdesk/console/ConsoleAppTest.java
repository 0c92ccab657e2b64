package org.resultsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.seats.SeatDirectory;

class ConsoleAppTest {

    private static String run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleApp(new CommandService(
                        TestData.archive(), new SeatDirectory(TestData.archive().seats())))
                .run(
                        new BufferedReader(new StringReader(input)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedResultPrintsTheWellingboroughAnnouncement() throws Exception {
        String out = run("/result wellingborough\n");

        assertThat(out)
                .startsWith("Wellingborough by-election, 15 Feb 2024\nLabour GAIN from Conservative\n")
                .contains("13,844  45.9%")
                .contains("Swing 28.5% Con to Lab")
                .contains("Overturns a Conservative majority of 18,540 (2019)");
    }

    @Test
    void answersEachLineAndShowsSuggestionsAsCommands() throws Exception {
        String out = run("/result kingswod\n\n/scoreboard 2019\n/quit\n/result kingswood\n");

        assertThat(out).contains("Did you mean Kingswood?").contains("  /result Kingswood\n");
        assertThat(out).contains("General election 2019: 650 seats declared").containsPattern("CON +365 ");
        assertThat(out).doesNotContain("Kingswood by-election");
    }

    @Test
    void aCommandThatThrowsAnythingIsRefusedAndTheNextLineIsStillAnswered() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleApp((text, context) -> {
                    if (text.contains("overflow")) {
                        throw new StackOverflowError();
                    }
                    if (text.contains("boom")) {
                        throw new IllegalArgumentException("a quote needs a speaker and words");
                    }
                    return org.resultsdesk.core.model.Reply.text("answered " + text);
                })
                .run(
                        new BufferedReader(new StringReader("/overflow\n/boom\n/next\n")),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        false);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Sorry, I could not handle that message. Try /help.\n"
                        + "Sorry, I could not handle that message. Try /help.\nanswered /next\n");
    }
}
