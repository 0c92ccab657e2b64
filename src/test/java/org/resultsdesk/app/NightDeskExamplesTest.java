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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.store.Database;

/**
 * docs/night-desk.md's console session is the bot's real output: the page's declaration-times file is written as given,
 * the desk set up as the page says (NIGHT_ELECTION=parl.2026-11-25, 16:58 UTC), and each command typed after "> " must
 * answer with the lines below it ("..." standing for lines left out of the page).
 */
class NightDeskExamplesTest {
    private static final Pattern TIMES = Pattern.compile("```\\n(seat,expected\\n.*?)```", Pattern.DOTALL);
    private static final Pattern SESSION = Pattern.compile("```\\n(> /watch .*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theConsoleSessionOnThePageIsWhatTheDeskAnswers() throws Exception {
        String page = Files.readString(Path.of("docs/night-desk.md"));
        Matcher times = TIMES.matcher(page);
        Matcher session = SESSION.matcher(page);
        assertThat(times.find()).isTrue();
        assertThat(session.find()).isTrue();
        Path file = dir.resolve("times.csv");
        Files.writeString(file, times.group(1));

        Config config = Config.of(
                Map.of("night.election", "parl.2026-11-25", "night.declaration-times", file.toString()), Map.of());
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T16:58:00Z"), ZoneOffset.UTC);
        List<String[]> exchanges = exchanges(session.group(1));
        List<String> answers = new ArrayList<>();
        try (ResultsDesk desk = TestDesks.built(config, clock, TestData.freshArchive(), Database.sqlite(dir))) {
            for (String[] exchange : exchanges) {
                answers.add(console(desk, exchange[0]));
            }
        }
        if (System.getenv("PRINT_EXAMPLES") != null) {
            for (int i = 0; i < exchanges.size(); i++) {
                System.out.print("> " + exchanges.get(i)[0] + "\n" + answers.get(i));
            }
        }
        for (int i = 0; i < exchanges.size(); i++) {
            assertThat(answers.get(i))
                    .as("the page's answer to %s", exchanges.get(i)[0])
                    .matches(pattern(exchanges.get(i)[1]));
        }
        assertThat(exchanges).hasSizeGreaterThan(5);
    }

    private static String console(ResultsDesk desk, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConsoleApp(desk.commands)
                .run(
                        new BufferedReader(new StringReader(command + "\n")),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        false);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The commands typed after "> " with the lines the page shows below each. */
    private static List<String[]> exchanges(String block) {
        List<String[]> out = new ArrayList<>();
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("> ")) {
                if (command != null) {
                    out.add(new String[] {command, expected.toString()});
                }
                command = line.substring(2);
                expected.setLength(0);
            } else if (command != null && !(line.isEmpty() && expected.isEmpty())) {
                expected.append(line).append('\n');
            }
        }
        if (command != null) {
            out.add(new String[] {command, expected.toString().replaceAll("\n+$", "\n")});
        }
        return out;
    }

    /** The page's lines exactly, a line "..." (indented or not) standing for any number of lines. */
    private static Pattern pattern(String expected) {
        StringBuilder regex = new StringBuilder("(?s)");
        for (String line : expected.split("\n")) {
            if (line.strip().equals("...")) {
                regex.append("(?:[^\\n]*\\n)*?");
            } else {
                regex.append(Pattern.quote(line + "\n"));
            }
        }
        return Pattern.compile(regex + "$");
    }
}
