package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.console.ConsoleGateway;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.TestPostgres;

/**
 * The database goes away for ten seconds and more while files land in the feed directory and the polled HTTP feed
 * changes. Nothing is lost: when it returns, everything that arrived meanwhile is ingested and alerted, and both
 * sources go on reading.
 */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void whatArrivesWhileTheDatabaseIsAwayIsIngestedWhenItReturnsAndBothSourcesGoOn() throws Exception {
        List<Contest> contests = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(6)
                .toList();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        AtomicReference<String> httpBody = new AtomicReference<>("");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/results_1.tsv", exchange -> {
            byte[] bytes = httpBody.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(bytes.length == 0 ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        http.start();
        Config config = Config.of(
                Map.of(
                        "ops.port", "0",
                        "feeds.directory", inbox.toString(),
                        "feeds.settle-millis", "100",
                        "feeds.urls", "http://127.0.0.1:" + http.getAddress().getPort() + "/results_1.tsv",
                        "feeds.poll-seconds", "1"),
                Map.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_outage");
                TcpProxy proxy = new TcpProxy(TestPostgres.port());
                Database watcher = schema.open();
                ResultsDesk desk = TestDesks.following(
                        config,
                        Clock.systemUTC(),
                        TestData.freshArchive(),
                        Database.open(schema.urlThroughPort(proxy.port()), schema.user(), schema.password()))) {
            desk.subscriptions.add(new Subscription(
                    new ChannelRef(ChatContext.Platform.CONSOLE, "console"), Subscription.Kind.ALL, null, "all"));
            desk.deliverTo(new ConsoleGateway(new PrintStream(console, true, StandardCharsets.UTF_8)));
            desk.startLeaderWork();
            land(inbox, contests.get(0));
            await().atMost(Duration.ofSeconds(60)).until(() -> declarations(watcher) == 1);

            proxy.cut();
            land(inbox, contests.get(1));
            land(inbox, contests.get(2));
            httpBody.set(BundledFeedParser.write(contests.get(3)));
            // Away for at least ten seconds, and long enough that the leader has lost its lease.
            await().pollDelay(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !desk.leads());
            assertThat(declarations(watcher))
                    .as("nothing could be stored meanwhile")
                    .isEqualTo(1);
            proxy.restore();

            await().atMost(Duration.ofSeconds(90)).until(() -> declarations(watcher) == 4);
            land(inbox, contests.get(4));
            httpBody.set(BundledFeedParser.write(contests.get(5)));
            await().atMost(Duration.ofSeconds(90)).until(() -> declarations(watcher) == 6 && pending(watcher) == 0);
            String alerted = console.toString(StandardCharsets.UTF_8);
            contests.forEach(c -> assertThat(alerted).contains(c.seat().name()));
        } finally {
            http.stop(0);
        }
    }

    private static void land(Path inbox, Contest contest) throws Exception {
        Path partial = inbox.resolve(contest.seat().gss() + "_1.tsv.part");
        Files.writeString(partial, BundledFeedParser.write(contest), StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(contest.seat().gss() + "_1.tsv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static int declarations(Database database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM declarations")
                        .mapTo(Integer.class)
                        .one());
    }

    private static int pending(Database database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'IN_FLIGHT')")
                        .mapTo(Integer.class)
                        .one());
    }
}
