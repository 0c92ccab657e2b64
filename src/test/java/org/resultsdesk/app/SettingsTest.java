package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The settings are read once into checked records; the keys the code knows are the ones shipped and documented. */
class SettingsTest {
    @Test
    void theShippedFileSetsEveryKeyTheCodeKnowsAndNoOther() {
        Config shipped = Config.load(Path.of("config", "results-desk.yml"), Map.of());

        assertThat(KeyCheck.unknownFileKeys(shipped, "config/results-desk.yml")).isEmpty();
        Set<String> expected = new TreeSet<>(Settings.KEYS);
        expected.remove("logging.format"); // environment only, read before the file
        assertThat(shipped.fileKeys()).isEqualTo(expected);
    }

    @Test
    void theConfigurationPageDocumentsEveryKeyAndItsVariable() throws Exception {
        String page = Files.readString(Path.of("docs", "configuration.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[a-z].*?) \\| (.*?) \\|").matcher(page);
        while (row.find()) {
            Matcher key = Pattern.compile("`([a-z][a-z.-]+)`").matcher(row.group(1));
            while (key.find()) {
                documented.add(key.group(1));
                assertThat(row.group(2)).as(key.group(1)).contains("`" + Config.envName(key.group(1)) + "`");
            }
        }
        Set<String> expected = new TreeSet<>(Settings.KEYS);
        expected.remove("logging.format"); // documented as "(environment only)" LOGGING_FORMAT
        assertThat(documented).isEqualTo(expected);
        assertThat(page).contains("`LOGGING_FORMAT`");
    }

    @Test
    void everyAreaIsReadIntoItsRecordWithTheDocumentedDefaults() {
        Settings settings = Settings.from(Config.of(Map.of(), Map.of()));

        assertThat(settings.store().dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(settings.store().jdbcUrl()).isEmpty();
        assertThat(settings.store().connectWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.feeds().directory()).isEmpty();
        assertThat(settings.feeds().createDirectory()).isFalse();
        assertThat(settings.feeds().settle()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.feeds().poll()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.night().election()).isEqualTo("parl.2029-08-15");
        assertThat(settings.delivery().claimLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.leader().lease()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.ops().port()).isEqualTo(8081);
        assertThat(settings.replay().speed()).isEqualTo(60.0);
        assertThat(settings.telegram()).isEmpty();
        assertThat(settings.slack()).isEmpty();
    }

    @Test
    void theNightFollowsTheElectionManagerDateUnlessNamed() {
        assertThat(Settings.from(Config.of(Map.of("feeds.election-manager.date", "2030-05-02"), Map.of()))
                        .night()
                        .election())
                .isEqualTo("parl.2030-05-02");
    }

    @Test
    void eachPortIsCheckedByItsKey() {
        assertThatThrownBy(() -> Settings.from(Config.of(Map.of(), Map.of("OPS_PORT", "99999"))))
                .hasMessage("configuration key ops.port (OPS_PORT) must be a port from 1 to 65535 (0: any free port),"
                        + " not 99999");
        assertThatThrownBy(() -> Settings.from(Config.of(
                        Map.of(
                                "slack.bot-token", "xoxb-1",
                                "slack.signing-secret", "s",
                                "slack.port", "-1"),
                        Map.of())))
                .hasMessageStartingWith("configuration key slack.port (SLACK_PORT) must be a port");
        assertThatThrownBy(() -> Settings.from(Config.of(Map.of("replay.speed", "fast"), Map.of())))
                .hasMessage("configuration key replay.speed (REPLAY_SPEED) must be a number such as 60, not 'fast'");
    }

    @Test
    void socketModeAsksOnlyForWhatItUses() {
        Settings socket = Settings.from(Config.of(
                Map.of("slack.bot-token", "xoxb-1", "slack.mode", "socket", "slack.app-token", "xapp-1"), Map.of()));
        assertThat(socket.slack()).isPresent();

        assertThatThrownBy(() ->
                        Settings.from(Config.of(Map.of("slack.bot-token", "xoxb-1", "slack.mode", "socket"), Map.of())))
                .hasMessage("configuration key slack.app-token (SLACK_APP_TOKEN) is required in socket mode: an"
                        + " app-level token (xapp-...) with the connections:write scope");
        assertThatThrownBy(() -> Settings.from(Config.of(Map.of("slack.bot-token", "xoxb-1"), Map.of())))
                .hasMessageStartingWith(
                        "configuration key slack.signing-secret (SLACK_SIGNING_SECRET) is required in" + " http mode");
        assertThatThrownBy(() -> Settings.from(Config.of(
                        Map.of("slack.bot-token", "xoxb-1", "slack.mode", "sockets", "slack.app-token", "xapp-1"),
                        Map.of())))
                .hasMessage("configuration key slack.mode (SLACK_MODE) must be one of http, socket, not 'sockets'");
    }

    @Test
    void aMisspeltKeyIsMetWithTheNearestKeyAndAStrangerWithTheDocs() {
        Config config = Config.of(
                Map.of("feeds.directroy", "/srv/feeds", "telegarm.bot-token", "x", "colour", "red"), Map.of());

        assertThat(KeyCheck.unknownFileKeys(config, "desk.yml"))
                .containsExactly(
                        "unknown configuration key colour in desk.yml: see docs/configuration.md for the keys there"
                                + " are",
                        "unknown configuration key feeds.directroy in desk.yml: did you mean feeds.directory?",
                        "unknown configuration key telegarm.bot-token in desk.yml: did you mean telegram.bot-token?");
    }

    @Test
    void onlyVariablesThatLookLikeOursAreQuestioned() {
        assertThat(KeyCheck.unknownVariables(Map.of(
                        "FEEDS_DIRECTROY", "/srv/feeds",
                        "FEEDS_DIRECTORY", "/srv/feeds",
                        "PATH", "/usr/bin",
                        "SLACK_TOTALLY_OTHER_TOOL", "x")))
                .containsExactly(
                        "environment variable FEEDS_DIRECTROY is no setting of results-desk: did you mean"
                                + " FEEDS_DIRECTORY?",
                        "environment variable SLACK_TOTALLY_OTHER_TOOL is no setting of results-desk");
    }
}
