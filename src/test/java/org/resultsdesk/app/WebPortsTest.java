package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.slack.SlackSignature;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;
import org.resultsdesk.web.HostileClients;
import org.resultsdesk.web.HostileClients.Slowloris;

/**
 * The three web ports of a running desk (Slack endpoint, Telegram webhook, operations) under abuse: hundreds of
 * connections dripping a request head a byte at a time do not stop a legitimate request being answered, and a body
 * over the limit is refused with 413, whether its length is declared (before it is read) or it is streamed.
 */
class WebPortsTest {
    static final String SLACK_SECRET = "web-ports-test-signing-secret";
    static final String WEBHOOK_SECRET = "web-ports-webhook-secret";
    static final int SLOW_CONNECTIONS = 300;
    static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    FakeTelegramApi telegram;
    FakeSlackApi slack;
    ResultsDesk desk;
    OpsServer ops;
    final HttpClient http = HttpClient.newHttpClient();
    final SlackSignature signature = new SlackSignature(SLACK_SECRET, Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        telegram = new FakeTelegramApi(Clock.systemUTC());
        slack = new FakeSlackApi(Clock.systemUTC());
        Config config = Config.of(
                Map.ofEntries(
                        Map.entry("ops.port", "0"),
                        Map.entry("telegram.bot-token", FakeTelegramApi.TOKEN),
                        Map.entry("telegram.bot-username", FakeTelegramApi.USERNAME),
                        Map.entry("telegram.api-url", telegram.baseUrl()),
                        Map.entry("telegram.mode", "webhook"),
                        Map.entry("telegram.webhook-secret", WEBHOOK_SECRET),
                        Map.entry("telegram.webhook-port", "0"),
                        Map.entry("slack.bot-token", FakeSlackApi.BOT_TOKEN),
                        Map.entry("slack.signing-secret", SLACK_SECRET),
                        Map.entry("slack.api-url", slack.apiUrl()),
                        Map.entry("slack.port", "0")),
                Map.of());
        desk = TestDesks.following(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir));
        desk.startTelegram();
        desk.startSlack();
        ops = desk.startOps();
    }

    @AfterEach
    void tearDown() throws Exception {
        desk.close();
        telegram.close();
        slack.close();
    }

    @Test
    void theOpsPortAnswersDuringASlowloris() throws Exception {
        try (Slowloris slow = slowloris(ops.port(), "/healthz")) {
            assertAnswered(HttpRequest.newBuilder(uri(ops.port(), "/healthz")).build(), 200);
        }
    }

    @Test
    void theSlackEndpointAnswersDuringASlowloris() throws Exception {
        try (Slowloris slow = slowloris(desk.webPort("slack"), "/slack/events")) {
            assertAnswered(slackCommand("/result", "kingswood"), 200);
        }
    }

    @Test
    void theTelegramWebhookAnswersDuringASlowloris() throws Exception {
        try (Slowloris slow = slowloris(desk.webPort("telegram"), "/telegram")) {
            String update =
                    new TelegramUpdates().message(42L, 42L, "/result kingswood").toString();
            assertAnswered(
                    HttpRequest.newBuilder(uri(desk.webPort("telegram"), "/telegram"))
                            .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(update))
                            .build(),
                    200);
        }
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        assertThat(HostileClients.statusForDeclaredBody(ops.port(), "/metrics", FIFTY_MB, Map.of()))
                .isEqualTo(413);
        assertThat(HostileClients.statusForDeclaredBody(
                        desk.webPort("slack"), "/slack/events", FIFTY_MB, slackHeaders()))
                .isEqualTo(413);
        assertThat(HostileClients.statusForDeclaredBody(
                        desk.webPort("telegram"),
                        "/telegram",
                        FIFTY_MB,
                        Map.of("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)))
                .isEqualTo(413);
    }

    @Test
    void aBodyStreamedPastTheLimitIsRefusedWith413() throws Exception {
        long twoMb = 2L * 1024 * 1024;
        assertThat(HostileClients.statusForStreamedBody(desk.webPort("slack"), "/slack/events", twoMb, slackHeaders()))
                .isEqualTo(413);
        assertThat(HostileClients.statusForStreamedBody(
                        desk.webPort("telegram"),
                        "/telegram",
                        twoMb,
                        Map.of("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)))
                .isEqualTo(413);
    }

    @Test
    void slackTimestampsAtTheEdgesOfALongAreRefusedWith401() throws Exception {
        String body = "command=%2Fresult&text=kingswood";
        for (String ts : new String[] {
            "9223372036854775807", "-9223372036854775808", "-9223372036854775807", "99999999999999999999", "abc"
        }) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(desk.webPort("slack"), "/slack/events"))
                            .header("X-Slack-Request-Timestamp", ts)
                            .header("X-Slack-Signature", signature.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(ts).isEqualTo(401);
            assertThat(response.headers().firstValue("connection"))
                    .as("refused unread, the connection is not kept for the next request")
                    .contains("close");
        }
    }

    private static Slowloris slowloris(int port, String path) throws Exception {
        return new Slowloris(port, path, SLOW_CONNECTIONS, Duration.ofMillis(500), Duration.ofSeconds(90));
    }

    private void assertAnswered(HttpRequest request, int status) {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(answer::isDone);
        assertThat(answer.join().statusCode()).isEqualTo(status);
    }

    private Map<String, String> slackHeaders() {
        String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
        return Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signature.sign(ts, new byte[0]));
    }

    private HttpRequest slackCommand(String command, String text) {
        String body = Map.of(
                        "team_id",
                        "T0NEWS",
                        "channel_id",
                        "C0DESK",
                        "user_id",
                        "U0REPORTER",
                        "command",
                        command,
                        "text",
                        text,
                        "response_url",
                        slack.responseUrl("web-ports"))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
        return HttpRequest.newBuilder(uri(desk.webPort("slack"), "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
