package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;

/**
 * The assembly only wires: building it starts no thread and calls no platform; start() starts the parts, and
 * close() stops every one of them, in reverse order, even when one fails to stop. Real parts throughout: the web
 * ports, the delivery loops, the leader's supervisor and the database.
 */
class AssemblyTest {
    @TempDir
    Path dir;

    FakeTelegramApi telegram;
    FakeSlackApi slack;
    Config config;

    @BeforeEach
    void setUp() throws Exception {
        telegram = new FakeTelegramApi(Clock.systemUTC());
        slack = new FakeSlackApi(Clock.systemUTC());
        config = Config.of(
                Map.ofEntries(
                        Map.entry("ops.port", "0"),
                        Map.entry(
                                "feeds.directory",
                                Files.createDirectories(dir.resolve("inbox")).toString()),
                        Map.entry("telegram.bot-token", FakeTelegramApi.TOKEN),
                        Map.entry("telegram.bot-username", FakeTelegramApi.USERNAME),
                        Map.entry("telegram.api-url", telegram.baseUrl()),
                        Map.entry("telegram.mode", "webhook"),
                        Map.entry("telegram.webhook-secret", "assembly-test-webhook-secret"),
                        Map.entry("telegram.webhook-port", "0"),
                        Map.entry("slack.bot-token", FakeSlackApi.BOT_TOKEN),
                        Map.entry("slack.signing-secret", "assembly-test-signing-secret"),
                        Map.entry("slack.api-url", slack.apiUrl()),
                        Map.entry("slack.port", "0")),
                Map.of());
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        slack.close();
    }

    @Test
    void buildingStartsNoThreadAndCallsNoPlatformUntilStarted() throws Exception {
        Database database = Database.sqlite(dir.resolve("db"));
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        try (ResultsDesk desk = TestDesks.built(config, Clock.systemUTC(), TestData.freshArchive(), database)) {
            Set<String> started = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            assertThat(started).as("threads started by building").isEmpty();
            assertThat(telegram.calls()).isEmpty();
            assertThat(slack.calls()).isEmpty();

            desk.start(Optional.of(OpsServer.starting(0)));

            assertThat(telegram.calls()).contains("getme");
            assertThat(slack.calls()).contains("auth.test");
            assertThat(threadNames()).contains("delivery-telegram", "delivery-slack", "leader-supervisor");
        }
    }

    @Test
    void closeStopsEveryPartInReverseOrderEvenWhenOneThrows() throws Exception {
        Database database = Database.sqlite(dir.resolve("db"));
        List<String> stopped = new CopyOnWriteArrayList<>();
        ResultsDesk desk = TestDesks.built(config, Clock.systemUTC(), TestData.freshArchive(), database);
        desk.followStore();
        desk.startTelegram();
        desk.own("first", () -> stopped.add("first"));
        desk.own("broken", () -> {
            stopped.add("broken");
            throw new IOException("this part will not stop cleanly");
        });
        desk.startSlack();
        desk.startLeaderWork();
        OpsServer ops = desk.startOps();
        desk.own("last", () -> stopped.add("last"));
        int telegramPort = desk.webPort("telegram");
        int slackPort = desk.webPort("slack");
        int opsPort = ops.port();
        assertThat(accepts(telegramPort)).isTrue();
        assertThat(threadNames()).contains("delivery-telegram", "delivery-slack", "leader-supervisor");

        assertThatThrownBy(desk::close).isInstanceOf(IOException.class).hasMessage("this part will not stop cleanly");

        assertThat(stopped).containsExactly("last", "broken", "first");
        assertThat(accepts(opsPort))
                .as("the ops port, started after the broken part")
                .isFalse();
        assertThat(accepts(slackPort))
                .as("the Slack endpoint, started after the broken part")
                .isFalse();
        assertThat(accepts(telegramPort))
                .as("the Telegram webhook, started before it")
                .isFalse();
        // Stopping a thread is asked for in close(); its end is awaited, not timed.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(threadNames())
                        .as("delivery loops and the leader's supervisor, started on both sides of it")
                        .doesNotContain("delivery-telegram", "delivery-slack", "leader-supervisor", "feed-directory"));
        assertThat(((HikariDataSource) database.dataSource()).isClosed())
                .as("the database, closed last")
                .isTrue();
        desk.close();
        assertThat(stopped).as("closing twice closes nothing twice").hasSize(3);
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
