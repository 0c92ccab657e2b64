package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.store.Database;

/**
 * One list of commands, four places: what /help lists (from the desk as it is wired), the command table in
 * docs/commands.md, the slash commands the Slack app registers and those config/slack-app-manifest.yml declares.
 * On Slack, the commands Slack cannot take as slash commands of their own (it has a /status) go through
 * /resultsdesk, and /help there says so.
 */
class CommandListsAgreeTest {
    /** Answered on Slack as /resultsdesk help, about, status and audit. */
    static final Set<String> THROUGH_RESULTSDESK = Set.of("help", "about", "status", "audit");
    /** Other names for /result: Slack registers /results; /r is too short to claim in a workspace. */
    static final Set<String> ALIASES = Set.of("results", "r");

    static final Pattern COMMAND = Pattern.compile("(?<![\\w/])/([a-z]+)\\b");

    @TempDir
    Path dir;

    @Test
    void helpTheCommandTableTheSlackAppAndItsManifestNameTheSameCommands() throws Exception {
        Config config = Config.of(Map.of(), Map.of());
        Set<String> help;
        String slackHelp;
        try (ResultsDesk desk =
                TestDesks.built(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir))) {
            help = commands(text(desk.commands.handle("/help", ChatContext.console())));
            slackHelp = text(desk.commands.handle(
                    "/help",
                    ChatContext.person(ChatContext.Platform.SLACK, "C0DESK", ChatContext.ChatKind.GROUP, "U0ED")));
        }
        Set<String> table = commandTable(Files.readString(Path.of("docs/commands.md")));
        Set<String> registered =
                SlackApp.COMMANDS.stream().map(c -> c.substring(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> manifest = new TreeSet<>();
        JsonNode slash = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("config/slack-app-manifest.yml").toFile())
                .path("features")
                .path("slash_commands");
        slash.forEach(c -> manifest.add(c.path("command").asText().substring(1)));

        Set<String> tableWithoutAliasesAndHelp = new TreeSet<>(table);
        tableWithoutAliasesAndHelp.removeAll(ALIASES);
        tableWithoutAliasesAndHelp.remove("help");
        assertThat(help).as("/help against docs/commands.md").isEqualTo(tableWithoutAliasesAndHelp);

        Set<String> onSlack = new TreeSet<>(table);
        onSlack.removeAll(THROUGH_RESULTSDESK);
        onSlack.remove("r");
        onSlack.add("resultsdesk");
        assertThat(registered).as("SlackApp.COMMANDS").isEqualTo(onSlack);
        assertThat(manifest).as("the manifest's slash commands").isEqualTo(onSlack);

        for (String command : THROUGH_RESULTSDESK) {
            if (help.contains(command)) {
                assertThat(slackHelp).contains("/resultsdesk " + command);
            }
        }
        assertThat(commands(slackHelp)).doesNotContainAnyElementsOf(Set.of("about", "status", "audit"));
    }

    /** The command names in the first column of the table under "## Commands". */
    static Set<String> commandTable(String markdown) {
        String section = markdown.substring(markdown.indexOf("## Commands"));
        Set<String> names = new TreeSet<>();
        for (String row : section.split("\n")) {
            if (row.startsWith("| `")) {
                names.addAll(commands(row.split("\\s\\|\\s")[0]));
            }
        }
        return names;
    }

    static Set<String> commands(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = COMMAND.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String text(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Text)
                .map(p -> ((Reply.Text) p).text())
                .collect(Collectors.joining("\n"));
    }
}
