package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.store.Database;

/**
 * The README's example is the bot's real output: the first block of the README is what the console answers to
 * {@code /result kingswood}, character for character, so the example cannot drift from what a reader gets.
 */
class ReadmeExamplesTest {
    private static final Pattern FIRST_BLOCK = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theReadmesKingswoodResultIsWhatTheConsoleAnswers() throws Exception {
        Matcher block = FIRST_BLOCK.matcher(Files.readString(Path.of("README.md")));
        assertThat(block.find()).isTrue();
        String example = block.group(1);
        assertThat(example).startsWith("Kingswood by-election, 15 Feb 2024\n");

        String answer;
        try (ResultsDesk desk = TestDesks.built(
                Config.of(Map.of(), Map.of()), Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ConsoleApp(desk.commands)
                    .run(
                            new BufferedReader(new StringReader("/result kingswood\n")),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            false);
            answer = out.toString(StandardCharsets.UTF_8);
        }
        // The README shows the result itself; the reply goes on with context lines and buttons below it.
        assertThat(answer).startsWith(example);
        assertThat(answer.substring(example.length())).doesNotStartWith("  ");
    }
}
