package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.console.ConsoleGateway;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.TestPostgres;

/** The operations port: metrics move after a delivery run; readiness follows the database; /status for editors. */
class OperationsTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsShowTheCountersMovingAfterADeliveryRun() throws Exception {
        Config config = Config.of(Map.of("ops.port", "0"), Map.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (ResultsDesk desk =
                TestDesks.following(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir))) {
            OpsServer ops = desk.startOps();
            assertThat(get(ops, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(ops, "/metrics").body())
                    .as("every counter at zero from the start")
                    .contains("resultsdesk_alerts_sent_total{platform=\"telegram\"} 0.0")
                    .contains("resultsdesk_alerts_failed_total{platform=\"slack\",status=\"channel_gone\"} 0.0")
                    .contains("resultsdesk_rate_limited_total{platform=\"slack\"} 0.0")
                    .contains("resultsdesk_alerts_taken_over_total{platform=\"telegram\"} 0.0")
                    .contains("resultsdesk_feed_files_total{outcome=\"rejected\"} 0.0")
                    .contains("resultsdesk_declarations_ingested_total 0.0")
                    .contains("resultsdesk_leader ")
                    .contains("resultsdesk_paused_channels 0.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_cpu_usage")
                    .contains("jvm_threads_live")
                    .contains("hikaricp_connections_active");
            desk.subscriptions.add(new Subscription(
                    new ChannelRef(ChatContext.Platform.CONSOLE, "console"), Subscription.Kind.ALL, null, "all"));
            desk.deliverTo(new ConsoleGateway(new PrintStream(console, true, StandardCharsets.UTF_8)));
            desk.startLeaderWork();
            await().atMost(Duration.ofSeconds(10)).until(() -> desk.leader().isPresent());
            desk.ingestFile(new FeedFile(
                    "kingswood_1.tsv",
                    BundledFeedParser.write(TestData.contest("parl.2019-12-12", "E14000774"))
                            .getBytes(StandardCharsets.UTF_8),
                    Instant.now()));
            desk.ingestFile(new FeedFile("junk.xml", "<broken".getBytes(StandardCharsets.UTF_8), Instant.now()));
            desk.commands.handle("/result kingswood", ChatContext.console());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> get(ops, "/metrics")
                            .body()
                            .contains("resultsdesk_alerts_sent_total{platform=\"console\"} 1.0"));
            String metrics = get(ops, "/metrics").body();
            assertThat(metrics)
                    .contains("resultsdesk_declarations_ingested_total 1.0")
                    .contains("resultsdesk_declarations_rejected_total 1.0")
                    .contains("resultsdesk_outbox_depth 0.0")
                    .contains("resultsdesk_declaration_to_post_seconds_count{platform=\"console\"} 1")
                    .contains("resultsdesk_command_seconds_count{platform=\"console\"} 1");
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("Kingswood, general election 12 Dec 2019");

            String status = ((Reply.Text) desk.commands
                            .handle("/status", ChatContext.console())
                            .parts()
                            .get(0))
                    .text();
            assertThat(status)
                    .contains("Feed: last file")
                    .contains("parl.2019-12-12/E14000774")
                    .contains("Alerts waiting: 0")
                    .contains("Paused channels: none");
            assertThat(((Reply.Text) desk.commands
                                    .handle(
                                            "/status",
                                            ChatContext.person(
                                                    ChatContext.Platform.SLACK, "C1", ChatContext.ChatKind.GROUP, "U1"))
                                    .parts()
                                    .get(0))
                            .text())
                    .startsWith("Only the desk's editors can see the desk's status");
        }
    }

    @Test
    void readinessIncludesTheChatPlatformsAuthCheck() throws Exception {
        try (org.resultsdesk.telegram.fake.FakeTelegramApi telegram =
                new org.resultsdesk.telegram.fake.FakeTelegramApi(Clock.systemUTC())) {
            Config config = Config.of(
                    Map.of(
                            "ops.port",
                            "0",
                            "telegram.bot-token",
                            org.resultsdesk.telegram.fake.FakeTelegramApi.TOKEN,
                            "telegram.bot-username",
                            "ResultsDeskBot",
                            "telegram.api-url",
                            telegram.baseUrl()),
                    Map.of());
            try (ResultsDesk desk =
                    TestDesks.following(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir))) {
                desk.startTelegram();
                OpsServer ops = desk.startOps();
                assertThat(get(ops, "/readyz").body()).contains("database: ok").contains("telegram: ok");
                assertThat(telegram.calls()).contains("getme");
            }
        }
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        Config config = Config.of(Map.of("ops.port", "0"), Map.of());
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_ops");
                TcpProxy proxy = new TcpProxy(TestPostgres.port());
                ResultsDesk desk = TestDesks.following(
                        config,
                        Clock.systemUTC(),
                        TestData.freshArchive(),
                        Database.open(schema.urlThroughPort(proxy.port()), schema.user(), schema.password()))) {
            OpsServer ops = desk.startOps();
            assertThat(get(ops, "/readyz").statusCode()).isEqualTo(200);

            proxy.cut();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(ops, "/readyz").statusCode() == 503);
            assertThat(get(ops, "/readyz").body()).contains("database: FAILING");
            assertThat(get(ops, "/healthz").statusCode()).isEqualTo(200);

            proxy.restore();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(ops, "/readyz").statusCode() == 200);
        }
    }
}
